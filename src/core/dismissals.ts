import { memoryKeyValueStorage, type KeyValueStorage } from './adapters.js';

export type { KeyValueStorage } from './adapters.js';

/** Remembers which tips a clinician asked never to see again. Only tip ids are stored: never patient data. */
export interface DismissalStore {
  isDismissed(tipId: string): boolean;
  dismiss(tipId: string): void;
  restore(tipId: string): void;
}

const PREFIX = 'ehr-guide:dismissed:';

/**
 * A dismissal store over a Web Storage look-alike (memory when none is given; the browser's durable storage through
 * `browserDismissalStore()` in `ehr-guide/platform`). Storage can throw — private browsing, quota, a sandboxed
 * iframe without storage access — and a failure there must never reach the host page, so the store falls back to
 * memory for the rest of the session and keeps working.
 */
export function createDismissalStore(storage?: KeyValueStorage | null): DismissalStore {
  let backing: KeyValueStorage = storage ?? memoryKeyValueStorage();
  const fallback = memoryKeyValueStorage();
  const safe = <T>(fn: (s: KeyValueStorage) => T): T => {
    try {
      return fn(backing);
    } catch {
      backing = fallback;
      return fn(backing);
    }
  };
  return {
    isDismissed: (id) => safe((s) => s.getItem(PREFIX + id) !== null),
    dismiss: (id) => safe((s) => s.setItem(PREFIX + id, new Date().toISOString().slice(0, 10))),
    restore: (id) => safe((s) => s.removeItem(PREFIX + id)),
  };
}
