import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { engineContext } from '../guide/engine-context.js';
import type { GuideEngine } from '../../core/engine/engine.js';
import { AnchorController, type AnchorState } from '../../controllers/anchor-controller.js';
import { deepActiveElement } from '../../controllers/deep-query.js';
import type { CompiledMarkdown } from '../../core/markdown/nodes.js';
import type { Tour } from '../../core/packs/schema.js';
import { createEvent, type EhrTourEndDetail } from '../../events.js';
import { VERSION } from '../../version.js';
import { heading } from '../shared/heading.js';
import { compileBody, loadMarkdownView, type MarkdownView } from '../shared/markdown-body.js';
import { panelStyles } from '../shared/panel.styles.js';
import { tourStyles } from './tour.styles.js';
import { arrowStyles } from '../shared/arrow.styles.js';


let nextId = 0;

/**
 * A guided tour through the EHR's own screen: one step at a time, each a popup beside the control it explains,
 * with Back, Next and Done. It never covers or dims the page (the clinician can keep working), moves focus into the
 * step when the clinician started it, closes on Escape and gives focus back. A step whose control is not on the
 * page is skipped and reported. Completion is kept in the learner's progress and sent as an xAPI statement.
 *
 * @summary A guided tour: step-by-step popups anchored to the EHR's own controls.
 * @tag ehr-tour
 *
 * @fires ehr-tour-start - The tour started. `detail: { tourId }`.
 * @fires ehr-tour-step - A step is showing. `detail: { tourId, index, count }`.
 * @fires ehr-tour-end - The tour ended. `detail: { tourId, completed, reason: 'done' | 'closed' | 'escape' | 'no-steps' | 'api' }`.
 * @fires ehr-tour-error - A step's control is not on the page (skipped), or the tour is invalid. `detail: { tourId, code, message }`.
 *
 * @csspart panel - The step's popup.
 * @csspart heading - The step's title.
 * @csspart body - The step's text.
 * @csspart progress - "Step 2 of 3".
 * @csspart back-button - "Back".
 * @csspart next-button - "Next" / "Done".
 * @csspart close-button - The × button.
 *
 * @cssprop --ehr-color-surface - Background.
 * @cssprop --ehr-color-text - Text colour.
 * @cssprop --ehr-color-border - Border.
 * @cssprop --ehr-color-accent - Buttons.
 * @cssprop --ehr-tour-max-width - Maximum width of a step (default 22rem).
 */
export class EhrTour extends LitElement {
  static version = VERSION;
  static override styles = [panelStyles, arrowStyles, tourStyles];

  /** The tour's item id in the packs of the enclosing `<ehr-guide>`. */
  @property() item?: string;
  /** The tour itself (a pack's tour item), for use without `<ehr-guide>`. */
  @property({ attribute: false }) tour?: unknown;
  /** Whether the tour is running; set it (or call `start()`) to begin. */
  @property({ type: Boolean, reflect: true }) open = false;
  /** How long (ms) a step waits for its control to appear — single-page EHRs render late — before skipping it. */
  @property({ attribute: 'target-timeout', type: Number }) targetTimeout = 3000;

  @consume({ context: engineContext, subscribe: true })
  @state()
  engine?: GuideEngine;

  @state() private resolved?: Tour;
  @state() private index = 0;
  @state() private compiled?: CompiledMarkdown;
  @query('[part="panel"]') private panelEl?: HTMLElement;

  readonly #anchor = new AnchorController(this, (state) => this.#onAnchor(state));
  readonly #id = `ehr-tour-${++nextId}`;
  #view?: MarkdownView;
  #returnFocus?: HTMLElement | null;
  #takeFocus = false;
  #graceTimer?: ReturnType<typeof setTimeout>;
  #direction: 1 | -1 = 1;
  #skipped = new Set<number>();
  #startedAt = 0;
  #resolving: Promise<unknown> = Promise.resolve();
  #announced = false;

  get #tourId(): string {
    return this.item ?? this.resolved?.id ?? '';
  }

  /** Starts the tour at its first step (moving focus into it, as the clinician asked for it). */
  async start(options: { focus?: boolean } = {}): Promise<void> {
    this.#takeFocus = options.focus ?? true;
    this.#startedAt = performance.now();
    this.#returnFocus = deepActiveElement() as HTMLElement | null;
    this.index = 0;
    this.#skipped.clear();
    this.open = true;
    await this.updateComplete;
    if (!this.resolved) {
      await this.#resolving;
      await this.updateComplete;
    }
    await this.#placed();
  }

  /** Ends the tour. */
  stop(): void {
    this.#end(false, 'api');
  }

  /** Goes to the next step (or ends the tour after the last); resolves once the step is on screen and placed. */
  async next(): Promise<void> {
    this.#go(1);
    await this.#placed();
  }

  /** Goes back a step; resolves once it is on screen and placed. */
  async back(): Promise<void> {
    this.#go(-1);
    await this.#placed();
  }

  async #placed(): Promise<void> {
    await this.updateComplete;
    await this.#anchor.settled();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('tour') || changed.has('item') || changed.has('engine')) this.#resolve();
    if (this.open && this.resolved && !this.#announced) {
      this.#announced = true;
      this.dispatchEvent(createEvent('ehr-tour-start', { tourId: this.#tourId }));
    }
    if (!this.open) this.#announced = false;
    if ((changed.has('open') || changed.has('index') || changed.has('resolved')) && this.open && this.resolved) this.#showStep();
    if (changed.has('open') && !this.open) {
      this.#anchor.setTarget(null);
      clearTimeout(this.#graceTimer);
    }
  }

  protected override updated(): void {
    const panel = this.panelEl;
    if (!panel) return;
    const show = this.open && !!this.resolved && this.#anchor.state === 'visible';
    const isOpen = panel.matches(':popover-open');
    try {
      if (show && !isOpen) panel.showPopover();
      if (!show && isOpen) panel.hidePopover();
    } catch {
      // retried on the next update
    }
    if (show) {
      this.#anchor.position(panel, { placement: 'bottom', distance: 10, arrow: panel.querySelector<HTMLElement>('.arrow') });
      if (this.#takeFocus) {
        this.#takeFocus = false;
        panel.querySelector<HTMLElement>('[part="next-button"]')?.focus({ preventScroll: true });
      }
    } else this.#anchor.stop(panel);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#graceTimer);
  }

  #resolve(): void {
    const engine = this.engine;
    if (this.tour !== undefined) {
      // Validation (valibot and the pack schema) loads only for a tour given as an object: pack tours were
      // validated with their pack, and the tour path stays light.
      const given = this.tour;
      this.resolved = undefined;
      this.#resolving = import('../../core/packs/validate-item.js').then(({ validateTour }) => {
        if (this.tour !== given) return;
        const result = validateTour(given);
        if (result.ok) this.resolved = result.value;
        else this.#error('tour-invalid', result.message);
      });
      return;
    }
    const item = this.item ? engine?.item(this.item) : undefined;
    if (item?.kind === 'tour') this.resolved = item;
    else if (this.item && engine) {
      this.#resolving = engine.ready.then(() => {
        const found = this.item ? engine.item(this.item) : undefined;
        if (found?.kind === 'tour') this.resolved = found;
        else if (this.engine === engine && this.item) this.#error('tour-invalid', found ? `"${this.item}" is a ${found.kind}, not a tour` : `no tour "${this.item}" is in the loaded packs`);
      });
    }
  }

  #error(code: 'anchor-not-found' | 'tour-invalid', message: string): void {
    this.dispatchEvent(createEvent('ehr-tour-error', { tourId: this.#tourId, code, message }));
  }

  #showStep(): void {
    const tour = this.resolved!;
    const step = tour.steps[this.index];
    if (!step) return;
    this.#anchor.setTarget(step.selector);
    clearTimeout(this.#graceTimer);
    this.#graceTimer = setTimeout(() => {
      if (this.open && this.#anchor.state === 'missing' && this.resolved?.steps[this.index] === step) this.#skip();
    }, Number.isFinite(this.targetTimeout) ? Math.max(0, this.targetTimeout) : 3000);
    void this.#loadBody(step.body);
    this.dispatchEvent(createEvent('ehr-tour-step', { tourId: this.#tourId, index: this.index, count: tour.steps.length }));
  }

  #onAnchor(state: AnchorState): void {
    if (state === 'missing' && this.open && this.#anchor.error) this.#skip();
    else this.requestUpdate();
  }

  /** The step's control is not on the page: say so, and move on in the direction the clinician was going. */
  #skip(): void {
    const step = this.resolved?.steps[this.index];
    if (!step || this.#skipped.has(this.index)) return;
    this.#skipped.add(this.index);
    this.#error('anchor-not-found', `step ${this.index + 1} (${JSON.stringify(step.selector)}) is not on this page; skipped`);
    this.#go(this.#direction, true);
  }

  #go(direction: 1 | -1, skipping = false): void {
    const tour = this.resolved;
    if (!tour || !this.open) return;
    this.#direction = direction;
    let target = this.index + direction;
    while (target >= 0 && target < tour.steps.length && this.#skipped.has(target)) target += direction;
    if (target >= tour.steps.length) {
      const shown = tour.steps.length - this.#skipped.size;
      return this.#end(shown > 0, shown > 0 ? 'done' : 'no-steps');
    }
    if (target < 0) {
      if (skipping) return this.#go(1, true);
      return;
    }
    this.#takeFocus = !skipping || this.#takeFocus || this.renderRoot.contains(deepActiveElement());
    this.index = target;
  }

  #end(completed: boolean, reason: EhrTourEndDetail['reason']): void {
    if (!this.open) return;
    this.open = false;
    this.dispatchEvent(createEvent('ehr-tour-end', { tourId: this.#tourId, completed, reason }));
    if (completed && this.item && this.engine?.item(this.item)) void this.engine.recordTour(this.item, performance.now() - this.#startedAt);
    const back = this.#returnFocus;
    this.#returnFocus = undefined;
    if (back && back.isConnected && reason !== 'no-steps') back.focus({ preventScroll: true });
  }

  async #loadBody(body: unknown): Promise<void> {
    this.compiled = undefined;
    const view = (this.#view = await loadMarkdownView(this.shadowRoot));
    const step = this.index;
    const { compiled, problems } = await compileBody(body, view, `steps[${step}].body`);
    if (this.resolved?.steps[this.index]?.body !== body) return; // the clinician has moved on
    if (problems) this.#error('tour-invalid', problems);
    this.compiled = compiled;
  }

  #onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.#end(false, 'escape');
    }
  };

  override render() {
    const tour = this.resolved;
    if (!tour || !this.open) return html`<div part="panel" class="panel" popover="manual" hidden></div>`;
    const step = tour.steps[this.index];
    const count = tour.steps.length;
    const last = this.index + 1 >= count || tour.steps.slice(this.index + 1).every((_, i) => this.#skipped.has(this.index + 1 + i));
    const first = this.index === 0 || tour.steps.slice(0, this.index).every((_, i) => this.#skipped.has(i));
    return html`<div part="panel" class="panel" popover="manual" role="dialog" aria-modal="false" aria-labelledby="${this.#id}-title" aria-describedby="${this.#id}-body" @keydown=${this.#onKeydown}>
      <div class="arrow" aria-hidden="true"></div>
      <div class="header">
        ${heading(3, step.title, { id: `${this.#id}-title`, part: 'heading' })}
        <button part="close-button" class="close" aria-label="Close the tour" @click=${() => this.#end(false, 'closed')}>×</button>
      </div>
      <div part="body" class="body md" id="${this.#id}-body">${this.#view && this.compiled ? this.#view.renderMarkdown(this.compiled) : nothing}</div>
      <div class="footer">
        <span part="progress" class="muted">Step ${this.index + 1} of ${count} · ${tour.title}</span>
        <span class="actions">
          ${first ? nothing : html`<button part="back-button" @click=${() => void this.back()}>Back</button>`}
          <button part="next-button" class="primary" @click=${() => void this.next()}>${last ? 'Done' : 'Next'}</button>
        </span>
      </div>
    </div>`;
  }
}
