/**
 * Runs `callback` while the browser is idle (within `timeout` ms at the latest), or after 200 ms where there is
 * no `requestIdleCallback` (Safari): for work that may come early but must not land in a clinician's task.
 */
export function whenIdle(callback: () => void, timeout = 2000): void {
  const idle = (globalThis as { requestIdleCallback?: (fn: () => void, options?: { timeout: number }) => void }).requestIdleCallback;
  if (idle) idle(callback, { timeout });
  else setTimeout(callback, 200);
}
