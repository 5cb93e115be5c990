import { LitElement } from 'lit';
import { createEvent, type EhrGuideEventMap, type EhrProblemDetail, type ProblemCode } from '../../events.js';
import { VERSION } from '../../version.js';
import type { LocaleController } from '../../controllers/locale-controller.js';

/**
 * The one base class of ehr-guide's elements (Shoelace's `ShoelaceElement`): the version stamp the guarded
 * `defineElement` compares, and one way to send events — prefixed, bubbling and composed, typed by name — and to
 * report problems, all on `ehr-problem` with the reporting element's tag.
 */
export class GuideElement extends LitElement {
  static version = VERSION;

  /** The element's words (set by elements that show text): the first render waits for its locale to load. */
  protected i18n?: LocaleController<string>;

  protected override async scheduleUpdate(): Promise<void> {
    const ready = this.i18n?.ready;
    if (ready) await ready;
    super.scheduleUpdate();
  }

  /** Dispatches a public event; returns false when a cancelable one was prevented. */
  protected emit<K extends keyof EhrGuideEventMap>(type: K, detail: EhrGuideEventMap[K]['detail'], options: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(createEvent(type, detail, options));
  }

  /** Reports a problem on `ehr-problem` (never throws at the page). */
  protected problem(code: ProblemCode, message: string, extra: Pick<EhrProblemDetail, 'path' | 'itemId'> = {}): void {
    const detail: EhrProblemDetail = { element: this.localName, code, message };
    if (extra.path) detail.path = extra.path;
    if (extra.itemId) detail.itemId = extra.itemId;
    this.emit('ehr-problem', detail);
  }
}
