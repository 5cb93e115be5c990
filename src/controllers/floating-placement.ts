import { arrow, autoUpdate, computePosition, flip, hide, offset, shift } from '@floating-ui/dom';
import type { FloatingOptions, Placing } from './placement.js';

/**
 * Placement by @floating-ui/dom (flip, shift, arrow, hide; follows scroll and resize with autoUpdate), loaded only
 * where CSS anchor positioning cannot do it: an engine without it, a part that is not a popover, or a part placed
 * beside something other than the control it follows in the keyboard order (a tip's panel opened from its
 * beacon stands beside the anchor). `options.placement` is the side on screen: the anchor controller has mirrored
 * it for right-to-left text.
 */
export function placeWithFloatingUi(reference: Element, floating: HTMLElement, options: FloatingOptions, onReferenceHidden: (hidden: boolean) => void): Placing {
  let referenceHidden = false;
  const update = async () => {
    const middleware = [offset(options.distance), flip({ padding: 8 }), shift({ padding: 8 }), hide({ strategy: 'referenceHidden' })];
    if (options.arrow) middleware.push(arrow({ element: options.arrow, padding: 6 }));
    const { x, y, placement, middlewareData } = await computePosition(reference, floating, {
      strategy: 'fixed',
      placement: options.placement, // mirrored right to left by the anchor controller
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
    if (hidden !== referenceHidden) {
      referenceHidden = hidden;
      // This runs inside floating-ui's ResizeObserver callback; re-rendering here would resize observed elements
      // during delivery ("ResizeObserver loop completed…"), so the state change waits a task.
      setTimeout(() => onReferenceHidden(hidden), 0);
    }
  };
  let resolveFirst!: () => void;
  const first = new Promise<void>((resolve) => (resolveFirst = resolve));
  const cleanup = autoUpdate(reference, floating, () => void update().catch(() => undefined).then(resolveFirst), { animationFrame: false });
  return { first, cleanup };
}
