import { type PropertyValues } from 'lit';
import type { Placement } from '../../controllers/placement.js';
import type { AnchorState } from '../../controllers/anchor-controller.js';
import { GuideController } from '../../controllers/guide-controller.js';
import { MarkdownBodyController } from '../shared/markdown-body-controller.js';
import type { DismissalStore } from '../../core/dismissals.js';
import type { CompiledMarkdown } from '../../core/markdown/nodes.js';
import type { TipHideReason, TipShowReason } from '../../events.js';
import { browserDismissalStore } from '../../platform/storage-access.js';
import { GuideElement } from '../shared/guide-element.js';
import { arrowStyles } from '../shared/arrow.styles.js';
import { renderTip, type TipHandlers, type TipMessage, type TipVariant } from './tip.render.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import messages from '../../i18n/compiled/en/tip.js';
import { tokenStyles } from '../shared/tokens.styles.js';
import { tipStyles } from './tip.styles.js';
import { TipFloating } from './tip-floating.js';
import { TipOpening } from './tip-opening.js';
import type { TipItemBinding } from './tip-item.js';

export type { TipVariant } from './tip.render.js';

/**
 * A contextual tip anchored to part of the EHR screen: a pulsing hotspot beacon that opens a tip, a tooltip on
 * hover and focus, or an inline callout. It never blocks the page and never takes focus unless the clinician
 * opened it.
 *
 * @summary A contextual tip as a hotspot beacon, tooltip, or inline callout.
 * @tag ehr-tip
 *
 * @slot - The tip's body. Takes precedence over `markdown` and `content`.
 * @slot heading - The tip's heading; replaces the `heading` attribute.
 *
 * @fires {CustomEvent<EhrTipShowDetail>} ehr-tip-show - The tip opened (rendered).
 * @fires {CustomEvent<EhrTipShowDetail>} ehr-tip-after-show - The tip is open and placed beside its anchor.
 * @fires {CustomEvent<EhrTipHideDetail>} ehr-tip-hide - The tip closed.
 * @fires {CustomEvent<EhrTipHideDetail>} ehr-tip-after-hide - The tip is closed and out of the top layer.
 * @fires {CustomEvent<EhrTipRequestDismissDetail>} ehr-tip-request-dismiss - Cancelable: the clinician asked to dismiss ("Got it" or "Don't show again"); `preventDefault()` keeps the tip.
 * @fires {CustomEvent<EhrTipDismissDetail>} ehr-tip-dismiss - The tip was dismissed.
 * @fires {CustomEvent<EhrProblemDetail>} ehr-problem - A content, anchor or pack-item problem an author should fix.
 *
 * @csspart beacon - The hotspot button (beacon variant).
 * @csspart beacon-dot - The pulsing dot inside the beacon.
 * @csspart panel - The tip's box: popup, tooltip or callout.
 * @csspart arrow - The arrow pointing at the anchor.
 * @csspart header - The row holding the heading and the close button.
 * @csspart heading - The heading text.
 * @csspart close-button - The × button.
 * @csspart body - The tip's body.
 * @csspart actions - The row of dismiss buttons.
 * @csspart dismiss-button - "Got it".
 * @csspart never-button - "Don't show again".
 *
 * @cssprop --ehr-tip-background - Background of the tip (default: `--ehr-color-surface`, then `Canvas`).
 * @cssprop --ehr-tip-color - Text colour (default: `--ehr-color-text`, then `CanvasText`).
 * @cssprop --ehr-tip-border-color - Border colour (default: `--ehr-color-border`).
 * @cssprop --ehr-tip-radius - Corner radius (default: `--ehr-radius`, 6px).
 * @cssprop --ehr-tip-shadow - Box shadow of popups.
 * @cssprop --ehr-tip-max-width - Maximum width of popups (default 22rem).
 * @cssprop --ehr-tip-padding - Inner padding.
 * @cssprop --ehr-tip-font-size - Font size (default: `--ehr-font-size`, 0.875rem).
 * @cssprop --ehr-beacon-color - Colour of the beacon (default: `--ehr-color-accent`).
 * @cssprop --ehr-beacon-size - Diameter of the beacon's dot (default 14px).
 * @cssprop --ehr-color-accent - Accent colour for buttons, links and the callout rule.
 * @cssprop --ehr-color-on-accent - Text on the accent colour.
 * @cssprop --ehr-font-family - Font family.
 * @cssprop --ehr-focus-ring - Focus outline (default `2px solid` accent).
 * @cssprop --ehr-code-background - Background of inline code in bodies.
 * @cssprop --ehr-color-border - Borders (default `#8a94a6`).
 * @cssprop --ehr-color-surface - Background (default `Canvas`).
 * @cssprop --ehr-color-text - Text colour (default `CanvasText`).
 * @cssprop --ehr-font-mono - Monospace font of code in bodies.
 * @cssprop --ehr-font-size - Base font size (default 0.875rem).
 * @cssprop --ehr-link-color - Links in bodies (default: the accent colour).
 * @cssprop --ehr-radius - Corner radius (default 6px).
 * @cssprop --ehr-shadow - Shadow of floating panels.
 * @cssprop --ehr-motion - `reduce` stops animations and transitions, as `prefers-reduced-motion: reduce` does (an EHR's own setting).
 */
export class EhrTip extends GuideElement {
  static override styles = [tokenStyles, arrowStyles, tipStyles];

  readonly #guide = new GuideController(this);
  protected override i18n = new LocaleController<TipMessage>(this, 'tip', messages, this.#guide);
  /** The pack item named by `item` and the guide's decisions on it: loaded only for tips that name one. */
  #items?: TipItemBinding;
  #itemsLoading?: Promise<TipItemBinding>;
  readonly #floating = new TipFloating(this, {
    anchorChanged: (state) => (this.anchorState = state),
    missing: (error) => {
      if (error) this.problem('anchor-invalid', error);
      else this.problem('anchor-not-found', `no element matches the anchor ${JSON.stringify(this.anchor ?? '(element reference)')}`);
    },
    // Tooltips close on Escape wherever focus is (WCAG 1.4.13); popups only when focus is on the tip or its anchor.
    escape: () => this.#isShowing() && this.variant !== 'callout' && (this.variant === 'tooltip' || this.#floating.focusNear()) && void this.#hide('escape'),
    outside: () => this.variant === 'beacon' && void this.#hide('outside'),
    show: (reason) => void this.#show(reason),
    hide: (reason) => void this.#hide(reason),
  });
  readonly #popup = this.#floating.popup;
  readonly #body = new MarkdownBodyController(this, (code, message) => this.problem(code, message, { path: this.content !== undefined ? 'content' : 'markdown' }));

  // Plain getters, not @query: its decorator is not needed on the tip's path for three lookups.
  private get beaconEl(): HTMLButtonElement | undefined {
    return this.renderRoot?.querySelector<HTMLButtonElement>('.beacon') ?? undefined;
  }
  private get panelEl(): HTMLElement | undefined {
    return this.renderRoot?.querySelector<HTMLElement>('.panel') ?? undefined;
  }
  private get arrowEl(): HTMLElement | undefined {
    return this.renderRoot?.querySelector<HTMLElement>('.arrow') ?? undefined;
  }

  // Declared here rather than with Lit's decorators: the decorators' code stays off the tip's path, which every page
  // with a tip loads (0.6 KB gzip); the reactive accessors are the same. Each property's documentation is on its
  // field below.
  static override properties = {
    anchor: {},
    anchorElement: { attribute: false },
    variant: { reflect: true },
    open: { type: Boolean, reflect: true },
    heading: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    markdown: {},
    content: { attribute: false },
    tipId: { attribute: 'tip-id' },
    placement: {},
    beaconPlacement: { attribute: 'beacon-placement' },
    distance: { type: Number },
    beaconLabel: { attribute: 'beacon-label' },
    noControls: { type: Boolean, attribute: 'no-controls' },
    dismissals: { attribute: false },
    item: {},
    guideHidden: { state: true },
    anchorState: { state: true },
    dismissed: { state: true },
    hasSlottedBody: { state: true },
    hasSlottedHeading: { state: true },
  };

  /** CSS selector of the element the tip points at; `a >>> b` looks inside `a`'s open shadow root. */
  anchor?: string;
  /** The element the tip points at; takes precedence over `anchor`. */
  anchorElement?: Element;
  /** How the tip presents itself. */
  variant: TipVariant = 'beacon';
  /** Whether the tip is open (the beacon's popup, the tooltip, or the callout). */
  open = false;
  /** Heading text. */
  heading = '';
  /** Level (2–6) of the heading as a real heading element; without it the heading is a label, outside the page's outline. */
  headingLevel?: number;
  /** Body as markdown; compiled lazily, rendered safely (no HTML, only https, http and mailto links). */
  markdown?: string;
  /** Body as precompiled markdown (`ehr-guide compile` output); needs no markdown code at run time. */
  content?: CompiledMarkdown;
  /** Stable id of the tip, reported in events and used to remember "Don't show again". */
  tipId = '';
  /** Where the popup goes relative to the anchor (`top`, `bottom`, `left`, `right`, each with `-start` or `-end`); flips and shifts to stay on screen. */
  placement: Placement = 'bottom';
  /** Where the beacon sits relative to the anchor. */
  beaconPlacement: Placement = 'right';
  /** Gap in pixels between the anchor and the popup. */
  distance = 10;
  /** Accessible name of the beacon (default: "Tip: " and the heading). */
  beaconLabel = '';
  /** Hide the "Got it" and "Don't show again" controls. */
  noControls = false;
  /** Where "Don't show again" is remembered (default: localStorage, falling back to memory). */
  dismissals: DismissalStore = browserDismissalStore();
  /**
   * Id of a content-pack item to render. Inside `<ehr-guide>`, the tip then takes its heading, body, variant,
   * anchor and placement from the pack (attributes set on the element win) and shows only when the engine says so.
   */
  item?: string;

  private guideHidden = false;
  private anchorState: AnchorState = 'none';
  private dismissed = false;
  private hasSlottedBody = false;
  private hasSlottedHeading = false;

  readonly #opening = new TipOpening(
    {
      tipId: () => this.tipId,
      variant: () => this.variant,
      beacon: () => this.beaconEl,
      panel: () => this.panelEl,
      showing: () => this.#isShowing(),
      emit: (type: never, detail: never) => this.emit(type, detail),
    },
    this.#popup,
  );
  #authored?: Set<string>;

  /** `updateComplete` also waits for a markdown or compiled body being loaded, and for its render. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    await this.#itemsLoading;
    await this.#floating.loading;
    await this.#body.ready;
    if (this.isUpdatePending) result = await super.getUpdateComplete();
    return result;
  }

  override connectedCallback(): void {
    // What the page author set, captured before reflected defaults (variant) appear: pack values never override it.
    this.#authored ??= new Set(this.getAttributeNames());
    super.connectedCallback();
    this.#checkDismissed();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('item') && (this.item || this.#items)) {
      if (this.item && this.#guide.guide) this.guideHidden = true; // until the guide has decided
      void this.#loadItems().then((items) => items.setItem(this.item));
    }
    if (changed.has('anchor') || changed.has('anchorElement') || changed.has('variant')) {
      this.#popup.setTarget(this.variant === 'callout' ? null : (this.anchorElement ?? this.anchor ?? null));
      this.anchorState = this.#floating.state;
      if (this.#popup.anchor.error) this.problem('anchor-invalid', this.#popup.anchor.error);
    }
    if (changed.has('tipId') || changed.has('dismissals')) this.#checkDismissed();
    if (changed.has('content') || changed.has('markdown')) void this.#body.set(this.content ?? this.markdown, this.content !== undefined ? 'content' : 'markdown');
  }

  protected override updated(changed: PropertyValues): void {
    this.#floating.place(
      { beacon: this.beaconEl, panel: this.panelEl, arrow: this.arrowEl },
      { available: this.#available(), showing: this.#isShowing(), beaconPlacement: this.beaconPlacement, placement: this.placement, distance: this.distance },
    );
    const isOpen = this.#isShowing();
    this.#popup.setOpen(isOpen && this.variant !== 'callout');
    if (changed.has('open') || changed.has('dismissed') || changed.has('guideHidden')) this.#opening.rendered(isOpen);
    if (changed.has('variant') || changed.has('anchorState')) void this.#floating.bindTooltip();
    this.#reportVisibility();
  }

  // ——— Pack items and the guide ———

  #loadItems(): Promise<TipItemBinding> {
    return (this.#itemsLoading ??= import('./tip-item.js').then(
      ({ TipItemBinding }) =>
        (this.#items = new TipItemBinding(this, this.#guide, {
          // What the pack says, except what the page set itself with attributes (captured on first connect).
          apply: (values) => Object.assign(this, values),
          authored: () => this.#authored ?? new Set(),
          hasAnchorElement: () => Boolean(this.anchorElement),
          hidden: (hidden) => {
            this.guideHidden = hidden;
            if (!hidden && this.variant === 'callout' && !this.dismissed) this.open = true;
            if (hidden && this.open && this.variant !== 'beacon') this.open = false;
          },
          problem: (code, message) => this.problem(code, message, { itemId: this.item }),
        })),
    ));
  }


  /** Tells the guide when the item appears and leaves, so caps and the session budget count real exposure. */
  #reportVisibility(): void {
    const beaconVisible = this.variant === 'beacon' && this.#available() && this.anchorState === 'visible';
    this.#items?.visible(beaconVisible || this.#isShowing());
  }

  // ——— Public API ———

  /** Opens the tip. Resolves once it is rendered and placed; does nothing when the clinician asked not to see it again. */
  async show(): Promise<void> {
    await this.#show('api');
  }

  /** Closes the tip. Resolves once it is hidden. */
  async hide(): Promise<void> {
    await this.#hide('api');
  }

  /**
   * Closes the tip for this page ("Got it"), or for good when `permanent` ("Don't show again"), unless the host
   * prevents `ehr-tip-request-dismiss`. Resolves with whether the tip was dismissed.
   */
  async dismiss(permanent = false): Promise<boolean> {
    if (!this.emit('ehr-tip-request-dismiss', { tipId: this.tipId, permanent }, { cancelable: true })) return false;
    if (this.#items?.active) this.#items.dismissed(permanent);
    else if (permanent && this.tipId) this.dismissals.dismiss(this.tipId);
    this.emit('ehr-tip-dismiss', { tipId: this.tipId, permanent });
    this.#opening.closing('dismiss');
    this.dismissed = true;
    this.open = false;
    await this.updateComplete;
    this.#opening.returnFocus(true);
    return true;
  }

  // ——— State ———

  /** Not dismissed by the clinician and not held back by the guide. */
  #available(): boolean {
    return !this.dismissed && !this.guideHidden;
  }

  #isShowing(): boolean {
    return this.open && this.#available();
  }

  async #show(reason: TipShowReason): Promise<void> {
    if (!this.#available() || this.open) return this.updateComplete.then(() => undefined);
    this.#opening.opening(reason);
    // Never show an empty popup: wait for a markdown body to be compiled first (it loads lazily).
    await this.#body.ready;
    if (this.dismissed || this.open) return;
    this.open = true;
    await this.updateComplete;
    await this.#popup.settled();
  }

  async #hide(reason: TipHideReason): Promise<void> {
    if (!this.open) return this.updateComplete.then(() => undefined);
    this.#opening.closing(reason);
    this.open = false;
    await this.updateComplete;
    this.#opening.returnFocus(false);
  }

  #checkDismissed(): void {
    // In item mode the guide's progress decides; the standalone store is for tips without a guide.
    if (this.item) return;
    if (this.tipId && this.dismissals.isDismissed(this.tipId)) this.dismissed = true;
  }

  // ——— Handlers ———

  readonly #handlers: TipHandlers = {
    beaconClick: (event) => {
      // detail is 0 when the click came from the keyboard (Enter or Space on the button).
      if (this.open) void this.#hide('pointer');
      else void this.#show(event.detail === 0 ? 'keyboard' : 'pointer');
    },
    close: () => void this.#hide('close-button'),
    dismiss: (permanent) => void this.dismiss(permanent),
    calloutKeydown: (event) => {
      if (event.key === 'Escape' && this.open) void this.#hide('escape');
    },
    panelEnter: () => this.#floating.keepOpen(),
    panelLeave: () => this.#floating.leave(),
    bodySlot: (event) => (this.hasSlottedBody = hasContent(event.target as HTMLSlotElement)),
    headingSlot: (event) => (this.hasSlottedHeading = hasContent(event.target as HTMLSlotElement)),
  };

  override render() {
    return renderTip({
      tip: this,
      showing: this.#isShowing(),
      beaconHidden: !this.#available() || (this.anchorState !== 'none' && !this.#floating.hasPlace()),
      floatingBeacon: this.anchorState !== 'none',
      hasSlottedBody: this.hasSlottedBody,
      hasSlottedHeading: this.hasSlottedHeading,
      body: this.#body,
      on: this.#handlers,
      t: (key, args) => this.i18n.t(key, args),
    });
  }
}

function hasContent(slot: HTMLSlotElement): boolean {
  return slot.assignedNodes({ flatten: true }).some((node) => node.nodeType === Node.ELEMENT_NODE || (node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== ''));
}
