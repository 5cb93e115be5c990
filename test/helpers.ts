import { executeServerCommand } from '@web/test-runner-commands';
import { oneEvent } from '@open-wc/testing';

/** Lit's dev-mode warnings seen so far (collected by the test page; see web-test-runner.config.mjs). */
export function litWarnings(): string[] {
  return ((globalThis as { __litWarnings?: string[] }).__litWarnings ??= []);
}

// A Lit dev-mode warning (an update scheduled after an update, a reactive property shadowed by a class field, …)
// fails the test during which it appeared.
afterEach(function () {
  const warnings = litWarnings().splice(0);
  if (warnings.length) (this.test as unknown as { error(error: Error): void } | undefined)?.error(new Error(`Lit warned during this test:\n${warnings.join("\n")}`));
});

/** Waits for `n` animation frames: lets observers, floating-ui and Lit settle. */
export async function frames(n = 2): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Waits until `predicate` holds, failing with `message` after `timeout` ms. */
export async function until(predicate: () => boolean, message: string, timeout = 3000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 16));
  }
}

export function emulateForcedColors(active: boolean): Promise<unknown> {
  return executeServerCommand('emulate-forced-colors', { active });
}

/** Collects every event of the given types that reaches `document`. */
export function recordEvents(types: string[]): { events: CustomEvent[]; stop: () => void } {
  const events: CustomEvent[] = [];
  const listener = (e: Event) => events.push(e as CustomEvent);
  for (const type of types) document.addEventListener(type, listener);
  return { events, stop: () => types.forEach((type) => document.removeEventListener(type, listener)) };
}

export { oneEvent };

/** Waits for running animations in an element's shadow root (the popups' fade-in), so axe sees final colours. */
export async function settleAnimations(el: Element): Promise<void> {
  const root = el.shadowRoot;
  if (!root) return;
  // Finite ones only: the beacon's pulse runs forever.
  const finite = root.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
  await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
}
