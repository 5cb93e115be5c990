/**
 * Counts with the learners behind them, so that no figure drawn from fewer than `minCell` clinicians is shown: a
 * cell of 1–4 learners (by default) comes out as `null` ("suppressed"), 0 as 0. Learners are pseudonymous
 * already; suppression keeps any one of them from being singled out by a small group.
 */
export type Count = number | null;

export class Tally {
  #cells = new Map<string, { n: number; learners: Set<string> }>();

  add(key: string, learner: string, by = 1): void {
    let cell = this.#cells.get(key);
    if (!cell) this.#cells.set(key, (cell = { n: 0, learners: new Set() }));
    cell.n += by;
    cell.learners.add(learner);
  }

  keys(prefix = ''): string[] {
    return [...this.#cells.keys()].filter((k) => k.startsWith(prefix));
  }

  /** The raw count and how many learners it comes from (for the aggregator; never shown as is). */
  raw(key: string): { n: number; learners: number } {
    const cell = this.#cells.get(key);
    return { n: cell?.n ?? 0, learners: cell?.learners.size ?? 0 };
  }
}

/** Applies the minimum cell size: counts from 1 to minCell − 1 learners are suppressed. */
export class Suppressor {
  suppressed = 0;
  constructor(readonly minCell: number) {}

  count(cell: { n: number; learners: number }): Count {
    if (cell.learners > 0 && cell.learners < this.minCell) {
      this.suppressed++;
      return null;
    }
    return cell.n;
  }

  /** A share, only when both counts are shown and the denominator is above 0. */
  rate(numerator: Count, denominator: Count): number | null {
    return numerator === null || denominator === null || denominator === 0 ? null : numerator / denominator;
  }
}
