/** The part of the Web Storage API the stores use, so tests and hosts can hand in their own. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Remembers which tips a clinician asked never to see again. Only tip ids are stored: never patient data. */
export interface DismissalStore {
  isDismissed(tipId: string): boolean;
  dismiss(tipId: string): void;
  restore(tipId: string): void;
}

const PREFIX = 'ehr-guide:dismissed:';

function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

/**
 * A dismissal store over Web Storage (localStorage when none is given). Storage can throw — private browsing,
 * quota, a sandboxed iframe without storage access — and a failure there must never reach the host page, so the
 * store falls back to memory for the rest of the session and keeps working.
 */
export function createDismissalStore(storage?: KeyValueStorage | null): DismissalStore {
  let backing: KeyValueStorage;
  try {
    backing = storage ?? (globalThis as { localStorage?: KeyValueStorage }).localStorage ?? memoryStorage();
  } catch {
    backing = memoryStorage(); // reading window.localStorage itself throws in sandboxed iframes
  }
  const fallback = memoryStorage();
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
