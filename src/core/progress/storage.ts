/**
 * Where progress is kept. Each learner's progress is one small JSON document. The core has memory only; the
 * browser adapters are in `src/platform/web-storage.ts`. A failing storage must never break the page: the store keeps
 * working in memory and reports the failure.
 */
export interface ProgressStorage {
  readonly name: string;
  load(key: string): Promise<string | null>;
  save(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
}

export function memoryStorage(): ProgressStorage {
  const map = new Map<string, string>();
  return {
    name: 'memory',
    load: async (key) => map.get(key) ?? null,
    save: async (key, value) => void map.set(key, value),
    remove: async (key) => void map.delete(key),
  };
}
