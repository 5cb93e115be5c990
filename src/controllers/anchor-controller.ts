import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { arrow, autoUpdate, computePosition, flip, hide, offset, shift, type Placement } from '@floating-ui/dom';
import { deepQuery, rootsOf } from './deep-query.js';

/** Where the anchor stands: not asked for, asked for but absent, present but off screen, or on screen. */
export type AnchorState = 'none' | 'missing' | 'hidden' | 'visible';

export interface FloatingOptions {
  placement: Placement;
  distance: number;
  arrow?: HTMLElement | null;
}

/**
 * Tracks an anchor in the host page — by element or CSS selector, also inside open shadow roots — and positions
 * floating parts next to it with @floating-ui/dom (flip, shift, arrow, hide; follows scroll and resize). It
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

  /** Positions `floating` against the anchor until `stop(floating)`; a no-op without an anchor. */
  position(floating: HTMLElement, options: FloatingOptions, reference: Element | null = this.anchor): void {
    const key = `${options.placement}|${options.distance}|${options.arrow ? 'arrow' : ''}`;
    const placed = this.#placed.get(floating);
    if (placed && placed.reference === reference && placed.key === key) return; // already following it
    this.stop(floating);
    if (!reference) return;
    this.#placed.set(floating, { reference, key });
    const update = async () => {
      const middleware = [offset(options.distance), flip({ padding: 8 }), shift({ padding: 8 }), hide({ strategy: 'referenceHidden' })];
      if (options.arrow) middleware.push(arrow({ element: options.arrow, padding: 6 }));
      const { x, y, placement, middlewareData } = await computePosition(reference, floating, {
        strategy: 'fixed',
        // Right to left, the sides mirror (a tip "right" of its control sits at its end, on the left); Floating UI
        // mirrors -start/-end itself.
        placement: mirrorPlacement(options.placement, getComputedStyle(reference).direction === 'rtl'),
        middleware,
      });
      // CSSOM writes, not style attributes: allowed under a strict style-src CSP. Under CSS zoom on an ancestor (some
      // EHR shells zoom their root), Floating UI measures in zoomed pixels while left/top are scaled again by the
      // zoom: divide by the element's effective zoom (currentCSSZoom, 1 where unsupported).
      const zoom = (floating as { currentCSSZoom?: number }).currentCSSZoom || 1;
      Object.assign(floating.style, { left: `${x / zoom}px`, top: `${y / zoom}px` });
      floating.dataset.placement = placement;
      if (options.arrow && middlewareData.arrow) {
        const side = placement.split('-')[0];
        const staticSide = ({ top: 'bottom', right: 'left', bottom: 'top', left: 'right' } as Record<string, string>)[side];
        Object.assign(options.arrow.style, {
          left: middlewareData.arrow.x != null ? `${middlewareData.arrow.x / zoom}px` : '',
          top: middlewareData.arrow.y != null ? `${middlewareData.arrow.y / zoom}px` : '',
          right: '',
          bottom: '',
          [staticSide]: '-5px',
        });
      }
      const hidden = Boolean(middlewareData.hide?.referenceHidden);
      if (hidden !== this.#referenceHidden && reference === this.anchor) {
        this.#referenceHidden = hidden;
        // This runs inside floating-ui's ResizeObserver callback; re-rendering here would resize observed
        // elements during delivery ("ResizeObserver loop completed…"), so the state change waits a task.
        setTimeout(() => this.#update(), 0);
      }
    };
    let first: Promise<void> | undefined;
    const cleanup = autoUpdate(
      reference,
      floating,
      () => {
        const run = update().catch(() => undefined);
        if (!first) {
          first = run;
          this.#firstPositions.add(run);
          void run.then(() => this.#firstPositions.delete(run));
        }
      },
      { animationFrame: false },
    );
    this.#cleanups.set(floating, cleanup);
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

/** `left` ↔ `right` when the anchor's text runs right to left. */
export function mirrorPlacement<P extends string>(placement: P, rtl: boolean): P {
  if (!rtl) return placement;
  return placement.replace(/^(left|right)/, (side) => (side === 'left' ? 'right' : 'left')) as P;
}
