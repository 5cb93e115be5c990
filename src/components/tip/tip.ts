import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Placement } from '@floating-ui/dom';
import { consume } from '@lit/context';
import { engineContext } from '../guide/engine-context.js';
import type { GuideEngine } from '../../core/engine/engine.js';
import type { LoadedItem } from '../../core/packs/load-pack.js';
import { AnchorController, type AnchorState } from '../../controllers/anchor-controller.js';
import { deepActiveElement } from '../../controllers/deep-query.js';
import type { DismissalStore } from '../../core/dismissals.js';
import { browserDismissalStore } from '../../platform/web-storage.js';
import type { CompiledMarkdown } from '../../core/markdown/nodes.js';
import { createEvent, type EhrTipErrorDetail, type TipHideReason, type TipShowReason } from '../../events.js';
import { VERSION } from '../../version.js';
import { tipStyles } from './tip.styles.js';
import { arrowStyles } from '../shared/arrow.styles.js';
import type { MarkdownView } from '../shared/markdown-body.js';


export type TipVariant = 'beacon' | 'tooltip' | 'callout';

/** How long a missing anchor may take to appear (single-page EHRs render late) before it is reported. */
const ANCHOR_GRACE_MS = 3000;
const TOOLTIP_SHOW_DELAY_MS = 150;
const TOOLTIP_HIDE_DELAY_MS = 200;

let nextId = 0;

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
 * @fires ehr-tip-show - The tip opened. `detail: { tipId, reason }`.
 * @fires ehr-tip-hide - The tip closed. `detail: { tipId, reason }`.
 * @fires ehr-tip-dismiss - The clinician dismissed the tip ("Got it") or asked never to see it again. `detail: { tipId, permanent }`.
 * @fires ehr-tip-error - Content or anchor problem an author should fix. `detail: { tipId, code, message }`.
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
 */
export class EhrTip extends LitElement {
  static version = VERSION;
  static override styles = [arrowStyles, tipStyles];

  readonly #anchor = new AnchorController(this, (state, anchor) => this.#onAnchorChange(state, anchor));

  @query('.beacon') private beaconEl?: HTMLButtonElement;
  @query('.panel') private panelEl?: HTMLElement;
  @query('.arrow') private arrowEl?: HTMLElement;

  /** CSS selector of the element the tip points at; `a >>> b` looks inside `a`'s open shadow root. */
  @property() anchor?: string;
  /** The element the tip points at; takes precedence over `anchor`. */
  @property({ attribute: false }) anchorElement?: Element;
  /** How the tip presents itself. */
  @property({ reflect: true }) variant: TipVariant = 'beacon';
  /** Whether the tip is open (the beacon's popup, the tooltip, or the callout). */
  @property({ type: Boolean, reflect: true }) open = false;
  /** Heading text. */
  @property() heading = '';
  /** Body as markdown; compiled lazily, rendered safely (no HTML, only https, http and mailto links). */
  @property() markdown?: string;
  /** Body as precompiled markdown (`ehr-guide compile` output); needs no markdown code at run time. */
  @property({ attribute: false }) content?: CompiledMarkdown;
  /** Stable id of the tip, reported in events and used to remember "Don't show again". */
  @property({ attribute: 'tip-id' }) tipId = '';
  /** Where the popup goes relative to the anchor (floating-ui placement); flips and shifts to stay on screen. */
  @property() placement: Placement = 'bottom';
  /** Where the beacon sits relative to the anchor. */
  @property({ attribute: 'beacon-placement' }) beaconPlacement: Placement = 'right';
  /** Gap in pixels between the anchor and the popup. */
  @property({ type: Number }) distance = 10;
  /** Accessible name of the beacon (default: "Tip: " and the heading). */
  @property({ attribute: 'beacon-label' }) beaconLabel = '';
  /** Hide the "Got it" and "Don't show again" controls. */
  @property({ type: Boolean, attribute: 'no-controls' }) noControls = false;
  /** Where "Don't show again" is remembered (default: localStorage, falling back to memory). */
  @property({ attribute: false }) dismissals: DismissalStore = browserDismissalStore();
  /**
   * Id of a content-pack item to render. Inside `<ehr-guide>`, the tip then takes its heading, body, variant,
   * anchor and placement from the pack (attributes set on the element win) and shows only when the engine says so.
   */
  @property() item?: string;

  /** The engine of the enclosing `<ehr-guide>`, if any. */
  @consume({ context: engineContext, subscribe: true })
  @state()
  private engine?: GuideEngine;
  @state() private engineHidden = false;

  @state() private anchorState: AnchorState = 'none';
  @state() private dismissed = false;
  @state() private compiled?: CompiledMarkdown;
  @state() private plainFallback?: string;
  @state() private hasSlottedBody = false;
  @state() private hasSlottedHeading = false;

  readonly #uid = `ehr-tip-${++nextId}`;
  #showReason: TipShowReason = 'api';
  #hideReason: TipHideReason = 'api';
  #opener: HTMLElement | null = null;
  #compileToken = 0;
  #bodyReady: Promise<void> = Promise.resolve();
  /** The markdown checker, renderer and styles: loaded with the first markdown or compiled body. */
  #view?: MarkdownView;
  /** `updateComplete` also waits for a markdown or compiled body being loaded, and for its render. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    await this.#bodyReady;
    if (this.isUpdatePending) result = await super.getUpdateComplete();
    return result;
  }

  /** Loaded with the first body only: a tip with slotted text never downloads the markdown parts. */
  async #loadView(): Promise<MarkdownView> {
    const { loadMarkdownView } = await import('../shared/markdown-body.js');
    return (this.#view = await loadMarkdownView(this.shadowRoot));
  }

  #graceTimer?: ReturnType<typeof setTimeout>;
  #hoverTimer?: ReturnType<typeof setTimeout>;
  #tooltipAnchor: Element | null = null;
  #describedBy: { el: Element; previous: string | null } | null = null;
  #reportedMissing = false;
  #wasOpen = false;
  #unsubscribeEngine?: () => void;
  #unmount?: () => void;
  #authored?: Set<string>;
  #appliedItem?: LoadedItem;
  #counted = false;

  override connectedCallback(): void {
    // What the page author set, captured before reflected defaults (variant) appear: pack values never override it.
    this.#authored ??= new Set(this.getAttributeNames());
    super.connectedCallback();
    this.#checkDismissed();
    if (this.hasUpdated && this.#itemMode()) this.#bindEngine(); // moved in the DOM: register with the engine again
    document.addEventListener('keydown', this.#onDocumentKeydown);
    document.addEventListener('pointerdown', this.#onDocumentPointerdown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unbindEngine();
    if (this.#counted && this.item) this.engine?.recordHidden(this.item);
    this.#counted = false;
    document.removeEventListener('keydown', this.#onDocumentKeydown);
    document.removeEventListener('pointerdown', this.#onDocumentPointerdown);
    this.#bindTooltip(null);
    clearTimeout(this.#graceTimer);
    clearTimeout(this.#hoverTimer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('engine') || changed.has('item')) this.#bindEngine();
    if (changed.has('anchor') || changed.has('anchorElement') || changed.has('variant')) {
      this.#anchor.setTarget(this.variant === 'callout' ? null : (this.anchorElement ?? this.anchor ?? null));
      this.anchorState = this.#anchor.state;
      if (this.#anchor.error) this.#error('anchor-invalid', this.#anchor.error);
    }
    if (changed.has('tipId') || changed.has('dismissals')) this.#checkDismissed();
    if (changed.has('content') || changed.has('markdown')) this.#loadBody();
  }

  protected override updated(changed: PropertyValues): void {
    this.#syncFloating();
    const isOpen = this.#isShowing();
    if (isOpen !== this.#wasOpen && (changed.has('open') || changed.has('dismissed'))) {
      this.#wasOpen = isOpen;
      if (isOpen) this.#afterShow();
      else this.#afterHide();
    }
    if (changed.has('variant') || changed.has('anchorState')) {
      this.#bindTooltip(this.variant === 'tooltip' ? this.#anchor.anchor : null);
    }
    this.#reportVisibility();
  }

  // ——— Pack items and the engine ———

  #itemMode(): boolean {
    return Boolean(this.item && this.engine);
  }

  #unbindEngine(): void {
    this.#unsubscribeEngine?.();
    this.#unsubscribeEngine = undefined;
    this.#unmount?.();
    this.#unmount = undefined;
  }

  #bindEngine(): void {
    this.#unbindEngine();
    if (!this.#itemMode()) {
      this.engineHidden = false;
      return;
    }
    const engine = this.engine!;
    const sync = () => {
      const item = engine.item(this.item!);
      if (item && item !== this.#appliedItem) this.#applyItem(item);
      const decision = engine.decision(this.item!);
      const allowed = Boolean(item && decision?.show);
      this.engineHidden = !allowed;
      if (allowed && this.variant === 'callout' && !this.dismissed) this.open = true;
      if (!allowed && this.open && this.variant !== 'beacon') this.open = false;
    };
    this.#unsubscribeEngine = engine.subscribe(() => sync());
    this.#unmount = engine.mount(this.item!);
    // Hidden until the engine has spoken; the first sync runs after this update, so the properties it sets
    // (anchor, body, variant) go through a normal update of their own.
    this.engineHidden = true;
    queueMicrotask(sync);
  }

  /** Copies what the pack says into the element, except what the page set itself with attributes. */
  #applyItem(item: LoadedItem): void {
    this.#appliedItem = item;
    if (item.kind !== 'tip') {
      this.#error('markdown-invalid', `item "${item.id}" is a ${item.kind}, not a tip`);
      return;
    }
    const authored = (name: string) => this.#authored?.has(name) ?? false;
    this.tipId = item.id;
    if (!authored('heading')) this.heading = item.title;
    if (!authored('variant') && item.presentation) this.variant = item.presentation;
    if (!authored('anchor') && !this.anchorElement && item.when?.selector) this.anchor = item.when.selector;
    if (!authored('placement') && item.placement) this.placement = item.placement;
    if (typeof item.body === 'string') {
      if (!authored('markdown')) this.markdown = item.body;
    } else {
      this.content = item.body as CompiledMarkdown;
    }
  }

  /** Tells the engine when the item appears and leaves, so caps and the session budget count real exposure. */
  #reportVisibility(): void {
    if (!this.#itemMode()) return;
    const beaconVisible = this.variant === 'beacon' && this.#available() && this.anchorState === 'visible';
    const visible = beaconVisible || this.#isShowing();
    if (visible === this.#counted) return;
    this.#counted = visible;
    if (visible) void this.engine!.recordShown(this.item!);
    else this.engine!.recordHidden(this.item!);
  }

  // ——— Public API ———

  /** Opens the tip. Resolves once it is rendered; does nothing when the clinician asked not to see it again. */
  async show(): Promise<void> {
    await this.#show('api');
  }

  /** Closes the tip. Resolves once it is hidden. */
  async hide(): Promise<void> {
    await this.#hide('api');
  }

  /** Closes the tip for this page ("Got it"), or for good when `permanent` ("Don't show again"). */
  async dismiss(permanent = false): Promise<void> {
    if (this.#itemMode()) void this.engine!.recordDismissed(this.item!, permanent);
    else if (permanent && this.tipId) this.dismissals.dismiss(this.tipId);
    this.dispatchEvent(createEvent('ehr-tip-dismiss', { tipId: this.tipId, permanent }));
    const focusWasInside = this.#focusIsInside();
    this.#hideReason = 'dismiss';
    this.dismissed = true;
    this.open = false;
    await this.updateComplete;
    if (focusWasInside) this.#restoreFocus(true);
  }

  // ——— State ———

  /** Not dismissed by the clinician and not held back by the engine. */
  #available(): boolean {
    return !this.dismissed && !this.engineHidden;
  }

  #isShowing(): boolean {
    return this.open && this.#available();
  }

  async #show(reason: TipShowReason): Promise<void> {
    if (!this.#available() || this.open) return this.updateComplete.then(() => undefined);
    this.#showReason = reason;
    if (reason !== 'api') {
      const active = deepActiveElement();
      this.#opener = this.variant === 'beacon' && this.beaconEl ? this.beaconEl : active instanceof HTMLElement ? active : null;
    } else {
      this.#opener = null;
    }
    // Never show an empty popup: wait for a markdown body to be compiled first (it loads lazily).
    await this.#bodyReady;
    if (this.dismissed || this.open) return;
    this.open = true;
    await this.updateComplete;
    await this.#anchor.settled();
  }

  async #hide(reason: TipHideReason): Promise<void> {
    if (!this.open) return this.updateComplete.then(() => undefined);
    const focusWasInside = this.#focusIsInside();
    this.#hideReason = reason;
    this.open = false;
    await this.updateComplete;
    if (focusWasInside) this.#restoreFocus(false);
  }

  #afterShow(): void {
    this.dispatchEvent(createEvent('ehr-tip-show', { tipId: this.tipId, reason: this.#showReason }));
    // Move focus only when the clinician opened the popup themselves: an unsolicited tip must never pull focus
    // away from what they are typing.
    if (this.variant === 'beacon' && (this.#showReason === 'pointer' || this.#showReason === 'keyboard')) {
      this.panelEl?.focus({ preventScroll: true });
    }
    this.#showReason = 'api';
  }

  #afterHide(): void {
    this.dispatchEvent(createEvent('ehr-tip-hide', { tipId: this.tipId, reason: this.#hideReason }));
    this.#hideReason = 'api';
  }

  #focusIsInside(): boolean {
    return Boolean(this.shadowRoot?.activeElement) || this.contains(deepActiveElement());
  }

  #restoreFocus(dismissed: boolean): void {
    const beacon = this.beaconEl;
    if (!dismissed && this.variant === 'beacon' && beacon && !beacon.hidden) {
      beacon.focus({ preventScroll: true });
      return;
    }
    const target = this.#opener?.isConnected && this.#opener !== beacon ? this.#opener : this.#anchor.anchor;
    if (target instanceof HTMLElement) target.focus({ preventScroll: true });
  }

  #checkDismissed(): void {
    // In item mode the engine's progress decides; the standalone store is for tips without an engine.
    if (this.item) return;
    if (this.tipId && this.dismissals.isDismissed(this.tipId)) this.dismissed = true;
  }

  #error(code: EhrTipErrorDetail['code'], message: string): void {
    this.dispatchEvent(createEvent('ehr-tip-error', { tipId: this.tipId, code, message }));
  }

  // ——— Body ———

  #loadBody(): void {
    const token = ++this.#compileToken;
    this.plainFallback = undefined;
    if (this.content !== undefined) {
      const content = this.content;
      this.compiled = undefined;
      this.#bodyReady = this.#loadView()
        .then((view) => {
          if (token !== this.#compileToken) return;
          const problems = view.checkCompiledMarkdown(content, 'content');
          if (problems.length) this.#error('markdown-invalid', problems.map((p) => `${p.path}: ${p.message}`).join('; '));
          this.compiled = content;
        })
        .catch((error: Error) => {
          if (token === this.#compileToken) this.#error('markdown-load-failed', `the markdown renderer could not be loaded: ${error.message}`);
        });
      return;
    }
    this.compiled = undefined;
    if (!this.markdown) return;
    const source = this.markdown;
    // Loaded on demand: tips with slotted bodies never download the markdown parser or renderer.
    this.#bodyReady = Promise.all([import('../../core/markdown/compile.js'), this.#loadView()])
      .then(([{ compileMarkdown }]) => {
        if (token === this.#compileToken) this.compiled = compileMarkdown(source);
      })
      .catch((error: Error) => {
        if (token !== this.#compileToken) return;
        this.plainFallback = source; // shown as plain text: readable, and still inert
        this.#error('markdown-load-failed', `markdown could not be compiled: ${error.message}`);
      });
  }

  #onBodySlotChange = (event: Event) => {
    this.hasSlottedBody = hasContent(event.target as HTMLSlotElement);
  };

  #onHeadingSlotChange = (event: Event) => {
    this.hasSlottedHeading = hasContent(event.target as HTMLSlotElement);
  };

  // ——— Anchor and positioning ———

  #onAnchorChange(state: AnchorState, anchor: Element | null): void {
    this.anchorState = state;
    clearTimeout(this.#graceTimer);
    if (state === 'missing') {
      if (!this.#reportedMissing) {
        this.#graceTimer = setTimeout(() => {
          if (this.#anchor.state !== 'missing' || this.#reportedMissing) return;
          this.#reportedMissing = true;
          this.#error(this.#anchor.error ? 'anchor-invalid' : 'anchor-not-found', this.#anchor.error ?? `no element matches the anchor ${JSON.stringify(this.anchor ?? '(element reference)')}`);
        }, ANCHOR_GRACE_MS);
      }
    } else {
      this.#reportedMissing = false;
    }
    if (this.variant === 'tooltip') this.#bindTooltip(anchor);
    this.requestUpdate();
  }

  /** Whether the floating parts have something to stand next to. */
  #hasPlace(): boolean {
    const s = this.anchorState;
    return s === 'visible' || s === 'hidden' || (s === 'none' && this.variant === 'beacon');
  }

  #syncFloating(): void {
    if (this.variant === 'callout') {
      this.#anchor.stopAll();
      return;
    }
    const offscreen = this.anchorState === 'hidden';
    const beacon = this.beaconEl;
    if (beacon) {
      const wantBeacon = this.#available() && this.anchorState !== 'none' && this.#hasPlace();
      if (!wantBeacon) this.#anchor.stop(beacon); // stop observing before hiding, so no resize is reported
      this.#toggle(beacon, wantBeacon, offscreen);
      if (wantBeacon) this.#anchor.position(beacon, { placement: this.beaconPlacement, distance: 4 });
    }
    const panel = this.panelEl;
    if (panel) {
      const wantPanel = this.#isShowing() && this.#hasPlace();
      const reference = this.anchorState === 'none' ? (beacon ?? null) : this.#anchor.anchor;
      if (!wantPanel) this.#anchor.stop(panel);
      this.#toggle(panel, wantPanel, offscreen && this.anchorState !== 'none');
      if (wantPanel) this.#anchor.position(panel, { placement: this.placement, distance: this.distance, arrow: this.arrowEl }, reference);
    }
  }

  #toggle(el: HTMLElement, show: boolean, offscreen: boolean): void {
    el.classList.toggle('offscreen', offscreen);
    if (!el.hasAttribute('popover')) return;
    const isOpen = el.matches(':popover-open');
    try {
      if (show && !isOpen) el.showPopover();
      if (!show && isOpen) el.hidePopover();
    } catch {
      // A popover can refuse to open while its node is being moved; the next update retries.
    }
  }

  // ——— Tooltip wiring on the host's anchor ———

  #bindTooltip(anchor: Element | null): void {
    if (anchor === this.#tooltipAnchor) return;
    const previous = this.#tooltipAnchor;
    if (previous) {
      previous.removeEventListener('pointerenter', this.#onAnchorEnter);
      previous.removeEventListener('pointerleave', this.#onAnchorLeave);
      previous.removeEventListener('focusin', this.#onAnchorFocus);
      previous.removeEventListener('focusout', this.#onAnchorBlur);
      this.#restoreDescribedBy();
    }
    this.#tooltipAnchor = anchor;
    if (anchor) {
      anchor.addEventListener('pointerenter', this.#onAnchorEnter);
      anchor.addEventListener('pointerleave', this.#onAnchorLeave);
      anchor.addEventListener('focusin', this.#onAnchorFocus);
      anchor.addEventListener('focusout', this.#onAnchorBlur);
      this.#describeAnchor(anchor);
    }
  }

  /**
   * Links the anchor to the tooltip for screen readers. ARIA ids do not cross shadow roots, so this only happens
   * when the anchor and this element share a root; the host's own attribute value is kept and restored exactly.
   */
  #describeAnchor(anchor: Element): void {
    if (anchor.getRootNode() !== this.getRootNode()) return;
    if (!this.id) this.id = this.#uid;
    const previous = anchor.getAttribute('aria-describedby');
    const ids = (previous ?? '').split(/\s+/).filter(Boolean);
    if (!ids.includes(this.id)) {
      anchor.setAttribute('aria-describedby', [...ids, this.id].join(' '));
      this.#describedBy = { el: anchor, previous };
    }
  }

  #restoreDescribedBy(): void {
    const record = this.#describedBy;
    if (!record) return;
    if (record.previous === null) record.el.removeAttribute('aria-describedby');
    else record.el.setAttribute('aria-describedby', record.previous);
    this.#describedBy = null;
  }

  #onAnchorEnter = () => {
    clearTimeout(this.#hoverTimer);
    this.#hoverTimer = setTimeout(() => void this.#show('hover'), TOOLTIP_SHOW_DELAY_MS);
  };

  #onAnchorLeave = () => {
    clearTimeout(this.#hoverTimer);
    this.#hoverTimer = setTimeout(() => {
      if (!this.#tooltipAnchor?.matches(':focus-within')) void this.#hide('pointer');
    }, TOOLTIP_HIDE_DELAY_MS);
  };

  #onAnchorFocus = () => {
    clearTimeout(this.#hoverTimer);
    void this.#show('focus');
  };

  #onAnchorBlur = () => {
    clearTimeout(this.#hoverTimer);
    void this.#hide('blur');
  };

  // The tooltip itself is hoverable (WCAG 1.4.13): moving the pointer onto it keeps it open.
  #onPanelEnter = () => {
    if (this.variant === 'tooltip') clearTimeout(this.#hoverTimer);
  };

  #onPanelLeave = () => {
    if (this.variant === 'tooltip') this.#onAnchorLeave();
  };

  // ——— Handlers ———

  #onBeaconClick = (event: MouseEvent) => {
    // detail is 0 when the click came from the keyboard (Enter or Space on the button).
    const reason: TipShowReason = event.detail === 0 ? 'keyboard' : 'pointer';
    if (this.open) void this.#hide('pointer');
    else void this.#show(reason);
  };

  #onDocumentKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !this.#isShowing() || this.variant === 'callout') return;
    // Tooltips close on Escape wherever focus is (WCAG 1.4.13); popups only when focus is on the tip or its anchor.
    const inside = this.#focusIsInside() || (this.#anchor.anchor?.contains(deepActiveElement()) ?? false);
    if (this.variant === 'tooltip' || inside) void this.#hide('escape');
  };

  #onCalloutKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.open) void this.#hide('escape');
  };

  #onDocumentPointerdown = (event: PointerEvent) => {
    if (this.variant !== 'beacon' || !this.#isShowing()) return;
    const path = event.composedPath();
    if (path.includes(this) || (this.panelEl && path.includes(this.panelEl))) return;
    void this.#hide('outside');
  };

  // ——— Render ———

  #renderHeading() {
    return html`<span class="heading" part="heading" id="heading" ?hidden=${!this.heading && !this.hasSlottedHeading}
      ><slot name="heading" @slotchange=${this.#onHeadingSlotChange}>${this.heading}</slot></span
    >`;
  }

  #renderBody() {
    const showCompiled = !this.hasSlottedBody;
    return html`<div class="body md ${this.plainFallback !== undefined && showCompiled ? 'plain' : ''}" part="body" id="body">
      <slot @slotchange=${this.#onBodySlotChange}></slot>${showCompiled ? (this.plainFallback ?? (this.#view ? this.#view.renderMarkdown(this.compiled) : nothing)) : nothing}
    </div>`;
  }

  #renderControls() {
    if (this.noControls) return nothing;
    return html`<div class="actions" part="actions">
      ${this.tipId
        ? html`<button type="button" class="secondary" part="never-button" @click=${() => void this.dismiss(true)}>Don't show again</button>`
        : nothing}
      <button type="button" class="primary" part="dismiss-button" @click=${() => void this.dismiss(false)}>Got it</button>
    </div>`;
  }

  #renderClose() {
    return html`<button type="button" class="close" part="close-button" aria-label="Close tip" @click=${() => void this.#hide('close-button')}>
      <span aria-hidden="true">×</span>
    </button>`;
  }

  #label(): string {
    return this.heading || this.beaconLabel || 'Tip';
  }

  override render() {
    if (this.variant === 'callout') {
      return html`<div
        class="panel callout"
        part="panel"
        role="note"
        aria-labelledby=${ifDefined(this.heading || this.hasSlottedHeading ? 'heading' : undefined)}
        aria-label=${ifDefined(this.heading || this.hasSlottedHeading ? undefined : this.#label())}
        ?hidden=${!this.#isShowing()}
        @keydown=${this.#onCalloutKeydown}
      >
        <div class="header" part="header">${this.#renderHeading()}${this.#renderClose()}</div>
        ${this.#renderBody()} ${this.#renderControls()}
      </div>`;
    }
    if (this.variant === 'tooltip') {
      return html`<div
        class="panel tooltip"
        part="panel"
        role="tooltip"
        popover="manual"
        @pointerenter=${this.#onPanelEnter}
        @pointerleave=${this.#onPanelLeave}
      >
        <div class="arrow" part="arrow"></div>
        ${this.heading || this.hasSlottedHeading ? html`<div class="header" part="header">${this.#renderHeading()}</div>` : this.#renderHeading()}
        ${this.#renderBody()}
      </div>`;
    }
    const floatingBeacon = this.anchorState !== 'none';
    const beaconLabel = this.beaconLabel || `Tip: ${this.#label()}`;
    return html`<button
        type="button"
        class="beacon"
        part="beacon"
        popover=${ifDefined(floatingBeacon ? 'manual' : undefined)}
        aria-label=${beaconLabel}
        aria-expanded=${this.#isShowing() ? 'true' : 'false'}
        aria-controls="panel"
        ?hidden=${!this.#available() || (floatingBeacon && !this.#hasPlace())}
        @click=${this.#onBeaconClick}
      >
        <span class="beacon-dot" part="beacon-dot"></span>
      </button>
      <div
        class="panel"
        part="panel"
        id="panel"
        role="dialog"
        tabindex="-1"
        popover="manual"
        aria-labelledby=${ifDefined(this.heading || this.hasSlottedHeading ? 'heading' : undefined)}
        aria-label=${ifDefined(this.heading || this.hasSlottedHeading ? undefined : this.#label())}
      >
        <div class="arrow" part="arrow"></div>
        <div class="header" part="header">${this.#renderHeading()}${this.#renderClose()}</div>
        ${this.#renderBody()} ${this.#renderControls()}
      </div>`;
  }
}

function hasContent(slot: HTMLSlotElement): boolean {
  return slot
    .assignedNodes({ flatten: true })
    .some((node) => node.nodeType === Node.ELEMENT_NODE || (node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== ''));
}
