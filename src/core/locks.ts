/** Runs `task` under a Web Lock where the platform has them, so tabs sharing one stored queue take turns. */
export function withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: { request: (name: string, fn: () => Promise<T>) => Promise<T> } } }).navigator?.locks;
  return locks ? locks.request(name, task) : task();
}

