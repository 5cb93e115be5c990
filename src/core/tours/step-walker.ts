/** Where a move through a tour's steps lands: another step, the end of the tour, or nowhere (already at the start). */
export type StepMove = { kind: 'step'; index: number } | { kind: 'end'; completed: boolean; reason: 'done' | 'no-steps' } | { kind: 'stay' };

/**
 * Walks a tour's steps: forward and back, over steps whose control is not on the page (skipped, in the direction
 * the clinician was going), to a "done" end when at least one step was shown and a "no-steps" end when none
 * could be. Pure: the element shows what it says.
 */
export class StepWalker {
  index = 0;
  direction: 1 | -1 = 1;
  readonly skipped = new Set<number>();

  constructor(public count: number) {}

  /** Back to the first step, nothing skipped. */
  reset(count = this.count): void {
    this.count = count;
    this.index = 0;
    this.direction = 1;
    this.skipped.clear();
  }

  /** Back to a saved position (a tour resumed after navigation or a reload). */
  restore(index: number, skipped: readonly number[]): void {
    this.index = Math.min(Math.max(0, index), Math.max(0, this.count - 1));
    this.direction = 1;
    this.skipped.clear();
    for (const i of skipped) if (i >= 0 && i < this.count && i !== this.index) this.skipped.add(i);
  }

  /** One step in `direction`, over skipped steps; `skipping` when the move is because the current step is missing. */
  move(direction: 1 | -1, skipping = false): StepMove {
    this.direction = direction;
    let target = this.index + direction;
    while (target >= 0 && target < this.count && this.skipped.has(target)) target += direction;
    if (target >= this.count) {
      const shown = this.count - this.skipped.size;
      return shown > 0 ? { kind: 'end', completed: true, reason: 'done' } : { kind: 'end', completed: false, reason: 'no-steps' };
    }
    if (target < 0) return skipping ? this.move(1, true) : { kind: 'stay' };
    this.index = target;
    return { kind: 'step', index: target };
  }

  /** The current step's control is missing: mark it and move on the way the clinician was going. */
  skip(): StepMove {
    if (this.skipped.has(this.index)) return { kind: 'stay' };
    this.skipped.add(this.index);
    return this.move(this.direction, true);
  }

  /** No shown step before this one (Back is pointless). */
  get isFirst(): boolean {
    for (let i = 0; i < this.index; i++) if (!this.skipped.has(i)) return false;
    return true;
  }

  /** No step left after this one (Next reads "Done"). */
  get isLast(): boolean {
    for (let i = this.index + 1; i < this.count; i++) if (!this.skipped.has(i)) return false;
    return true;
  }
}
