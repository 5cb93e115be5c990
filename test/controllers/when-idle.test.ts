import { expect } from '@open-wc/testing';
import { whenIdle } from '../../src/controllers/when-idle.js';

describe('whenIdle', () => {
  it('runs the callback while the page is idle', async () => {
    const ran = await new Promise<boolean>((resolve) => {
      whenIdle(() => resolve(true));
      setTimeout(() => resolve(false), 3000);
    });
    expect(ran).to.equal(true);
  });

  it('falls back to a timer where there is no requestIdleCallback (Safari), never running inside the caller\'s task', async () => {
    const original = globalThis.requestIdleCallback;
    // Safari has no requestIdleCallback: take it away for this call.
    Object.defineProperty(globalThis, 'requestIdleCallback', { value: undefined, configurable: true, writable: true });
    try {
      let ran = false;
      whenIdle(() => (ran = true));
      expect(ran, 'not in the same task').to.equal(false);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(ran, 'after the fallback timer').to.equal(true);
    } finally {
      Object.defineProperty(globalThis, 'requestIdleCallback', { value: original, configurable: true, writable: true });
    }
  });
});
