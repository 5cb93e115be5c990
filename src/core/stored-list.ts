import type { KeyValueStorage } from './adapters.js';

/**
 * A JSON list kept under one storage key, for queues that must survive a closed tab (feedback, learning records).
 * When storage refuses a write (full, private mode) the list carries on in memory and `onWriteFailed` is told once.
 */
export class StoredList<T> {
  #memory: T[] = [];

  constructor(
    private storage: KeyValueStorage | null,
    private readonly key: string,
    private readonly onWriteFailed?: (error: Error) => void,
  ) {}

  read(): T[] {
    if (!this.storage) return [...this.#memory];
    try {
      const parsed = JSON.parse(this.storage.getItem(this.key) ?? '[]') as unknown;
      return Array.isArray(parsed) ? (parsed as T[]) : [];
    } catch {
      return [];
    }
  }

  write(list: T[]): void {
    this.#memory = list;
    if (!this.storage) return;
    try {
      this.storage.setItem(this.key, JSON.stringify(list));
    } catch (error) {
      this.storage = null;
      this.onWriteFailed?.(error as Error);
    }
  }
}
