import type { KeyValueStorage } from '../core/adapters.js';
import { durableStorage } from './storage-access.js';
import type { ProgressStorage } from '../core/progress/storage.js';

export { durableStorage, tabStorage, browserDismissalStore } from './storage-access.js';

/** Progress in Web Storage (localStorage unless another is given). */
export function webStorage(storage?: Pick<KeyValueStorage, 'getItem' | 'setItem' | 'removeItem'>): ProgressStorage {
  const resolve = (): KeyValueStorage => {
    const s = storage ?? durableStorage();
    if (!s) throw new Error('localStorage is not available here');
    return s;
  };
  return {
    name: 'localStorage',
    load: async (key) => resolve().getItem(key),
    save: async (key, value) => resolve().setItem(key, value),
    remove: async (key) => resolve().removeItem(key),
  };
}

/** Progress in IndexedDB: one object store, one record per learner. */
export function indexedDbStorage(dbName = 'ehr-guide', factory?: IDBFactory): ProgressStorage {
  const idb = factory ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  let db: Promise<IDBDatabase> | undefined;
  const open = () =>
    (db ??= new Promise<IDBDatabase>((resolve, reject) => {
      if (!idb) return reject(new Error('IndexedDB is not available here'));
      const request = idb.open(dbName, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('progress');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
    }));
  const run = async <T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest): Promise<T> => {
    const database = await open();
    return new Promise<T>((resolve, reject) => {
      const tx = database.transaction('progress', mode);
      const request = fn(tx.objectStore('progress'));
      tx.oncomplete = () => resolve(request.result as T);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  };
  return {
    name: 'indexedDB',
    load: async (key) => (await run<string | undefined>('readonly', (s) => s.get(key))) ?? null,
    save: async (key, value) => void (await run('readwrite', (s) => s.put(value, key))),
    remove: async (key) => void (await run('readwrite', (s) => s.delete(key))),
  };
}
