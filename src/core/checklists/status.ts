import type { LoadedItem } from '../packs/load-pack.js';
import { isDone, type ItemProgress } from '../progress/progress.js';

/** One checklist entry as the learner stands with it. */
export interface EntryStatus {
  id: string;
  /** `missing`: the entry names a tour or lesson no loaded pack has (or an item of another kind). */
  kind: 'tour' | 'lesson' | 'task' | 'missing';
  itemId?: string;
  title: string;
  description?: string;
  done: boolean;
  /** When it was done (epoch ms). */
  at?: number;
  /** A lesson tried and not passed yet. */
  failed?: boolean;
  /** A tour started and not finished (it resumes). */
  inProgress?: boolean;
}

export interface ChecklistStatus {
  entries: EntryStatus[];
  done: number;
  count: number;
  complete: boolean;
}

export interface ChecklistLookup {
  item(id: string): LoadedItem | undefined;
  progress(itemId: string, version: string): Readonly<ItemProgress> | undefined;
  /** Tasks ticked or reported done, by entry id. */
  tasksDone: Readonly<Record<string, number>>;
  /** Whether a tour has a saved position (started, not finished). */
  tourRunning?(itemId: string, version: string): boolean;
}

/**
 * Where the learner stands with a checklist: each entry done or not — a tour when completed, a lesson when
 * passed, a task when ticked or reported — and whether the whole list is done. Pure: progress in, status out.
 */
export function checklistStatus(list: LoadedItem, lookup: ChecklistLookup): ChecklistStatus {
  if (list.kind !== 'checklist') throw new TypeError(`${list.id} is a ${list.kind}, not a checklist`);
  const entries = list.entries.map((entry): EntryStatus => {
    if (entry.item === undefined) {
      const at = lookup.tasksDone[entry.id];
      return { id: entry.id, kind: 'task', title: entry.title!, description: entry.description, done: at !== undefined, at };
    }
    const item = lookup.item(entry.item);
    if (!item || (item.kind !== 'tour' && item.kind !== 'lesson')) return { id: entry.id, kind: 'missing', itemId: entry.item, title: entry.title ?? entry.item, description: entry.description, done: false };
    const progress = lookup.progress(item.id, item.version);
    const done = isDone(progress);
    const failed = item.kind === 'lesson' && !done && progress?.passed === false;
    const inProgress = item.kind === 'tour' && !done && !!lookup.tourRunning?.(item.id, item.version);
    return { id: entry.id, kind: item.kind, itemId: item.id, title: entry.title ?? item.title, description: entry.description, done, at: done ? progress!.completed : undefined, ...(failed ? { failed } : {}), ...(inProgress ? { inProgress } : {}) };
  });
  const done = entries.filter((e) => e.done).length;
  return { entries, done, count: entries.length, complete: done === entries.length };
}
