import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { AnchorState } from '../../controllers/anchor-controller.js';
import { deepActiveElement } from '../../controllers/deep-query.js';
import { GuideController } from '../../controllers/guide-controller.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { wordsOf } from '../../controllers/words.js';
import messages from '../../i18n/compiled/en/tour.js';
import { ItemController, itemOfKind } from '../../controllers/item-controller.js';
import { MarkdownBodyController } from '../shared/markdown-body-controller.js';
import type { LoadedItem } from '../../core/packs/load-pack.js';
import type { Tour } from '../../core/packs/schema.js';
import { localizeGiven } from '../../core/packs/translations.js';
import { StepWalker, type StepMove } from '../../core/tours/step-walker.js';
import type { EhrTourEndDetail } from '../../events.js';
import { PopupController } from '../popup/popup-controller.js';
import { arrowStyles } from '../shared/arrow.styles.js';
import { GuideElement } from '../shared/guide-element.js';
import { heading } from '../shared/heading.js';
import { panelStyles } from '../shared/panel.styles.js';
import { tourStyles } from './tour.styles.js';

let nextId = 0;

const reducedMotion = (el: Element) => (globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false) || getComputedStyle(el).getPropertyValue('--ehr-motion').trim() === 'reduce';

/**
 * A guided tour through the EHR's own screen: one step at a time, each a popup beside the control it explains,
 * with Back, Next and Done. It never covers or dims the page (the clinician can keep working), scrolls each
 * step's control into view, moves focus into the step when the clinician started it, closes on Escape and gives
 * focus back. A step whose control is not on the page is skipped and reported. Completion is kept in the
 * learner's progress and sent as an xAPI statement.
 *
 * @summary A guided tour: step-by-step popups anchored to the EHR's own controls.
 * @tag ehr-tour
 *
 * @fires {CustomEvent<EhrTourStartDetail>} ehr-tour-start - The tour started.
 * @fires {CustomEvent<EhrTourStepDetail>} ehr-tour-step - A step is showing.
 * @fires {CustomEvent<EhrTourRequestCloseDetail>} ehr-tour-request-close - Cancelable: the clinician asked to close the tour (× or Escape); `preventDefault()` keeps it running.
 * @fires {CustomEvent<EhrTourEndDetail>} ehr-tour-end - The tour ended, and why.
 * @fires {CustomEvent<EhrProblemDetail>} ehr-problem - A step's control is not on the page (skipped), or the tour is invalid or not found.
 *
 * @csspart panel - The step's popup.
 * @csspart arrow - The arrow pointing at the step's control.
 * @csspart header - The row holding the title and the close button.
 * @csspart heading - The step's title.
 * @csspart close-button - The × button.
 * @csspart body - The step's text.
 * @csspart footer - The row with the progress and the buttons.
 * @csspart progress - "Step 2 of 3".
 * @csspart actions - The Back and Next buttons.
 * @csspart back-button - "Back".
 * @csspart next-button - "Next" / "Done".
 *
 * @cssprop --ehr-color-surface - Background.
 * @cssprop --ehr-color-text - Text colour.
 * @cssprop --ehr-color-border - Border.
 * @cssprop --ehr-color-accent - Buttons.
 * @cssprop --ehr-tour-max-width - Maximum width of a step (default 22rem).
 * @cssprop --ehr-code-background - Background of inline code in bodies.
 * @cssprop --ehr-color-critical - Critical status and errors.
 * @cssprop --ehr-color-info - Informational status.
 * @cssprop --ehr-color-on-accent - Text on the accent colour.
 * @cssprop --ehr-color-success - Success status (correct answers, met criteria).
 * @cssprop --ehr-color-text-muted - Secondary text.
 * @cssprop --ehr-color-warning - Warning status.
 * @cssprop --ehr-focus-ring - Focus outline (default `2px solid` accent).
 * @cssprop --ehr-font-family - Font family.
 * @cssprop --ehr-font-mono - Monospace font of code in bodies.
 * @cssprop --ehr-font-size - Base font size (default 0.875rem).
 * @cssprop --ehr-link-color - Links in bodies (default: the accent colour).
 * @cssprop --ehr-radius - Corner radius (default 6px).
 * @cssprop --ehr-shadow - Shadow of floating panels.
 * @cssprop --ehr-motion - `reduce` stops animations and transitions, as `prefers-reduced-motion: reduce` does (an EHR's own setting).
 */
export class EhrTour extends GuideElement {
  static override styles = [panelStyles, arrowStyles, tourStyles];

  /** The tour's item id in the packs of the enclosing `<ehr-guide>`. */
  @property() item?: string;
  /** The tour itself (a pack's tour item), for use without `<ehr-guide>`. */
  @property({ attribute: false }) tour?: unknown;
  /** Whether the tour is running; set it (or call `start()`) to begin. */
  @property({ type: Boolean, reflect: true }) open = false;
  /** How long (ms) a step waits for its control to appear — single-page EHRs render late — before skipping it. */
  @property({ attribute: 'target-timeout', type: Number }) targetTimeout = 3000;
  /** The level of each step's title (2–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  @state() private resolved?: Tour;
  @state() private index = 0;
  @query('[part="panel"]') private panelEl?: HTMLElement;

  readonly #guide = new GuideController(this);
  protected override i18n = new LocaleController<keyof typeof messages>(this, 'tour', messages, this.#guide);
  readonly #item = new ItemController<LoadedItem>(this, this.#guide, {
    lookup: itemOfKind('tour'),
    onChange: (item) => {
      if (this.tour === undefined) this.resolved = item?.kind === 'tour' ? item : undefined;
    },
    onMissing: (code, message) => this.tour === undefined && this.problem(code, `<ehr-tour item>: ${message}`, { itemId: this.item }),
  });
  readonly #popup = new PopupController(this, {
    onAnchorChange: (state) => this.#onAnchor(state),
    // A control a single-page EHR renders late gets `target-timeout` to appear before its step is skipped.
    onMissing: () => this.open && this.#skip(),
    missingGraceMs: () => this.targetTimeout,
  });
  readonly #body = new MarkdownBodyController(this, (code, message) => this.problem(code, message, { itemId: this.#tourId }));
  readonly #walker = new StepWalker(0);
  readonly #id = `ehr-tour-${++nextId}`;
  #returnFocus?: HTMLElement | null;
  #takeFocus = false;
  #startedAt = 0;
  #resolving: Promise<unknown> = Promise.resolve();
  #announced = false;
  #scrolledFor = -1;
  #scrollCheck?: ReturnType<typeof setTimeout>;

  get #tourId(): string {
    return this.item ?? this.resolved?.id ?? '';
  }

  /** Starts the tour at its first step (moving focus into it, as the clinician asked for it); resolves once it is placed. */
  async start(options: { focus?: boolean } = {}): Promise<void> {
    this.#takeFocus = options.focus ?? true;
    this.#startedAt = performance.now();
    this.#returnFocus = deepActiveElement() as HTMLElement | null;
    this.#walker.reset(this.resolved?.steps.length ?? 0);
    this.index = 0;
    this.open = true;
    await this.updateComplete;
    if (!this.resolved) {
      await this.#resolving;
      await this.updateComplete;
    }
    await this.#placed();
  }

  /** Ends the tour (reason `api`); resolves once it is closed. */
  async stop(): Promise<void> {
    this.#end(false, 'api');
    await this.updateComplete;
  }

  /** Goes to the next step (or ends the tour after the last); resolves once the step is on screen and placed. */
  async next(): Promise<void> {
    this.#apply(this.#walker.move(1));
    await this.#placed();
  }

  /** Goes back a step; resolves once it is on screen and placed. */
  async back(): Promise<void> {
    this.#apply(this.#walker.move(-1));
    await this.#placed();
  }

  async #placed(): Promise<void> {
    await this.updateComplete;
    await this.#body.ready;
    await this.updateComplete;
    await this.#popup.settled();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('item')) this.#item.id = this.item;
    if (changed.has('tour') || (changed.has('item') && this.tour === undefined)) this.#resolve();
    if (changed.has('resolved')) this.#walker.reset(this.resolved?.steps.length ?? 0);
    if (this.open && this.resolved && !this.#announced) {
      this.#announced = true;
      this.emit('ehr-tour-start', { tourId: this.#tourId });
    }
    if (!this.open) this.#announced = false;
    if ((changed.has('open') || changed.has('index') || changed.has('resolved')) && this.open && this.resolved) this.#showStep();
    if (changed.has('open') && !this.open) this.#teardown();
  }

  protected override updated(): void {
    const show = this.open && !!this.resolved && this.#popup.anchor.state === 'visible';
    this.#popup.sync(this.panelEl, show, { placement: 'bottom', distance: 10, arrow: this.panelEl?.querySelector<HTMLElement>('.arrow') });
    if (show && this.#takeFocus) {
      this.#takeFocus = false;
      this.panelEl?.querySelector<HTMLElement>('[part="next-button"]')?.focus({ preventScroll: true });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.open) this.#end(false, 'disconnected');
    this.#teardown();
  }

  /** Everything a running tour holds on the page — anchor observers, placement, timers — let go. */
  #teardown(): void {
    this.#popup.setTarget(null);
    this.#popup.stopAll();
    this.#scrolledFor = -1;
    clearTimeout(this.#scrollCheck);
  }

  #resolve(): void {
    if (this.tour === undefined) {
      this.resolved = this.#item.value?.kind === 'tour' ? this.#item.value : undefined;
      return;
    }
    // Validation (valibot and the pack schema) loads only for a tour given as an object: pack tours were
    // validated with their pack, and the tour path stays light.
    const given = this.tour;
    this.resolved = undefined;
    this.#resolving = import('../../core/packs/validate-item.js').then(({ validateTour }) => {
      if (this.tour !== given) return;
      const result = validateTour(given);
      if (result.ok) this.resolved = localizeGiven(result.value, this.i18n.requested);
      else this.problem('item-invalid', result.message);
    });
  }

  #showStep(): void {
    const tour = this.resolved!;
    const step = tour.steps[this.index];
    if (!step) return;
    this.#popup.setTarget(step.selector);
    void this.#body.set(step.body, `steps[${this.index}].body`);
    this.emit('ehr-tour-step', { tourId: this.#tourId, index: this.index, count: tour.steps.length });
  }

  #onAnchor(state: AnchorState): void {
    if (state === 'missing' && this.open && this.#popup.anchor.error) return this.#skip();
    // A step's control below the fold (or above it) is brought into view once per step: the clinician asked for
    // the tour, and a step nobody can see is no step. Instant under reduced motion.
    if (state === 'hidden' && this.open && this.#scrolledFor !== this.index) {
      this.#scrolledFor = this.index;
      const anchor = this.#popup.anchor.anchor;
      // Smooth only over a short way: a long smooth scroll down a long EHR page can stop short (and takes long);
      // if the control is still out of view once it should have arrived, it is brought there at once.
      const far = anchor ? Math.abs(anchor.getBoundingClientRect().top - innerHeight / 2) > innerHeight * 2 : false;
      anchor?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reducedMotion(this) || far ? 'instant' : 'smooth' });
      const index = this.index;
      clearTimeout(this.#scrollCheck);
      this.#scrollCheck = setTimeout(() => {
        if (this.open && this.index === index && this.#popup.anchor.anchor === anchor && anchor && !inViewport(anchor)) anchor.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      }, 700);
    }
    this.requestUpdate();
  }

  /** The step's control is not on the page: say so, and move on in the direction the clinician was going. */
  #skip(): void {
    const step = this.resolved?.steps[this.index];
    if (!step || this.#walker.skipped.has(this.index)) return;
    this.problem('anchor-not-found', `step ${this.index + 1} (${JSON.stringify(step.selector)}) is not on this page; skipped`, { itemId: this.#tourId, path: `steps[${this.index}].selector` });
    const focusInside = this.renderRoot.contains(deepActiveElement());
    this.#apply(this.#walker.skip(), focusInside);
  }

  #apply(move: StepMove, keepFocus?: boolean): void {
    if (!this.resolved || !this.open) return;
    if (move.kind === 'end') return this.#end(move.completed, move.reason);
    if (move.kind === 'stay') return;
    this.#takeFocus = keepFocus === undefined ? true : this.#takeFocus || keepFocus;
    this.index = move.index;
  }

  /** The clinician asked to close: the host may veto it. */
  #requestClose(reason: 'closed' | 'escape'): void {
    if (!this.emit('ehr-tour-request-close', { tourId: this.#tourId, index: this.index, reason }, { cancelable: true })) return;
    this.#end(false, reason);
  }

  #end(completed: boolean, reason: EhrTourEndDetail['reason']): void {
    if (!this.open) return;
    this.open = false;
    this.emit('ehr-tour-end', { tourId: this.#tourId, completed, reason });
    const guide = this.#guide.guide;
    if (completed && this.item && guide?.item(this.item)) void guide.recordTour(this.item, performance.now() - this.#startedAt);
    const back = this.#returnFocus;
    this.#returnFocus = undefined;
    if (back && back.isConnected && reason !== 'no-steps' && reason !== 'disconnected') back.focus({ preventScroll: true });
  }

  #onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.#requestClose('escape');
  };

  override render() {
    const tour = this.resolved;
    if (!tour || !this.open) return html`<div part="panel" class="panel" popover="manual" hidden></div>`;
    const step = tour.steps[this.index];
    const count = tour.steps.length;
    return html`<div part="panel" class="panel" popover="manual" role="dialog" aria-modal="false" aria-labelledby="${this.#id}-title" aria-describedby="${this.#id}-body" @keydown=${this.#onKeydown}>
      <div class="arrow" part="arrow" aria-hidden="true"></div>
      <div class="header" part="header">
        ${heading(this.headingLevel, step.title, { id: `${this.#id}-title`, part: 'heading' })}
        <button part="close-button" class="close" aria-label=${this.i18n.t('close')} @click=${() => this.#requestClose('closed')}>×</button>
      </div>
      <div part="body" class="body md" id="${this.#id}-body">${this.#body.render({ table: this.i18n.t('table'), image: this.i18n.t('image') })}</div>
      <div class="footer" part="footer">
        <span part="progress" class="muted">${this.i18n.t('progress', { step: wordsOf(this.i18n).number(this.index + 1), count: wordsOf(this.i18n).number(count), title: tour.title })}</span>
        <span class="actions" part="actions">
          ${this.#walker.isFirst ? nothing : html`<button part="back-button" @click=${() => void this.back()}>${this.i18n.t('back')}</button>`}
          <button part="next-button" class="primary" @click=${() => void this.next()}>${this.i18n.t(this.#walker.isLast ? 'done' : 'next')}</button>
        </span>
      </div>
    </div>`;
  }
}

/** Whether any part of `el` is inside the viewport. */
function inViewport(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
}
