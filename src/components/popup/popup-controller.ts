import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AnchorController, type AnchorState, type FloatingOptions } from '../../controllers/anchor-controller.js';
import { deepActiveElement, rootsOf } from '../../controllers/deep-query.js';

export interface PopupOptions {
  /** The anchor appeared, left, scrolled off or came back. */
  onAnchorChange?: (state: AnchorState, anchor: Element | null) => void;
  /** Escape pressed anywhere on the page while open (the element decides whether it closes). */
  onEscape?: (event: KeyboardEvent) => void;
  /** A pointer went down outside the host and its floating parts while open. */
  onOutsidePointer?: (event: PointerEvent) => void;
  /**
   * The anchor has stayed missing for `missingGraceMs` (single-page EHRs render late): told once per absence, with
   * the selector error when the selector itself is invalid.
   */
  onMissing?: (error: string | undefined) => void;
  /** How long a missing anchor may take to appear before `onMissing` (default 3 s). */
  missingGraceMs?: () => number;
}

/**
 * Where a floating part goes: Floating UI placement, plus what it stands next to, whether it is scrolled away, and
 * its `source` — the control it belongs to in the keyboard order (a top-layer popover is otherwise skipped by Tab;
 * with a source it comes right after it).
 */
export type PartPlacement = FloatingOptions & { reference?: Element | null; offscreen?: boolean; source?: Element | null };

/**
 * The one floating primitive under every element that floats (tip beacons and popups, tooltips, tour steps):
 * the anchor (found by element or selector, through open shadow roots, watched as single-page EHRs re-render),
 * top-layer popovers shown and hidden without throwing, placement with flip, shift and arrow, and
 * page-wide listeners (Escape, pointer outside) that exist only while something is open. Elements only wire
 * their triggers and content to it; it never changes the host page.
 */
export class PopupController implements ReactiveController {
  readonly anchor: AnchorController;
  #open = false;
  #listening = false;
  #parts = new Set<HTMLElement>();
  #sources = new WeakMap<HTMLElement, Element | null>();
  /** Each open popover's implicit anchor: the source the engine took when it opened. */
  #implicit = new WeakMap<HTMLElement, Element | null>();
  #graceTimer?: ReturnType<typeof setTimeout>;
  #reportedMissing = false;
  #state: AnchorState = 'none';
  /** Open parts to open again, above the host's own top layer (see the constructor and `#onToggle`). */
  #reopen = new WeakSet<HTMLElement>();
  /** Where the host's `toggle` events are listened for: the document and the shadow roots around the anchor. */
  #toggleRoots: Array<Document | ShadowRoot> = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: PopupOptions = {},
  ) {
    host.addController(this);
    this.anchor = new AnchorController(host, (state, anchor) => {
      // The anchor came into view inside the host's own top layer (a popover menu, a modal dialog) opened after
      // our parts: they open again, so they stand above it — and after their anchor, as CSS anchoring requires.
      if (state === 'visible' && this.#state !== 'visible' && anchor && inTopLayer(anchor)) for (const part of this.#parts) this.#reopen.add(part);
      this.#state = state;
      this.#watchToggles();
      this.#watchMissing(state === 'missing');
      options.onAnchorChange?.(state, anchor);
    });
  }

  #watchMissing(missing: boolean): void {
    clearTimeout(this.#graceTimer);
    if (!missing) {
      this.#reportedMissing = false;
      return;
    }
    if (this.#reportedMissing || !this.options.onMissing) return;
    const grace = this.options.missingGraceMs?.() ?? 3000;
    this.#graceTimer = setTimeout(() => {
      if (this.anchor.state !== 'missing' || this.#reportedMissing) return;
      this.#reportedMissing = true;
      this.options.onMissing?.(this.anchor.error);
    }, Number.isFinite(grace) ? Math.max(0, grace) : 3000);
  }

  hostConnected(): void {
    this.#listen(this.#open);
  }

  hostDisconnected(): void {
    this.#listen(false);
    this.#parts.clear();
    this.#watchToggles();
    clearTimeout(this.#graceTimer);
  }

  /** What to anchor to: an element, a CSS selector (`a >>> b` enters a's shadow root), or nothing. */
  setTarget(target: string | Element | null | undefined): void {
    const before = this.anchor.state;
    this.anchor.setTarget(target);
    // A new target starts a new wait for its anchor (the state may not change between two missing targets).
    if (before === 'missing' && this.anchor.state === 'missing') {
      this.#reportedMissing = false;
      this.#watchMissing(true);
    } else if (this.anchor.state !== 'missing') this.#watchMissing(false);
  }

  /**
   * Shows and places `part` next to the anchor (or `reference`), or hides it and stops following. `offscreen`
   * keeps it in the top layer but invisible while the anchor is scrolled away.
   */
  sync(part: HTMLElement | null | undefined, show: boolean, placement: PartPlacement): void {
    if (!part) return;
    const parts = this.#parts.size;
    if (!show) this.anchor.stop(part); // stop observing before hiding, so no resize is reported
    part.classList.toggle('offscreen', Boolean(placement.offscreen));
    if (part.hasAttribute('popover')) {
      let isOpen = part.matches(':popover-open');
      const source = placement.source?.isConnected ? placement.source : null;
      try {
        // A new source (the host re-rendered its control): open again beside it in Tab order.
        if (show && isOpen && (this.#sources.get(part) !== source || this.#reopen.has(part))) {
          part.hidePopover();
          isOpen = false;
        }
        this.#reopen.delete(part);
        if (show && !isOpen) {
          this.#sources.set(part, source);
          this.#implicit.set(part, showPopover(part, source) ? source : null);
        }
        if (!show && isOpen) part.hidePopover();
      } catch {
        // A popover can refuse to open while its node is being moved; the next update retries.
      }
    }
    if (show) {
      this.#parts.add(part);
      const reference = placement.reference === undefined ? this.anchor.anchor : placement.reference;
      const anchored = reference !== null && part.matches(':popover-open') && this.#implicit.get(part) === reference;
      this.anchor.position(part, placement, reference, anchored);
    } else this.#parts.delete(part);
    if (this.#parts.size !== parts) this.#watchToggles(); // the anchor's changes re-watch too (see the constructor)
  }

  /**
   * Listens for the host's popovers and dialogs opening, only while a part shows: on the document and on each
   * shadow root around the anchor (`toggle` is not composed: a vendor widget's own popover menu is heard in its
   * shadow root).
   */
  #watchToggles(): void {
    const anchor = this.anchor.anchor;
    const roots = this.#parts.size && this.host.isConnected ? (anchor ? rootsOf(anchor) : [document]) : [];
    if (roots.length === this.#toggleRoots.length && roots.every((root, i) => root === this.#toggleRoots[i])) return;
    for (const root of this.#toggleRoots) root.removeEventListener('toggle', this.#onToggle, true);
    for (const root of roots) root.addEventListener('toggle', this.#onToggle, true);
    this.#toggleRoots = roots;
  }

  /**
   * The host opened (or closed and opened again, in one task) a popover or dialog of its own that holds the
   * anchor: it now stands above our parts in the top layer, and CSS anchoring no longer takes the anchor (an
   * anchor must come before what it places). The parts open again, above it. Our own parts toggle in our shadow
   * root, which is not listened to.
   */
  #onToggle = (event: Event) => {
    const target = event.target as Node;
    let node: Node | null = this.anchor.anchor;
    while (node && node !== target) node = node.parentNode ?? (node as ShadowRoot).host ?? null;
    if (!node || (event as ToggleEvent).newState !== 'open') return;
    for (const part of this.#parts) this.#reopen.add(part);
    this.host.requestUpdate();
  };

  /** Whether the element counts as open: the page-wide listeners exist only then. */
  setOpen(open: boolean): void {
    this.#open = open;
    this.#listen(open && this.host.isConnected);
  }

  /** Stops following the anchor with every part (they hide with the element's next render). */
  stopAll(): void {
    this.#parts.clear();
    this.#watchToggles();
    this.anchor.stopAll();
  }

  /** Resolves once every part placed so far has its first position. */
  settled(): Promise<void> {
    return this.anchor.settled();
  }

  /** Whether focus is inside the host (its shadow root or its light DOM children). */
  focusInside(): boolean {
    return Boolean(this.host.shadowRoot?.activeElement) || this.host.contains(deepActiveElement());
  }

  #listen(on: boolean): void {
    if (on === this.#listening) return;
    this.#listening = on;
    if (on) {
      if (this.options.onEscape) document.addEventListener('keydown', this.#onKeydown);
      if (this.options.onOutsidePointer) document.addEventListener('pointerdown', this.#onPointerdown);
    } else {
      document.removeEventListener('keydown', this.#onKeydown);
      document.removeEventListener('pointerdown', this.#onPointerdown);
    }
  }

  #onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') this.options.onEscape?.(event);
  };

  #onPointerdown = (event: PointerEvent) => {
    const path = event.composedPath();
    if (path.includes(this.host) || [...this.#parts].some((part) => path.includes(part))) return;
    this.options.onOutsidePointer?.(event);
  };
}

/** Whether `element` is inside an open popover, a modal dialog or a fullscreen element (across shadow roots). */
function inTopLayer(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null)) {
    if (node.matches(':popover-open, dialog:modal, :fullscreen')) return true;
  }
  return false;
}

/**
 * `showPopover({ source })` (Chromium 133+, the HTML standard's popover invoker): the popover then follows its
 * source in sequential focus navigation, and the source is its implicit anchor for CSS anchor positioning. Older
 * engines take no argument and open it without that relation. Says whether the engine took the source (it read
 * the option).
 */
function showPopover(part: HTMLElement, source: Element | null): boolean {
  if (source) {
    let read = false;
    try {
      (part.showPopover as (options?: { source?: Element }) => void)({
        get source() {
          read = true;
          return source;
        },
      });
      return read;
    } catch {
      // not supported with a source here (another tree, an older engine): open it plainly
    }
  }
  part.showPopover();
  return false;
}
