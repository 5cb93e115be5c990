// Shared by the side-by-side benchmark pages: frame waits, medians, and interleaved rounds.
export const frame = () => new Promise((r) => requestAnimationFrame(r));

const channel = new MessageChannel();
const tick = () => new Promise<void>((resolve) => {
  channel.port1.onmessage = () => resolve();
  channel.port2.postMessage(0);
});

/**
 * Waits until `check` holds, looking after every task rather than every animation frame (a MessageChannel message
 * is an unclamped task): the time measured is when the popup is placed, not the next frame after it. Gives up
 * after 10 s.
 */
export async function untilSubFrame(check: () => boolean): Promise<void> {
  const start = performance.now();
  while (!check() && performance.now() - start < 10_000) await tick();
}

export const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.floor(sorted.length * 0.95)], runs: sorted.length };
};

/** Runs every runner `rounds` times, interleaved so the machine's noise falls on all alike; 3 warm-up rounds first. */
export async function interleaved<T extends string>(runners: Record<T, () => Promise<Record<string, number>>>, rounds: number) {
  const samples: Record<string, Record<string, number[]>> = {};
  for (let i = 0; i < rounds + 3; i++) {
    for (const [name, runner] of Object.entries(runners) as Array<[T, () => Promise<Record<string, number>>]>) {
      const measured = await runner();
      if (i >= 3) for (const [metric, value] of Object.entries(measured)) ((samples[name] ??= {})[metric] ??= []).push(value);
      await frame();
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, metrics]) => [name, Object.fromEntries(Object.entries(metrics).map(([m, v]) => [m, stats(v)]))]));
}

/** A column of buttons (id → label), far apart, where the tour pages' steps anchor. */
export function buttonColumn(buttons: ReadonlyArray<{ id: string; label: string }>): HTMLElement {
  const form = document.createElement('div');
  form.style.cssText = 'position:absolute;left:200px;top:150px;display:grid;gap:120px';
  for (const { id, label } of buttons) {
    const button = document.createElement('button');
    button.id = id;
    button.textContent = label;
    form.append(button);
  }
  document.body.append(form);
  return form;
}

/** A popup is on screen and below (or beside) the control with this id. */
export const nextTo = (popup: Element | null | undefined, id: string) => {
  if (!popup) return false;
  const p = popup.getBoundingClientRect();
  const t = document.getElementById(id)!.getBoundingClientRect();
  return p.height > 0 && getComputedStyle(popup).visibility !== 'hidden' && Math.abs(p.top - t.bottom) < 40;
};
