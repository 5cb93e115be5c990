/** Whether the clinician asked for less motion: the system setting, or the EHR's own `--ehr-motion: reduce`. */
export const reducedMotion = (el: Element) => (globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false) || getComputedStyle(el).getPropertyValue('--ehr-motion').trim() === 'reduce';

/** Whether any part of `el` is inside the viewport. */
export function inViewport(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
}

/**
 * Brings a tour step's control into view: smoothly over a short way, at once under reduced motion or over a long
 * way (a long smooth scroll down a long EHR page can stop short, and takes long); if the control is still out of
 * view once it should have arrived (and `stillWanted()`), at once. Returns the timer of that second look.
 */
export function bringIntoView(anchor: Element | null, host: Element, stillWanted: () => boolean): ReturnType<typeof setTimeout> | undefined {
  if (!anchor) return undefined;
  const far = Math.abs(anchor.getBoundingClientRect().top - innerHeight / 2) > innerHeight * 2;
  anchor.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reducedMotion(host) || far ? 'instant' : 'smooth' });
  return setTimeout(() => {
    if (stillWanted() && !inViewport(anchor)) anchor.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  }, 700);
}

/** Brings each step's control into view once per step (`bringIntoView`), and lets go of its second look. */
export class StepScroller {
  #scrolledFor = -1;
  #timer?: ReturnType<typeof setTimeout>;

  /** Step `index`'s control is out of view: brought in, the first time for this step. */
  bring(index: number, anchor: Element | null, host: Element, stillWanted: () => boolean): void {
    if (this.#scrolledFor === index) return;
    this.#scrolledFor = index;
    clearTimeout(this.#timer);
    this.#timer = bringIntoView(anchor, host, stillWanted);
  }

  reset(): void {
    this.#scrolledFor = -1;
    clearTimeout(this.#timer);
  }
}
