import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { autoUpdate } from '@floating-ui/dom';

/** Room (px) left around the control inside the cut-out. */
const PADDING = 6;

/**
 * The optional spotlight of a tour step: a top-layer layer that dims the page except a cut-out around the step's
 * control. It takes no pointer events anywhere — the control, and the rest of the page, stay usable — and it
 * follows the control as it scrolls, resizes or moves (Floating UI's autoUpdate), in viewport coordinates, so
 * fixed, transformed and top-layer (dialog, popover) ancestors all come out right. Off unless asked for.
 */
export class SpotlightController implements ReactiveController {
  #layer?: HTMLElement | null;
  #anchor?: Element | null;
  #cleanup?: () => void;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Whether the layer is showing now. */
  get showing(): boolean {
    return !!this.#layer?.matches(':popover-open');
  }

  /**
   * Shows the layer over `anchor` (returns true when it was newly opened, so the caller re-opens its panel above
   * it), or hides it (`anchor` null).
   */
  sync(layer: HTMLElement | null | undefined, anchor: Element | null): boolean {
    if (!layer) return false;
    if (layer !== this.#layer) this.hide();
    this.#layer = layer;
    if (!anchor) {
      this.hide();
      return false;
    }
    let opened = false;
    if (!layer.matches(':popover-open')) {
      try {
        layer.showPopover();
        opened = true;
      } catch {
        return false; // not connected yet: the next update retries
      }
    }
    if (anchor !== this.#anchor) {
      this.#cleanup?.();
      this.#anchor = anchor;
      const hole = layer.querySelector<HTMLElement>('.hole');
      if (hole) this.#cleanup = autoUpdate(anchor, hole, () => this.#place(layer, hole, anchor));
    }
    return opened;
  }

  #place(layer: HTMLElement, hole: HTMLElement, anchor: Element): void {
    const r = anchor.getBoundingClientRect();
    // CSS zoom on an ancestor (some EHR shells zoom the root): the layer's own lengths are zoomed too.
    const zoom = (layer as { currentCSSZoom?: number }).currentCSSZoom || 1;
    hole.style.setProperty('--x', `${(r.left - PADDING) / zoom}px`);
    hole.style.setProperty('--y', `${(r.top - PADDING) / zoom}px`);
    hole.style.setProperty('--w', `${(r.width + PADDING * 2) / zoom}px`);
    hole.style.setProperty('--h', `${(r.height + PADDING * 2) / zoom}px`);
  }

  hide(): void {
    this.#cleanup?.();
    this.#cleanup = undefined;
    this.#anchor = undefined;
    try {
      if (this.#layer?.matches(':popover-open')) this.#layer.hidePopover();
    } catch {
      // already gone
    }
  }

  hostDisconnected(): void {
    this.hide();
    this.#layer = undefined;
  }
}
