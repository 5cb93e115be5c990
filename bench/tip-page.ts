// Runs in headless Chromium: the same job done by ehr-guide's <ehr-tip>, driver.js and Shepherd.js side by side —
// show a popup anchored to a button until it is on screen and positioned, then remove it. Median over runs.
import '../src/define/ehr-tip.js';
import type { EhrTip } from '../src/components/tip/tip.js';
import { driver } from 'driver.js';
import Shepherd from 'shepherd.js';

const frame = () => new Promise((r) => requestAnimationFrame(r));

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 600 && !check(); i++) await frame();
}

const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.floor(sorted.length * 0.95)] };
};

function target(): HTMLButtonElement {
  const button = document.createElement('button');
  button.id = 'target';
  button.textContent = 'Sign order';
  button.style.cssText = 'position:absolute;left:200px;top:200px';
  document.body.append(button);
  return button;
}

const runners: Record<string, () => Promise<number>> = {
  async 'ehr-guide <ehr-tip>'() {
    const button = target();
    const start = performance.now();
    const tip = document.createElement('ehr-tip') as EhrTip;
    tip.anchorElement = button;
    tip.heading = 'Before you sign';
    tip.append('Check the dose first.');
    document.body.append(tip);
    await tip.show();
    const panel = tip.shadowRoot!.querySelector<HTMLElement>('[part~="panel"]')!;
    await until(() => panel.matches(':popover-open') && panel.getBoundingClientRect().top > 0);
    const elapsed = performance.now() - start;
    tip.remove();
    button.remove();
    return elapsed;
  },
  async 'driver.js'() {
    const button = target();
    const start = performance.now();
    const d = driver({ animate: false });
    d.highlight({ element: button, popover: { title: 'Before you sign', description: 'Check the dose first.' } });
    await until(() => {
      const p = document.querySelector<HTMLElement>('.driver-popover');
      return Boolean(p && p.getBoundingClientRect().top > 0);
    });
    const elapsed = performance.now() - start;
    d.destroy();
    button.remove();
    return elapsed;
  },
  async 'Shepherd.js'() {
    const button = target();
    const start = performance.now();
    const tour = new Shepherd.Tour({ useModalOverlay: false, defaultStepOptions: { classes: 'bench' } });
    tour.addStep({ id: 's', title: 'Before you sign', text: 'Check the dose first.', attachTo: { element: button, on: 'bottom' } });
    void tour.start();
    await until(() => {
      const p = document.querySelector<HTMLElement>('.shepherd-element');
      return Boolean(p && p.getBoundingClientRect().top > 0 && getComputedStyle(p).visibility !== 'hidden');
    });
    const elapsed = performance.now() - start;
    void tour.complete();
    button.remove();
    return elapsed;
  },
};

export async function run(rounds = 25): Promise<Record<string, { median: number; p95: number }>> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(runners).map((k) => [k, []]));
  for (let i = 0; i < rounds + 3; i++) {
    // Interleaved, so the machine's noise falls on all three alike; the first 3 rounds warm up.
    for (const [name, runner] of Object.entries(runners)) {
      const t = await runner();
      if (i >= 3) samples[name].push(t);
      await frame();
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v)]));
}
