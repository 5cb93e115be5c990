import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GuideController } from '../../controllers/guide-controller.js';
import { ItemController, itemOfKind } from '../../controllers/item-controller.js';
import type { LoadedItem } from '../../core/packs/load-pack.js';
import { packValues } from './pack-values.js';

export interface TipItemCallbacks {
  /** The pack's item arrived (or changed): these are the tip's properties it sets. */
  apply(values: Record<string, unknown>): void;
  /** The attributes the page set itself: a pack value never overrides them. */
  authored(): ReadonlySet<string>;
  hasAnchorElement(): boolean;
  /** Whether the guide holds the tip back (not decided yet, suppressed, or the item is gone). */
  hidden(hidden: boolean): void;
  problem(code: 'item-not-found' | 'item-wrong-kind', message: string): void;
}

/**
 * A tip that renders a pack item (`<ehr-tip item>` inside `<ehr-guide>`): finds the item, tells the guide the
 * page can render it (pushed items compete only where they can show), follows the guide's decision for it, and
 * reports when it is on screen and when the clinician dismissed it, so caps and the session budget count real
 * exposure. Loaded only by tips that name an item.
 */
export class TipItemBinding implements ReactiveController {
  readonly #item: ItemController<LoadedItem>;
  #unmount?: () => void;
  #counted = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly guide: GuideController,
    private readonly callbacks: TipItemCallbacks,
  ) {
    this.#item = new ItemController<LoadedItem>(host, guide, {
      lookup: itemOfKind('tip'),
      onChange: (item) => {
        if (item) callbacks.apply(packValues(item, callbacks.authored(), callbacks.hasAnchorElement()));
        this.#sync();
      },
      onMissing: (code, message) => callbacks.problem(code, `<ehr-tip item>: ${message}`),
    });
    host.addController(this);
    guide.onGuide(() => this.#bind());
    guide.onResult(() => this.#sync());
  }

  /** Whether the tip is in item mode: it names an item and is inside a guide. */
  get active(): boolean {
    return Boolean(this.#item.id && this.guide.guide);
  }

  /** The item's id (`undefined`: the tip stands alone). */
  setItem(id: string | undefined): void {
    this.#item.id = id;
    this.#bind();
  }

  hostConnected(): void {
    this.#bind(); // (re)connected or moved in the DOM: register with the guide again
  }

  hostDisconnected(): void {
    this.#unbind();
  }

  /** The tip appeared on screen or left it. */
  visible(visible: boolean): void {
    if (!this.active || visible === this.#counted) return;
    this.#counted = visible;
    if (visible) void this.guide.guide!.recordShown(this.#item.id!);
    else this.guide.guide!.recordHidden(this.#item.id!);
  }

  /** The clinician dismissed it ("Got it"), or asked never to see it again. */
  dismissed(permanent: boolean): void {
    if (this.active) void this.guide.guide!.recordDismissed(this.#item.id!, permanent);
  }

  #unbind(): void {
    this.#unmount?.();
    this.#unmount = undefined;
    if (this.#counted && this.#item.id) this.guide.guide?.recordHidden(this.#item.id);
    this.#counted = false;
  }

  #bind(): void {
    this.#unbind();
    if (!this.active || !this.host.isConnected) return this.callbacks.hidden(false);
    this.#unmount = this.guide.guide!.mount(this.#item.id!);
    this.#sync(); // hidden until the guide has decided; the decision arrives with its next evaluation
  }

  #sync(): void {
    if (!this.active) return;
    const decision = this.guide.guide!.decision(this.#item.id!);
    this.callbacks.hidden(!(this.#item.value && decision?.show));
  }
}
