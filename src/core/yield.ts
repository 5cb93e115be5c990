/**
 * Ends the current task and resumes in a new one, so long work never holds the page's main thread: the
 * platform's `scheduler.yield()` where there is one (it resumes ahead of other queued work), else a
 * MessageChannel message (not clamped the way nested `setTimeout(0)` is).
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
