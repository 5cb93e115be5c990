import { runUnlocked, type LockRunner } from '../core/adapters.js';

type LockManagerLike = { request<T>(name: string, task: () => Promise<T>): Promise<T> };

/**
 * Web Locks where the platform has them (two tabs over one stored queue then take turns, so nothing is sent
 * twice); elsewhere the task simply runs.
 */
export const webLock: LockRunner = (name, task) => {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  return locks ? locks.request(name, task) : runUnlocked(name, task);
};
