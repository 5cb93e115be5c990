import { html, nothing, type PropertyValues } from 'lit';
import { TourActions } from './tour-actions.js';
import { TourSpotlight } from './tour-spotlight.js';
import { TourOfferBinding } from './tour-offer-binding.js';
import { renderPaused, renderStep } from './tour.render.js';
import { StepScroller } from './step-scroll.js';
import { TourScreensController } from './tour-screens.js';
import { TourSource } from './tour-source.js';
import type { TourStep } from '../../core/packs/step-schema.js';
import type { AnchorState } from '../../controllers/anchor-controller.js';
import { deepActiveElement } from '../../controllers/deep-query.js';
import { GuideController } from '../../controllers/guide-controller.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { wordsOf } from '../../controllers/words.js';
import messages from '../../i18n/compiled/en/tour.js';
import { MarkdownBodyController } from '../shared/markdown-body-controller.js';
import type { Tour } from '../../core/packs/schema.js';
import { StepWalker, type StepMove } from '../../core/tours/step-walker.js';
import type { EhrTourEndDetail } from '../../events.js';
import { PopupController } from '../popup/popup-controller.js';
import { arrowStyles } from '../shared/arrow.styles.js';
import { GuideElement } from '../shared/guide-element.js';
import { panelStyles } from '../shared/panel.styles.js';
import { tourStyles } from './tour.styles.js';

let nextId = 0;
/** Tours running on this page, by item id: one element runs a given tour at a time (a resumed tour too). */
const running = new Map<string, EhrTour>();


/**
 * A guided tour through the EHR's own screens: one step at a time, each a popup beside the control it explains,
 * with Back, Next and Done — or, on an interactive step, waiting for the clinician's own action on the real
 * control (a click, typing, a choice, a workflow point, a host event), with a hint after a while, a check that it
 * was done right, and Skip as a way out; it never acts on the EHR's controls itself. Steps bound to a screen
 * pause the tour elsewhere and resume it there, and a running tour survives a reload (from progress storage). It
 * never covers the page unless a spotlight is asked for (a dimmed cut-out that leaves the control usable),
 * scrolls each step's control into view, moves focus into the step when the clinician started it, closes on
 * Escape and gives focus back. A step whose control is not on the page is skipped and reported. The engine may
 * offer the tour (first visit to a screen, "What's new") under the fatigue guard; it never starts it unasked.
 * Completion is kept in the learner's progress and sent as an xAPI statement.
 *
 * @summary A guided tour: step-by-step popups anchored to the EHR's own controls.
 * @tag ehr-tour
 *
 * @fires {CustomEvent<EhrTourStartDetail>} ehr-tour-start - The tour started.
 * @fires {CustomEvent<EhrTourStepDetail>} ehr-tour-step - A step is showing.
 * @fires {CustomEvent<EhrTourRequestCloseDetail>} ehr-tour-request-close - Cancelable: the clinician asked to close the tour (× or Escape); `preventDefault()` keeps it running.
 * @fires {CustomEvent<EhrTourEndDetail>} ehr-tour-end - The tour ended, and why (done, closed, screen-not-reached, expired, …).
 * @fires {CustomEvent<EhrTourPauseDetail>} ehr-tour-pause - The current step is on another screen: the tour waits for it.
 * @fires {CustomEvent<EhrTourActionDetail>} ehr-tour-action - The clinician's action on an interactive step: done, fix needed, or skipped.
 * @fires {CustomEvent<EhrProblemDetail>} ehr-problem - A step's control is not on the page (skipped), its screen never came (`step-unreachable`), its check cannot be evaluated (`step-condition-invalid`), or the tour is invalid or not found.
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
 * @csspart skip-button - "Skip this step" (interactive steps).
 * @csspart waiting - "Your turn" on an interactive step, and "Checking…".
 * @csspart hint - The hint after the clinician has not acted for a while.
 * @csspart fix - What to fix when the step's check fails.
 * @csspart spotlight - The dimming layer (when a spotlight is on).
 * @csspart hole - The cut-out around the step's control.
 * @csspart paused - The card of a paused tour (its step is on another screen).
 * @csspart offer - The card offering the tour.
 * @csspart offer-title - The offer's title.
 * @csspart offer-start - "Start the tour".
 * @csspart offer-later - "Not now".
 * @csspart offer-never - "Don't offer again".
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
  // Reactive properties without Lit's decorators (as <ehr-tip>): they stay off the tip + tour path.
  static override properties = {
    item: {},
    tour: { attribute: false },
    open: { type: Boolean, reflect: true },
    targetTimeout: { attribute: 'target-timeout', type: Number },
    headingLevel: { attribute: 'heading-level', type: Number },
    spotlight: { type: Boolean },
    screen: {},
    pauseTimeout: { attribute: 'pause-timeout', type: Number },
    resumeWithin: { attribute: 'resume-within', type: Number },
    noOffer: { attribute: 'no-offer', type: Boolean },
    resolved: { state: true },
    index: { state: true },
  };

  /** The tour's item id in the packs of the enclosing `<ehr-guide>`. */
  item?: string;
  /** The tour itself (a pack's tour item), for use without `<ehr-guide>`. */
  tour?: unknown;
  /** Whether the tour is running; set it (or call `start()`) to begin. */
  open = false;
  /** How long (ms) a step waits for its control to appear — single-page EHRs render late — before skipping it. */
  targetTimeout = 3000;
  /** The level of each step's title (2–6). */
  headingLevel = 3;
  /** A dimmed cut-out around each step's control (also per tour and per step in the pack); off by default. */
  spotlight = false;
  /** The screen showing, for a tour without `<ehr-guide>` (inside one, its `workflow` is the screen). */
  screen?: string;
  /** Seconds a paused tour waits for its step's screen before it ends (`screen-not-reached`). */
  pauseTimeout = 1800;
  /** Minutes within which a saved tour resumes after a reload; an older one ends (`expired`). */
  resumeWithin = 480;
  /** Never show the engine's offer of this tour here (the help panel's own copy, a host's start button only). */
  noOffer = false;

  private resolved?: Tour;
  private index = 0;

  readonly #guide = new GuideController(this);
  protected override i18n = new LocaleController<keyof typeof messages>(this, 'tour', messages, this.#guide);
  readonly #source = new TourSource(this, this.#guide, {
    given: () => this.tour,
    changed: (tour) => (this.resolved = tour),
    problem: (code, message) => this.problem(code, message, { itemId: this.item }),
    locale: () => this.i18n.requested,
  });
  readonly #popup = new PopupController(this, {
    onAnchorChange: (state) => this.#onAnchor(state),
    // A control a single-page EHR renders late gets `target-timeout` to appear before its step is skipped.
    onMissing: () => this.open && !this.#screens.paused && this.#skip(),
    missingGraceMs: () => this.targetTimeout,
  });
  readonly #body = new MarkdownBodyController(this, (code, message) => this.problem(code, message, { itemId: this.#tourId }));
  /** Interactive steps and the spotlight load on first need: a tour that only reads to the clinician never pays for them. */
  readonly #actions = new TourActions(this, {
    index: () => this.index,
    running: () => this.open,
    step: () => this.#step,
    anchor: () => this.#popup.anchor.anchor,
    guide: () => this.#guide.guide,
    invalid: (index, message) => this.problem('step-condition-invalid', `step ${index + 1}: ${message}; the step goes on with Next`, { itemId: this.#tourId, path: `steps[${index}]` }),
    action: (index, outcome) => this.emit('ehr-tour-action', { tourId: this.#tourId, index, outcome }),
    advance: () => this.#apply(this.#walker.move(1), this.renderRoot.contains(deepActiveElement())),
  });
  readonly #spotlight = new TourSpotlight(this);
  readonly #scroller = new StepScroller();
  readonly #offer = new TourOfferBinding(this, this.#guide, () => !this.noOffer);
  readonly #screens = new TourScreensController(this, () => this.#guide.guide);
  readonly #walker = new StepWalker(0);
  readonly #id = `ehr-tour-${++nextId}`;
  #returnFocus?: HTMLElement | null;
  #takeFocus = false;
  /** When the tour started (epoch ms, kept with its saved position). */
  #startedAt = 0;
  #announced = false;
  #resuming = false;

  constructor() {
    super();
    // Each evaluation may bring a new screen (workflow point): a paused tour goes on, an action may be met.
    this.#guide.onResult((result) => this.#onScreen(result.context.workflow));
  }

  get #panel(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part="panel"]');
  }

  get #tourId(): string {
    return this.item ?? this.resolved?.id ?? '';
  }

  get #step(): TourStep | undefined {
    return this.resolved?.steps[this.index];
  }

  /** The screen showing: the guide's workflow point, else the `screen` property. */
  get #screen(): string | undefined {
    return this.#guide.guide?.context.workflow ?? this.screen;
  }

  /** Starts the tour at its first step (moving focus into it, as the clinician asked for it); resolves once it is placed. */
  async start(options: { focus?: boolean } = {}): Promise<void> {
    const other = this.item ? running.get(this.item) : undefined;
    if (other && other !== this && other.open) await other.stop(); // one element runs a tour at a time: the one asked
    this.#takeFocus = options.focus ?? true;
    this.#startedAt = Date.now();
    this.#returnFocus = deepActiveElement() as HTMLElement | null;
    this.#walker.reset(this.resolved?.steps.length ?? 0);
    this.index = 0;
    this.open = true;
    await this.updateComplete;
    if (!this.resolved) {
      await this.#source.resolving;
      await this.updateComplete;
    }
    await this.#placed();
  }

  /** Ends the tour (reason `api`); resolves once it is closed. */
  async stop(): Promise<void> {
    this.#end(false, 'api');
    await this.updateComplete;
  }

  /** Goes to the next step (or ends the tour after the last); a step's check runs first. Resolves once placed. */
  async next(): Promise<void> {
    if (!(await this.#actions.mayGoOn(this.#step))) return;
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
    if (changed.has('open') && this.item) {
      if (this.open) running.set(this.item, this);
      else if (running.get(this.item) === this) running.delete(this.item);
    }
    if (changed.has('item')) {
      this.#source.item = this.item;
      this.#offer.setItem(this.item);
    }
    if (changed.has('noOffer')) this.#offer.refresh();
    if (changed.has('tour') || (changed.has('item') && this.tour === undefined)) this.#source.resolve();
    if (changed.has('resolved')) {
      this.#walker.reset(this.resolved?.steps.length ?? 0);
      this.#resume();
    }
    if (this.open && this.resolved && !this.#announced) {
      this.#announced = true;
      if (!this.#resuming) this.emit('ehr-tour-start', { tourId: this.#tourId });
    }
    if (!this.open) this.#announced = false;
    if ((changed.has('open') || changed.has('index') || changed.has('resolved')) && this.open && this.resolved) this.#showStep();
    if (changed.has('open') && !this.open) this.#teardown();
  }

  protected override updated(): void {
    const step = this.#step;
    const anchor = this.#popup.anchor.anchor;
    const show = this.open && !!step && !this.#screens.paused && this.#popup.anchor.state === 'visible';
    const lit = show && (step.spotlight ?? (this.resolved?.spotlight || this.spotlight));
    const panel = this.#panel;
    // The spotlight goes into the top layer first, so the step's panel stays above it.
    if (this.#spotlight.sync(this.renderRoot.querySelector<HTMLElement>('[part="spotlight"]'), lit ? anchor : null) && panel?.matches(':popover-open')) panel.hidePopover();
    // The step follows its control in the keyboard order: Shift+Tab from the step reaches the control (an
    // interactive step's action is done there), Tab from the control reaches the step.
    this.#popup.sync(panel, show, { placement: 'bottom', distance: 10, arrow: panel?.querySelector<HTMLElement>('.arrow'), source: anchor });
    if (show && this.#takeFocus) {
      this.#takeFocus = false;
      panel?.querySelector<HTMLElement>('[part="next-button"], [part="skip-button"]')?.focus({ preventScroll: true });
    }
    for (const part of ['paused', 'offer'] as const) {
      const el = this.renderRoot.querySelector<HTMLElement>(`[part="${part}"]`);
      try {
        if (el && !el.matches(':popover-open')) el.showPopover();
      } catch {
        // not connected yet: the next update retries
      }
    }
    this.#offer.visible(!!this.renderRoot.querySelector('[part="offer"]'));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A tour of the packs keeps its saved position: an `<ehr-tour>` for it on the next screen (or after a reload) goes on.
    if (this.open) this.#end(false, 'disconnected');
    this.#teardown();
  }

  /** Everything a running tour holds on the page — anchor observers, placement, listeners, timers — let go. */
  #teardown(): void {
    this.#popup.setTarget(null);
    this.#popup.stopAll();
    this.#actions.disarm();
    this.#spotlight.hide();
    this.#scroller.reset();
    this.#screens.unpause();
  }

  /** A tour of the packs saved as running (another screen, a reload) goes on where it was, without taking focus. */
  #resume(): void {
    const tour = this.resolved;
    if (!tour || !this.item || this.open) return;
    const other = running.get(this.item);
    if (other && other !== this && other.open && other.isConnected) return;
    const saved = this.#screens.saved(this.item, `${tour.id}@${tour.version}`, this.resumeWithin);
    if (!saved) return;
    if ('expired' in saved) return void this.emit('ehr-tour-end', { tourId: this.#tourId, completed: false, reason: 'expired' });
    this.#walker.restore(saved.position.index, saved.position.skipped);
    this.#startedAt = saved.position.startedAt;
    this.#takeFocus = false;
    this.#resuming = true;
    this.index = this.#walker.index;
    this.open = true;
    this.emit('ehr-tour-start', { tourId: this.#tourId, resumed: true, index: this.index });
    void this.updateComplete.then(() => (this.#resuming = false));
  }

  #showStep(): void {
    const tour = this.resolved!;
    const step = tour.steps[this.index];
    if (!step) return;
    this.#actions.reset();
    if (this.item) this.#screens.save(this.item, { index: this.index, skipped: [...this.#walker.skipped], startedAt: this.#startedAt });
    if (step.screen && step.screen !== this.#screen) return this.#pause(step.screen);
    this.#screens.unpause();
    this.#popup.setTarget(step.selector);
    void this.#body.set(step.body, `steps[${this.index}].body`);
    this.emit('ehr-tour-step', { tourId: this.#tourId, index: this.index, count: tour.steps.length });
    this.#actions.shown(step);
  }

  /** The step is on another screen: nothing shows but a quiet card, until the host reports that screen. */
  #pause(screen: string): void {
    this.#popup.setTarget(null);
    this.#spotlight.hide();
    const index = this.index;
    const paused = this.#screens.pause(screen, this.pauseTimeout, () => {
      if (!this.open || this.index !== index) return;
      this.problem('step-unreachable', `step ${index + 1} is on screen "${screen}", which the host did not report within ${this.pauseTimeout} s; the tour ended`, { itemId: this.#tourId, path: `steps[${index}].screen` });
      this.#end(false, 'screen-not-reached');
    });
    if (paused) this.emit('ehr-tour-pause', { tourId: this.#tourId, index, screen });
  }

  /** A new workflow point: a paused tour may go on (or a running one pause), a workflow action may be met. */
  #onScreen(workflow: string | undefined): void {
    if (!this.open) return this.#resume();
    const step = this.#step;
    if (!step) return;
    if (workflow) this.#actions.workflow(workflow);
    const here = !step.screen || step.screen === this.#screen;
    if ((this.#screens.paused && here) || (!this.#screens.paused && !here)) this.#showStep();
  }

  #onAnchor(state: AnchorState): void {
    if (state === 'missing' && this.open && this.#popup.anchor.error) return this.#skip();
    const step = this.#step;
    if (state !== 'missing' && this.open && step) this.#actions.anchored(step, this.#popup.anchor.anchor);
    // A step's control below the fold (or above it) is brought into view once per step: the clinician asked for
    // the tour, and a step nobody can see is no step.
    if (state === 'hidden' && this.open) {
      const index = this.index;
      const anchor = this.#popup.anchor.anchor;
      this.#scroller.bring(index, anchor, this, () => this.open && this.index === index && this.#popup.anchor.anchor === anchor);
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
    if (this.item && running.get(this.item) === this) running.delete(this.item);
    this.#actions.disarm();
    this.emit('ehr-tour-end', { tourId: this.#tourId, completed, reason });
    const guide = this.#guide.guide;
    if (reason !== 'disconnected' && this.item) this.#screens.forget(this.item);
    if (completed && this.item && guide?.item(this.item)) void guide.recordTour(this.item, Date.now() - this.#startedAt);
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
    const t = (key: string, values?: Record<string, unknown>) => this.i18n.t(key as keyof typeof messages, values);
    if (!tour || !this.open) {
      return html`<div part="panel" class="panel" popover="manual" hidden></div>${tour && this.item ? this.#offer.render(tour, this.#id, t, () => void this.start()) : nothing}`;
    }
    const paused = this.#screens.paused;
    if (paused) return html`<div part="panel" class="panel" popover="manual" hidden></div>${renderPaused(this.#id, this.#step?.screenName ?? paused, t, () => this.#requestClose('closed'))}`;
    const step = tour.steps[this.index];
    const words = wordsOf(this.i18n);
    return html`<div part="spotlight" class="spotlight" popover="manual" aria-hidden="true"><div part="hole" class="hole"></div></div>${renderStep({
      id: this.#id,
      step,
      headingLevel: this.headingLevel,
      body: this.#body.render({ table: this.i18n.t('table'), image: this.i18n.t('image') }),
      progress: this.i18n.t('progress', { step: words.number(this.index + 1), count: words.number(tour.steps.length), title: tour.title }),
      isFirst: this.#walker.isFirst,
      isLast: this.#walker.isLast,
      interactive: this.#actions.interactive(step),
      hint: this.#actions.hint,
      fix: this.#actions.fix,
      checking: this.#actions.checking,
      t,
      onKeydown: this.#onKeydown,
      onClose: () => this.#requestClose('closed'),
      onBack: () => void this.back(),
      onNext: () => void this.next(),
      onSkip: () => {
        this.emit('ehr-tour-action', { tourId: this.#tourId, index: this.index, outcome: 'skipped' });
        this.#apply(this.#walker.move(1));
      },
    })}`;
  }
}
