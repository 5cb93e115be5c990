// Runs in headless Chromium: a generated 5,000-element EHR screen, long enough that most of a 10-step tour's
// targets start below the fold, and one tour library at a time walking all ten steps. A step counts as reached
// when its popup is visible inside the viewport next to a target that is itself in view — the clinician can see
// both. The Node side (long-page.mjs) reads DOM nodes and listeners with the DevTools protocol between runs.
import '../src/define/ehr-tour.js';
import type { EhrTour } from '../src/components/tour/tour.js';
import { driver } from 'driver.js';
import Shepherd from 'shepherd.js';
import introJs from 'intro.js';
import { frame } from './page-helpers.js';

const STEPS = 10;

/** The screen: a header, then sections of labelled fields, rows and buttons (5,000 elements), the step targets spread down it. */
export function buildScreen(elements = 5000): void {
  const main = document.createElement('main');
  let count = 0;
  const per = Math.ceil(elements / 200);
  for (let s = 0; count < elements; s++) {
    const section = document.createElement('section');
    section.style.cssText = 'padding:8px 16px;border-bottom:1px solid #ddd';
    const h = document.createElement('h2');
    h.textContent = `Section ${s + 1}`;
    section.append(h);
    count += 2;
    for (let i = 0; i < per && count < elements; i++) {
      const row = document.createElement('div');
      row.style.cssText = 'display:flex;gap:8px;margin:2px 0';
      const label = document.createElement('label');
      label.textContent = `Field ${s}.${i}`;
      const input = document.createElement('input');
      row.append(label, input);
      section.append(row);
      count += 3;
    }
    main.append(section);
  }
  document.body.append(main);
  const sections = main.querySelectorAll('section');
  for (let k = 0; k < STEPS; k++) {
    const target = sections[Math.floor(((k + 0.5) * sections.length) / STEPS)].querySelector('input')!;
    target.id = `step-${k}`;
  }
}

const inView = (el: Element | null | undefined) => {
  if (!el) return false;
  const r = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return r.height > 0 && r.width > 0 && style.visibility !== 'hidden' && style.display !== 'none' && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
};

/** Waits (up to 1.5 s) for the popup and its target to be in view together. */
async function seen(popup: () => Element | null | undefined, k: number): Promise<boolean> {
  const target = document.getElementById(`step-${k}`);
  const until = performance.now() + 1500;
  while (performance.now() < until) {
    if (inView(popup()) && inView(target)) {
      if (k === 0) performance.mark('bench:first-step'); // for the longest main-thread task from start to step 1
      return true;
    }
    await frame();
  }
  return false;
}

const steps = () => Array.from({ length: STEPS }, (_, k) => ({ selector: `#step-${k}`, title: `Step ${k + 1}`, text: `Field number ${k + 1} of the order.` }));

async function ehrTour(compiled: boolean): Promise<number> {
  const tour = document.createElement('ehr-tour') as EhrTour;
  const body = (text: string) => (compiled ? { format: 'ehr-md/1', blocks: [{ t: 'p', c: [{ t: 'text', v: text }] }] } : text);
  tour.tour = { kind: 'tour', id: 'bench.long', version: '1.0.0', title: 'Long', reviewBy: '2030-01-01', body: 'x', steps: steps().map((s) => ({ selector: s.selector, title: s.title, body: body(s.text) })) };
  document.body.append(tour);
  const panel = () => tour.shadowRoot!.querySelector('[part="panel"]');
  let reached = 0;
  await tour.start({ focus: false });
  for (let k = 0; k < STEPS; k++) {
    if (await seen(() => (tour.shadowRoot!.querySelector('[part="heading"]')?.textContent === `Step ${k + 1}` ? panel() : null), k)) reached++;
    await tour.next();
  }
  await tour.stop();
  tour.remove();
  return reached;
}

/** Walks one tour start → 10 steps → done; returns how many steps the clinician could see. */
export const runners: Record<string, () => Promise<number>> = {
  'ehr-guide <ehr-tour>': () => ehrTour(false),
  // The same tour from a pack compiled ahead (`ehr-guide compile`): no markdown parser is loaded or run.
  'ehr-guide <ehr-tour> (compiled pack)': () => ehrTour(true),
  async 'driver.js'() {
    const d = driver({ animate: false, steps: steps().map((s) => ({ element: s.selector, popover: { title: s.title, description: s.text } })) });
    let reached = 0;
    d.drive();
    for (let k = 0; k < STEPS; k++) {
      if (await seen(() => (document.querySelector('.driver-popover-title')?.textContent === `Step ${k + 1}` ? document.querySelector('.driver-popover') : null), k)) reached++;
      d.moveNext();
    }
    d.destroy();
    return reached;
  },
  async 'Shepherd.js'() {
    const tour = new Shepherd.Tour({ useModalOverlay: false });
    for (const [k, s] of steps().entries()) tour.addStep({ id: `s${k}`, title: s.title, text: s.text, attachTo: { element: s.selector, on: 'bottom' }, scrollTo: true });
    let reached = 0;
    void tour.start();
    for (let k = 0; k < STEPS; k++) {
      if (await seen(() => document.querySelector(`.shepherd-element[data-shepherd-step-id="s${k}"]`), k)) reached++;
      void tour.next();
    }
    void tour.complete();
    return reached;
  },
  async 'intro.js'() {
    const tour = introJs.tour().setOptions({ steps: steps().map((s) => ({ element: s.selector, title: s.title, intro: s.text })), showProgress: false });
    let reached = 0;
    await tour.start();
    for (let k = 0; k < STEPS; k++) {
      if (await seen(() => (document.querySelector('.introjs-tooltip-title')?.textContent === `Step ${k + 1}` ? document.querySelector('.introjs-tooltip') : null), k)) reached++;
      await tour.nextStep();
    }
    await tour.exit(true);
    return reached;
  },
};

export async function run(name: string): Promise<number> {
  scrollTo(0, 0);
  await frame();
  return runners[name]();
}
