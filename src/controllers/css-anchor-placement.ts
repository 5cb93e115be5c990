import { FACING, mirrorPlacement, type FloatingOptions, type Placement, type Placing } from './placement.js';

let enabled: boolean | undefined;

/**
 * Whether parts are placed by CSS anchor positioning (`position-area`, `position-try-fallbacks`,
 * `position-visibility`) against the popover's implicit anchor — the control it was opened beside with
 * `showPopover({ source })`. The browser then places them at layout and follows scrolling itself: no script on
 * scroll, no forced layouts, and @floating-ui/dom is never loaded.
 */
export function cssAnchoring(): boolean {
  return (enabled ??= typeof CSS !== 'undefined' && CSS.supports('position-area', 'top') && CSS.supports('position-try-fallbacks', 'flip-block'));
}

/** Turns CSS anchoring off (or back on where the engine has it): every part is then placed by Floating UI. */
export function setCssAnchoring(on: boolean): void {
  enabled = on ? undefined : false;
}

/** The `position-area` of a placement: `bottom`, or `bottom span-right` for `bottom-start` left to right. */
export function positionArea(placement: Placement, rtl: boolean): string {
  const [side, align] = mirrorPlacement(placement, rtl).split('-');
  if (!align) return side;
  const vertical = side === 'top' || side === 'bottom';
  const toward = vertical ? ((align === 'start') !== rtl ? 'span-right' : 'span-left') : align === 'start' ? 'span-bottom' : 'span-top';
  return `${side} ${toward}`;
}

const PROPERTIES = ['position-area', 'position-try-fallbacks', 'position-visibility', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left'];

/** A part's measurement: it reads the layout and returns what to write, so a frame's parts read before any writes. */
type Job = () => () => void;

// Scrolling moves an anchored part at the browser's next layout; its side (after a flip) and its arrow are read one
// frame later, for all parts at once: one page listener while anything is placed, not one per part.
const placed = new Set<Job>();
const queued = new Map<Job, number>();
let frame = 0;

function queue(job: Job, frames: number): void {
  queued.set(job, Math.max(queued.get(job) ?? 0, frames));
  frame ||= requestAnimationFrame(run);
}

function run(): void {
  frame = 0;
  const due: Job[] = [];
  for (const [job, left] of queued) {
    if (left > 1) queued.set(job, left - 1);
    else {
      queued.delete(job);
      due.push(job);
    }
  }
  for (const write of due.map((job) => job())) write();
  if (queued.size) frame = requestAnimationFrame(run);
}

const onScroll = () => {
  for (const job of placed) queue(job, 2);
};

function track(job: Job, on: boolean): void {
  const before = placed.size;
  if (on) placed.add(job);
  else {
    placed.delete(job);
    queued.delete(job);
  }
  if (!before && placed.size) {
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('resize', onScroll, { passive: true });
  } else if (before && !placed.size) {
    document.removeEventListener('scroll', onScroll, { capture: true });
    window.removeEventListener('resize', onScroll);
  }
}

/**
 * Places `floating` (a popover opened with `reference` as its source) by CSS anchor positioning: the side and
 * alignment as a `position-area`, the distance as the margin facing the anchor, the opposite side when this one
 * has no room, shifted into the viewport, hidden while the anchor is scrolled out of sight. Script only measures
 * where it landed, after layout, to set `data-placement` and the arrow.
 */
export function placeWithCss(reference: Element, floating: HTMLElement, options: FloatingOptions): Placing {
  const rtl = getComputedStyle(reference).direction === 'rtl';
  const placement = mirrorPlacement(options.placement, rtl);
  const [side, align] = placement.split('-');
  const vertical = side === 'top' || side === 'bottom';
  const style = floating.style;
  for (const property of PROPERTIES) style.removeProperty(property);
  style.left = style.top = '';
  style.setProperty('position-area', positionArea(options.placement, rtl));
  style.setProperty('position-try-fallbacks', vertical ? 'flip-block' : 'flip-inline');
  style.setProperty('position-visibility', 'anchors-visible');
  style.setProperty(`margin-${FACING[side]}`, `${options.distance}px`);
  floating.dataset.placement = placement;

  const arrow = options.arrow;
  const job: Job = () => {
    const a = reference.getBoundingClientRect();
    const f = floating.getBoundingClientRect();
    const size = arrow ? (vertical ? arrow.offsetWidth : arrow.offsetHeight) : 0;
    return () => {
      const landed = vertical ? (f.top >= a.bottom - 1 ? 'bottom' : f.bottom <= a.top + 1 ? 'top' : side) : f.left >= a.right - 1 ? 'right' : f.right <= a.left + 1 ? 'left' : side;
      floating.dataset.placement = align ? `${landed}-${align}` : landed;
      if (!arrow) return;
      // Under CSS zoom on an ancestor, rectangles are in zoomed pixels while the arrow's offsets are zoomed again.
      const zoom = (floating as { currentCSSZoom?: number }).currentCSSZoom || 1;
      const clamp = (value: number, length: number) => Math.min(Math.max(value, 6), Math.max(6, length - size - 6));
      Object.assign(arrow.style, {
        left: vertical ? `${clamp(a.left + a.width / 2 - f.left - size / 2, f.width) / zoom}px` : '',
        top: vertical ? '' : `${clamp(a.top + a.height / 2 - f.top - size / 2, f.height) / zoom}px`,
        right: '',
        bottom: '',
        [FACING[landed]]: '-5px',
      });
    };
  };

  // Measured in the next frame, before it paints (one layout for every part placed meanwhile), and again in the
  // frame after the part or its anchor changes size (never inside ResizeObserver's delivery, which would loop).
  queue(job, 1);
  const resized = new ResizeObserver(() => queue(job, 1));
  resized.observe(floating);
  resized.observe(reference);
  track(job, true);
  return {
    // Placed already: the browser puts it beside its anchor at the next layout (any reader of its position forces
    // that layout). Only the arrow and data-placement wait for the frame.
    first: Promise.resolve(),
    cleanup: () => {
      resized.disconnect();
      track(job, false);
      for (const property of PROPERTIES) style.removeProperty(property);
    },
  };
}
