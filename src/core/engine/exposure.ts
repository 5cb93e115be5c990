/** Single-page EHRs re-render screens; within this grace an item that left and came back is the same showing. */
export const REMOUNT_GRACE_MS = 2000;

/**
 * What is on the page and on screen: which items an element can render (mounted), which are showing, and which
 * left a moment ago (a re-render that brings them straight back continues the same showing, so it is not counted
 * twice against the caps).
 */
export class ExposureTracker {
  #mounted = new Map<string, number>();
  #showing = new Set<string>();
  #leaving = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  isMounted(itemId: string): boolean {
    return this.#mounted.has(itemId);
  }

  /** An element that can render the item connected; returns the function that unmounts (idempotent). */
  mount(itemId: string): () => void {
    this.#mounted.set(itemId, (this.#mounted.get(itemId) ?? 0) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const left = (this.#mounted.get(itemId) ?? 1) - 1;
      if (left > 0) this.#mounted.set(itemId, left);
      else this.#mounted.delete(itemId);
      this.hidden(itemId);
    };
  }

  /**
   * The item appeared. Returns 'new' when this is a new showing (to be counted), 'continued' when it returns within
   * the re-render grace, and 'already' when it was showing.
   */
  shown(itemId: string): 'new' | 'continued' | 'already' {
    if (this.#showing.has(itemId)) return 'already';
    this.#showing.add(itemId);
    const left = this.#leaving.get(itemId);
    this.#leaving.delete(itemId);
    return left !== undefined && this.now() - left <= REMOUNT_GRACE_MS ? 'continued' : 'new';
  }

  /** The item left the screen; returns whether it was showing. */
  hidden(itemId: string): boolean {
    if (!this.#showing.delete(itemId)) return false;
    this.#leaving.set(itemId, this.now());
    return true;
  }

  /** The clinician closed it for good or for now: no re-render grace. */
  closed(itemId: string): void {
    this.#showing.delete(itemId);
    this.#leaving.delete(itemId);
  }

  /** Items on screen, including those that left within the re-render grace. */
  onScreen(): Set<string> {
    const now = this.now();
    const set = new Set(this.#showing);
    for (const [id, at] of this.#leaving) {
      if (now - at <= REMOUNT_GRACE_MS) set.add(id);
      else this.#leaving.delete(id);
    }
    return set;
  }
}
