// Runs in headless Chromium: the same job done by ehr-guide's <ehr-tip>, driver.js, Shepherd.js and intro.js side by
// side — show a popup anchored to a button until it is on screen and positioned (checked after every task, not
// only every frame), then remove it. Median over runs.
import '../src/define/ehr-tip.js';
import type { EhrTip } from '../src/components/tip/tip.js';
import { driver } from 'driver.js';
import Shepherd from 'shepherd.js';
import introJs from 'intro.js';

import { interleaved, untilSubFrame as until } from './page-helpers.js';

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
  async 'intro.js'() {
    const button = target();
    const start = performance.now();
    const tour = introJs.tour().setOptions({ steps: [{ element: button, title: 'Before you sign', intro: 'Check the dose first.' }], showBullets: false, showProgress: false });
    void tour.start();
    await until(() => {
      const p = document.querySelector<HTMLElement>('.introjs-tooltip');
      return Boolean(p && p.getBoundingClientRect().top > 0 && getComputedStyle(p).visibility !== 'hidden');
    });
    const elapsed = performance.now() - start;
    await tour.exit(true);
    button.remove();
    return elapsed;
  },
};

/** Shows and removes one library's anchored popup `n` times (for what the cycles leave behind). */
export async function cycle(name: string, n: number): Promise<void> {
  scrollTo(0, 0); // the buttons sit near the top of the page
  for (let i = 0; i < n; i++) await runners[name]();
}

export async function run(rounds = 25): Promise<Record<string, { median: number; p95: number }>> {
  const wrapped = Object.fromEntries(Object.entries(runners).map(([name, runner]) => [name, async () => ({ show: await runner() })]));
  const results = await interleaved(wrapped, rounds);
  return Object.fromEntries(Object.entries(results).map(([name, metrics]) => [name, metrics.show]));
}
