import type { FatiguePolicy } from '../fatigue/policy.js';
import type { LoadedItem } from '../packs/load-pack.js';
import type { ProgressStore } from '../progress/progress-store.js';
import type { TourPosition } from '../progress/progress.js';
import type { AiFeedback, XapiStatement } from '../records/statements.js';
import { checklistStatus } from '../checklists/status.js';
import type { EvaluationLoop } from './evaluation-loop.js';
import type { ExposureTracker } from './exposure.js';
import { isIntrusive } from './guard.js';
import type { Recorder } from './recorder.js';

export interface ActivitySource {
  item(id: string): LoadedItem | undefined;
  /** Every loaded item (checklists are looked through when something is completed). */
  items(): readonly LoadedItem[];
  exposure: ExposureTracker;
  progress: ProgressStore;
  recorder: Recorder;
  loop: EvaluationLoop;
  now: () => number;
  policy: () => FatiguePolicy;
  locale: () => string;
}

/**
 * What the clinician did with guidance, as elements report it: mounted, shown, hidden, dismissed, snoozed,
 * finished, feedback on AI. Each goes to progress (the fatigue guard's memory) and the learning records, and
 * re-runs the guard or the evaluation as much as it changes.
 */
export class Activity {
  constructor(private readonly s: ActivitySource) {}

  /** An element can render this item: pushed items compete only while something can render them. */
  mount(itemId: string): () => void {
    const unmount = this.s.exposure.mount(itemId);
    this.s.loop.schedule();
    return () => {
      unmount();
      this.s.loop.schedule();
    };
  }

  /** The item appeared on screen: counts against its caps and, if intrusive, the session budget. */
  async shown(itemId: string): Promise<void> {
    const item = this.s.item(itemId);
    if (!item || this.s.exposure.shown(itemId) !== 'new') return;
    await this.s.progress.recordShown(item.id, item.version, this.s.now(), isIntrusive(item));
    this.s.recorder.item('shown', named(item), this.s.locale());
    this.s.loop.reguard();
  }

  /** The item left the screen (closed, anchor gone, page changed). */
  hidden(itemId: string): void {
    if (this.s.exposure.hidden(itemId)) this.s.loop.reguard();
  }

  async dismissed(itemId: string, permanent: boolean): Promise<void> {
    const item = this.s.item(itemId);
    if (!item) return;
    this.s.exposure.closed(itemId);
    await this.s.progress.recordDismissed(item.id, item.version, this.s.now(), permanent);
    this.s.recorder.item(permanent ? 'never' : 'got-it', named(item), this.s.locale());
    this.s.loop.reguard();
  }

  async snooze(itemId: string, minutes?: number): Promise<void> {
    const item = this.s.item(itemId);
    if (!item) return;
    const span = minutes ?? item.frequency?.snoozeMinutes ?? this.s.policy().defaultFrequency.snoozeMinutes;
    this.s.exposure.closed(itemId);
    await this.s.progress.snooze(item.id, item.version, this.s.now() + span * 60_000);
    this.s.recorder.item('snoozed', named(item), this.s.locale());
    this.s.loop.reguard();
  }

  /** A finished lesson: progress (score, passed) and an xAPI statement naming the lesson and the result only. */
  async lesson(itemId: string, result: { score: number; passed: boolean; durationMs: number }): Promise<void> {
    const item = this.s.item(itemId);
    if (!item) return;
    await this.completed(itemId, result.score, result.passed, () => this.s.recorder.lesson(named(item), result, this.s.locale()));
  }

  /** A tour walked to its end: progress and an xAPI "completed" statement. */
  async tour(itemId: string, durationMs: number): Promise<void> {
    const item = this.s.item(itemId);
    if (!item) return;
    await this.completed(itemId, undefined, undefined, () => this.s.recorder.tour(named(item), durationMs, this.s.locale()));
  }

  /** Completion kept in progress, its learning record (`record`) made, then the checklists that list the item progress. */
  async completed(itemId: string, score?: number, passed?: boolean, record?: () => void): Promise<void> {
    const item = this.s.item(itemId);
    if (!item) return;
    await this.s.progress.recordCompleted(item.id, item.version, this.s.now(), score, passed);
    record?.();
    if (item.kind !== 'checklist') await this.#checklistsAfter(item.id);
    this.s.loop.schedule(); // completion changes the inferred proficiency, which the prefilters read
  }

  /** Where a checklist's tasks stand, at the checklist's current version (entry id → when done). */
  checklistDone(checklistId: string): Readonly<Record<string, number>> {
    const item = this.s.item(checklistId);
    return item ? this.s.progress.checklistDone(item.id, item.version) : {};
  }

  /** Where a running tour stands, at its current version (kept across screens and reloads). */
  tourPosition(itemId: string): Readonly<TourPosition> | undefined {
    const item = this.s.item(itemId);
    return item ? this.s.progress.tourPosition(item.id, item.version) : undefined;
  }

  saveTourPosition(itemId: string, position: Omit<TourPosition, 'version'> | undefined): Promise<void> {
    const item = this.s.item(itemId);
    return item ? this.s.progress.saveTourPosition(item.id, item.version, position) : Promise.resolve();
  }

  /** A checklist's task ticked by the clinician or reported by the host (its workflow point, its event). */
  async checklistEntry(checklistId: string, entryId: string): Promise<void> {
    const list = this.s.item(checklistId);
    if (list?.kind !== 'checklist') return;
    const entry = list.entries.find((e) => e.id === entryId);
    if (!entry || entry.item !== undefined) throw new RangeError(`checklist "${checklistId}" has no task "${entryId}" (tours and lessons are done by completing them)`);
    if (this.s.progress.checklistDone(list.id, list.version)[entryId] !== undefined) return;
    await this.s.progress.markChecklistEntry(list.id, list.version, entryId, this.s.now());
    await this.#advance(list, entryId);
    this.s.loop.schedule();
  }

  /** The host reached a workflow point: tasks done there are ticked, in every checklist. */
  async workflowReached(workflow: string): Promise<void> {
    for (const list of this.s.items()) {
      if (list.kind !== 'checklist') continue;
      for (const entry of list.entries) if (entry.item === undefined && entry.doneWhen?.workflow === workflow) await this.checklistEntry(list.id, entry.id);
    }
  }

  /** A tour or lesson was completed: each checklist that lists it progresses, and completes when it is all done. */
  async #checklistsAfter(itemId: string): Promise<void> {
    for (const list of this.s.items()) {
      if (list.kind !== 'checklist') continue;
      const entry = list.entries.find((e) => e.item === itemId);
      if (entry) await this.#advance(list, entry.id);
    }
  }

  async #advance(list: LoadedItem, entryId: string): Promise<void> {
    const status = checklistStatus(list, { item: (id) => this.s.item(id), progress: (id, version) => this.s.progress.item(id, version), tasksDone: this.s.progress.checklistDone(list.id, list.version) });
    if (!status.entries.find((e) => e.id === entryId)?.done) return;
    this.s.recorder.checklistEntry(named(list), entryId, (status.done / status.count) * 100, this.s.locale());
    if (!status.complete || this.s.progress.item(list.id, list.version)?.completed !== undefined) return;
    await this.s.progress.recordCompleted(list.id, list.version, this.s.now());
    this.s.recorder.checklist(named(list), status.count, this.s.locale());
  }

  async resetDismissals(): Promise<void> {
    await this.s.progress.resetDismissals();
    this.s.loop.schedule();
  }

  aiFeedback(feedback: AiFeedback, language?: string): XapiStatement {
    return this.s.recorder.aiFeedback(feedback, language);
  }

  aiExplained(model: { modelId: string; modelName?: string; source: AiFeedback['source'] }): void {
    this.s.recorder.aiExplained(model, this.s.locale());
  }
}

/** An item as its learning records name it. */
const named = (item: LoadedItem) => ({ itemId: item.id, version: item.version, title: item.title, kind: item.kind });
