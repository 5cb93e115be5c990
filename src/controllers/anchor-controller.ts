import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { cssAnchoring, placeWithCss } from './css-anchor-placement.js';
import { deepQuery, rootsOf } from './deep-query.js';
import { knownPlacement, mirrorPlacement, type FloatingOptions, type Placing } from './placement.js';

export { mirrorPlacement, type FloatingOptions, type Placement } from './placement.js';

/** Where the anchor stands: not asked for, asked for but absent, present but off screen, or on screen. */
export type AnchorState = 'none' | 'missing' | 'hidden' | 'visible';

/**
 * Tracks an anchor in the host page — by element or CSS selector, also inside open shadow roots — and positions
 * floating parts next to it (flip, shift, arrow, hide; follows scroll and resize): by CSS anchor positioning where
 * it can (css-anchor-placement.ts), else by @floating-ui/dom loaded on first need (floating-placement.ts). It
 * notices when the anchor leaves the DOM or the viewport and when it (or a new element matching the selector)
 * comes back, which is how single-page EHRs behave. It only observes the host page; it never changes it.
 */
export class AnchorController implements ReactiveController {
  /** The resolved anchor element, if any. */
  anchor: Element | null = null;
  state: AnchorState = 'none';
  /** The last selector error, for the element to report. */
  error: string | undefined;

  #target: string | Element | null = null;
  #mutations?: MutationObserver;
  #observedRoots = new Set<Node>();
  #intersection?: IntersectionObserver;
  #intersecting = true;
  #referenceHidden = false;
  #cleanups = new Map<HTMLElement, () => void>();
  #placed = new Map<HTMLElement, { reference: Element; key: string }>();
  #firstPositions = new Set<Promise<void>>();
  #recheckQueued = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onChange: (state: AnchorState, anchor: Element | null) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#target !== null) this.#watch();
  }

  hostDisconnected(): void {
    this.#unwatch();
    this.stopAll();
  }

  /** Sets what to anchor to. A string is a CSS selector (with `>>>` to enter a shadow root). */
  setTarget(target: string | Element | null | undefined): void {
    const next = target === undefined || target === '' ? null : target;
    if (next === this.#target) return;
    this.#target = next;
    this.#unwatch();
    if (next === null) {
      this.#set(null);
      return;
    }
    if (this.host.isConnected) this.#watch();
  }

  /**
   * Positions `floating` against the anchor (or `reference`) until `stop(floating)`; a no-op without one.
   * `anchored`: `floating` is a popover opened with `reference` as its source, so CSS anchor positioning can place
   * it where the engine has it; otherwise @floating-ui/dom does, loaded on first need.
   */
  position(floating: HTMLElement, given: FloatingOptions, reference: Element | null = this.anchor, anchored = false): void {
    const options = { ...given, placement: knownPlacement(given.placement) };
    const css = anchored && cssAnchoring();
    const key = `${options.placement}|${options.distance}|${options.arrow ? 'arrow' : ''}|${css ? 'css' : ''}`;
    const placed = this.#placed.get(floating);
    if (placed && placed.reference === reference && placed.key === key) return; // already following it
    this.stop(floating);
    if (!reference) return;
    this.#placed.set(floating, { reference, key });
    const onHidden = (hidden: boolean) => {
      if (hidden === this.#referenceHidden || reference !== this.anchor) return;
      this.#referenceHidden = hidden;
      this.#update();
    };
    let placing: Placing | undefined;
    let stopped = false;
    // Until Floating UI has arrived and placed it, the part is not painted where it happens to be.
    if (!css && !floatingUiLoaded) floating.style.visibility = 'hidden';
    const first = css
      ? (placing = placeWithCss(reference, floating, options)).first
      : loadFloatingUi().then(({ placeWithFloatingUi }) => {
          if (stopped) return;
          // Right to left, the sides mirror (a tip "right" of its control sits at its end, on the left); Floating UI
          // mirrors -start/-end itself.
          const rtl = getComputedStyle(reference).direction === 'rtl';
          placing = placeWithFloatingUi(reference, floating, { ...options, placement: mirrorPlacement(options.placement, rtl) }, onHidden);
          return placing.first;
        }).finally(() => {
          if (!stopped) floating.style.visibility = '';
        });
    const settled = first.catch(() => undefined);
    this.#firstPositions.add(settled);
    void settled.then(() => this.#firstPositions.delete(settled));
    this.#cleanups.set(floating, () => {
      stopped = true;
      floating.style.visibility = '';
      placing?.cleanup();
    });
  }

  /** Resolves when every floating part placed so far has its first position. */
  async settled(): Promise<void> {
    await Promise.all([...this.#firstPositions]);
  }

  stop(floating: HTMLElement): void {
    this.#cleanups.get(floating)?.();
    this.#cleanups.delete(floating);
    this.#placed.delete(floating);
  }

  stopAll(): void {
    for (const cleanup of this.#cleanups.values()) cleanup();
    this.#cleanups.clear();
    this.#placed.clear();
  }

  #watch(): void {
    this.#mutations ??= new MutationObserver(() => this.#queueRecheck());
    this.#observe(document);
    this.#resolve();
  }

  #unwatch(): void {
    this.#mutations?.disconnect();
    this.#mutations = undefined;
    this.#observedRoots.clear();
    this.#intersection?.disconnect();
    this.#intersection = undefined;
  }

  #observe(root: Node): void {
    if (this.#observedRoots.has(root) || !this.#mutations) return;
    this.#observedRoots.add(root);
    this.#mutations.observe(root, { childList: true, subtree: true });
  }

  // Mutations come in bursts while an EHR re-renders; check once per frame at most.
  #queueRecheck(): void {
    if (this.#recheckQueued) return;
    this.#recheckQueued = true;
    requestAnimationFrame(() => {
      this.#recheckQueued = false;
      if (this.#mutations) this.#resolve();
    });
  }

  #resolve(): void {
    const target = this.#target;
    let found: Element | null = null;
    this.error = undefined;
    if (typeof target === 'string') {
      try {
        found = deepQuery(target);
      } catch (error) {
        this.error = (error as Error).message;
      }
    } else if (target && target.isConnected) {
      found = target;
    }
    this.#set(found);
  }

  #set(found: Element | null): void {
    const anchorChanged = found !== this.anchor;
    if (anchorChanged) {
      this.#intersection?.disconnect();
      this.#intersection = undefined;
      this.#intersecting = true;
      this.#referenceHidden = false;
      this.anchor = found;
      if (found) {
        for (const root of rootsOf(found)) this.#observe(root);
        this.#intersection = new IntersectionObserver((entries) => {
          const entry = entries[entries.length - 1];
          // In view (scrolled there): a "reference hidden" the placement measured while it was away — and while a
          // floating element that shows only for a visible anchor was closed, so never measured again — is stale;
          // the next placement measures it afresh.
          const stale = entry.isIntersecting && this.#referenceHidden;
          if (entry.isIntersecting !== this.#intersecting || stale) {
            this.#intersecting = entry.isIntersecting;
            if (stale) this.#referenceHidden = false;
            this.#update();
          }
        });
        this.#intersection.observe(found);
      }
    }
    this.#update(anchorChanged);
  }

  #update(anchorChanged = false): void {
    const state: AnchorState =
      this.#target === null ? 'none' : !this.anchor ? 'missing' : this.#intersecting && !this.#referenceHidden ? 'visible' : 'hidden';
    const changed = state !== this.state;
    this.state = state;
    if (changed || anchorChanged) this.onChange(state, this.anchor);
  }
}

let floatingUi: Promise<typeof import('./floating-placement.js')> | undefined;
let floatingUiLoaded = false;

/** Loads the Floating UI placement (once); tips call it when the page is idle, before a panel first needs it. */
export function loadFloatingUi(): Promise<typeof import('./floating-placement.js')> {
  return (floatingUi ??= import('./floating-placement.js').then((module) => {
    floatingUiLoaded = true;
    return module;
  }));
}
