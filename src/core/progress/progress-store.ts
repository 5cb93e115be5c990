import { dayOf, isDone, progressKey, reviveProgress, emptyProgress, type ItemProgress, type ProgressState, type TourPosition } from './progress.js';
import { memoryStorage, type ProgressStorage } from './storage.js';
import { WORKFLOW_PATTERN } from '../patterns.js';

const KEEP_DAYS = 3;

/**
 * The learner's progress in memory, written through to storage on every change (so nothing is lost when the tab
 * closes). Storage failures fall back to memory and are reported through `onError`, never thrown at the page.
 */
export class ProgressStore {
  #state: ProgressState;
  #storage: ProgressStorage;
  #writing: Promise<void> = Promise.resolve();
  readonly ready: Promise<void>;

  constructor(
    readonly learnerId: string,
    readonly sessionId: string,
    storage: ProgressStorage = memoryStorage(),
    private readonly onError: (message: string) => void = () => undefined,
  ) {
    if (!/^[A-Za-z0-9._:-]{1,128}$/.test(learnerId)) throw new TypeError(`learnerId must be 1–128 characters of letters, digits, ".", "_", ":" or "-" (a pseudonymous id, never a name or MRN)`);
    this.#storage = storage;
    this.#state = emptyProgress(learnerId, sessionId);
    this.ready = this.#load();
  }

  get key(): string {
    return `ehr-guide:progress:${this.learnerId}`;
  }

  async #load(): Promise<void> {
    try {
      this.#state = reviveProgress(await this.#storage.load(this.key), this.learnerId, this.sessionId);
    } catch (error) {
      this.#fallback(error);
    }
  }

  #fallback(error: unknown): void {
    if (this.#storage.name === 'memory') return;
    this.onError(`progress storage (${this.#storage.name}) failed, keeping progress in memory for this session: ${(error as Error).message}`);
    const memory = memoryStorage();
    this.#storage = memory;
  }

  #persist(): Promise<void> {
    const snapshot = JSON.stringify(this.#state);
    this.#writing = this.#writing.then(() => this.#storage.save(this.key, snapshot)).catch((error) => {
      this.#fallback(error);
      return this.#storage.save(this.key, snapshot);
    });
    return this.#writing;
  }

  /** Resolves when every change so far has been written. */
  flush(): Promise<void> {
    return this.#writing;
  }

  get state(): Readonly<ProgressState> {
    return this.#state;
  }

  item(itemId: string, version: string): Readonly<ItemProgress> | undefined {
    return this.#state.items[progressKey(itemId, version)];
  }

  #touch(itemId: string, version: string): ItemProgress {
    const key = progressKey(itemId, version);
    const item = (this.#state.items[key] ??= { version, seen: 0, days: {}, sessionSeen: 0 });
    item.version = version;
    if (item.session !== this.sessionId) {
      item.session = this.sessionId;
      item.sessionSeen = 0;
    }
    return item;
  }

  recordShown(itemId: string, version: string, now: number, unsolicited: boolean): Promise<void> {
    const item = this.#touch(itemId, version);
    item.seen++;
    item.sessionSeen++;
    item.lastSeen = now;
    const day = dayOf(now);
    item.days[day] = (item.days[day] ?? 0) + 1;
    const days = Object.keys(item.days).sort();
    for (const old of days.slice(0, Math.max(0, days.length - KEEP_DAYS))) delete item.days[old];
    if (unsolicited) {
      this.#state.session.unsolicited++;
      this.#state.session.lastUnsolicitedAt = now;
    }
    return this.#persist();
  }

  recordDismissed(itemId: string, version: string, now: number, permanent: boolean): Promise<void> {
    const item = this.#touch(itemId, version);
    if (permanent) item.dismissed = now;
    else item.dismissedSession = this.sessionId;
    return this.#persist();
  }

  snooze(itemId: string, version: string, until: number): Promise<void> {
    this.#touch(itemId, version).snoozedUntil = until;
    return this.#persist();
  }

  recordCompleted(itemId: string, version: string, now: number, score?: number, passed?: boolean): Promise<void> {
    if (score !== undefined && !(score >= 0 && score <= 1)) throw new RangeError(`score must be between 0 and 1, got ${score}`);
    const item = this.#touch(itemId, version);
    item.attempts = (item.attempts ?? 0) + 1;
    if (passed !== false) item.completed = now;
    if (score !== undefined) item.score = score;
    if (passed !== undefined) item.passed = passed;
    return this.#persist();
  }

  /** The learner reached a workflow point (screen); the first visit is kept, with its session. */
  async recordVisit(screen: string, now: number): Promise<void> {
    await this.ready; // a visit before the stored progress is read must not be overwritten by it
    // Only what a workflow point may be (a hook name or a screen id); anything else is not kept.
    if (!WORKFLOW_PATTERN.test(screen) || this.#state.screens[screen]) return;
    this.#state.screens[screen] = { first: now, session: this.sessionId };
    return this.#persist();
  }

  /** Whether this session is the one of the learner's first visit to `screen`. */
  isFirstVisitSession(screen: string): boolean {
    return this.#state.screens[screen]?.session === this.sessionId;
  }

  tourPosition(itemId: string, version: string): Readonly<TourPosition> | undefined {
    const saved = this.#state.tours[progressKey(itemId, version)];
    return saved && saved.version === version ? saved : undefined;
  }

  /** Keeps where a running tour stands (`undefined`: the tour ended, forget it). */
  saveTourPosition(itemId: string, version: string, position: Omit<TourPosition, 'version'> | undefined): Promise<void> {
    const key = progressKey(itemId, version);
    if (position) this.#state.tours[key] = { ...position, skipped: [...position.skipped], version };
    else if (key in this.#state.tours) delete this.#state.tours[key];
    else return this.#writing;
    return this.#persist();
  }

  /** A checklist's entries done so far (entry id → when). */
  checklistDone(itemId: string, version: string): Readonly<Record<string, number>> {
    return this.#state.checklists[progressKey(itemId, version)] ?? {};
  }

  markChecklistEntry(itemId: string, version: string, entryId: string, now: number): Promise<void> {
    const done = (this.#state.checklists[progressKey(itemId, version)] ??= {});
    if (done[entryId] !== undefined) return this.#writing;
    done[entryId] = now;
    return this.#persist();
  }

  /** Forgets dismissals and snoozes (a "reset tips" control); counts and completions are kept. */
  resetDismissals(): Promise<void> {
    for (const item of Object.values(this.#state.items)) {
      delete item.dismissed;
      delete item.dismissedSession;
      delete item.snoozedUntil;
    }
    return this.#persist();
  }

  /** Summary used to infer proficiency when the host does not set it. */
  summary(): { lessonsCompleted: number; itemsSeen: number } {
    let lessonsCompleted = 0;
    let itemsSeen = 0;
    for (const item of Object.values(this.#state.items)) {
      if (isDone(item) && item.attempts) lessonsCompleted++;
      if (item.seen > 0) itemsSeen++;
    }
    return { lessonsCompleted, itemsSeen };
  }
}
