/** Where a floating part goes beside its anchor, as Floating UI names it (`top`, `right-start`, …). */
export type Placement = `${'top' | 'right' | 'bottom' | 'left'}${'' | '-start' | '-end'}`;

export interface FloatingOptions {
  placement: Placement;
  distance: number;
  arrow?: HTMLElement | null;
}

/** A part being placed: its first position, and how to stop following the anchor. */
export interface Placing {
  first: Promise<void>;
  cleanup: () => void;
}

/** A placement as given, or `bottom` for one that is not a placement (a host's typo in an attribute). */
export function knownPlacement(placement: string): Placement {
  return /^(top|right|bottom|left)(-start|-end)?$/.test(placement) ? (placement as Placement) : 'bottom';
}

/** `left` ↔ `right` when the anchor's text runs right to left. */
export function mirrorPlacement<P extends string>(placement: P, rtl: boolean): P {
  if (!rtl) return placement;
  return placement.replace(/^(left|right)/, (side) => (side === 'left' ? 'right' : 'left')) as P;
}

/** The side of the panel that faces its anchor, for each side it stands on. */
export const FACING: Record<string, 'top' | 'right' | 'bottom' | 'left'> = { top: 'bottom', right: 'left', bottom: 'top', left: 'right' };
