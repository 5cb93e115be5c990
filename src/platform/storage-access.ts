import { memoryKeyValueStorage, type KeyValueStorage } from '../core/adapters.js';
import { createDismissalStore, type DismissalStore } from '../core/dismissals.js';

/** The page's localStorage, or null where reading it throws (sandboxed iframes) or there is none (workers). */
export function durableStorage(): KeyValueStorage | null {
  try {
    return (globalThis as { localStorage?: KeyValueStorage }).localStorage ?? null;
  } catch {
    return null;
  }
}

/** This tab's sessionStorage (survives reloads, ends with the tab), or null where there is none. */
export function tabStorage(): KeyValueStorage | null {
  try {
    return (globalThis as { sessionStorage?: KeyValueStorage }).sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** "Don't show again" kept in localStorage (memory where storage is blocked). */
export function browserDismissalStore(): DismissalStore {
  return createDismissalStore(durableStorage() ?? memoryKeyValueStorage());
}
