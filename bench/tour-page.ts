// Runs in headless Chromium: a three-step guided tour with ehr-guide's <ehr-tour>, driver.js, Shepherd.js and
// intro.js side by side — time from start to the first step on screen and positioned, and from "next" to the
// second step, checked after every task (a sub-frame timer), not only every animation frame.
import '../src/define/ehr-tour.js';
import type { EhrTour } from '../src/components/tour/tour.js';
import { driver } from 'driver.js';
import Shepherd from 'shepherd.js';
import introJs from 'intro.js';
import { buttonColumn, interleaved, nextTo, untilSubFrame as until } from './page-helpers.js';

const STEPS = [
  { id: 'med', title: 'Medication', text: 'Search by generic name.' },
  { id: 'freq', title: 'Frequency', text: 'Choose how often.' },
  { id: 'sign', title: 'Sign', text: 'Signing sends the order.' },
];

const screen = () => buttonColumn(STEPS.map((s) => ({ id: s.id, label: s.title })));

const tourData = { kind: 'tour', id: 'bench.tour', version: '1.0.0', title: 'Bench tour', reviewBy: '2030-01-01', body: 'x', steps: STEPS.map((s) => ({ selector: `#${s.id}`, title: s.title, body: s.text })) };

const runners = {
  async 'ehr-guide <ehr-tour>'() {
    const form = screen();
    const tour = document.createElement('ehr-tour') as EhrTour;
    tour.tour = tourData;
    document.body.append(tour);
    const panel = () => tour.shadowRoot!.querySelector('[part="panel"]');
    const t0 = performance.now();
    await tour.start({ focus: false });
    await until(() => nextTo(panel(), 'med') && !!panel()!.matches(':popover-open'));
    const t1 = performance.now();
    await tour.next();
    await until(() => nextTo(panel(), 'freq') && tour.shadowRoot!.querySelector('[part="heading"]')?.textContent === 'Frequency');
    const t2 = performance.now();
    await tour.next();
    await until(() => nextTo(panel(), 'sign') && tour.shadowRoot!.querySelector('[part="heading"]')?.textContent === 'Sign');
    const t3 = performance.now();
    tour.stop();
    tour.remove();
    form.remove();
    return { first: t1 - t0, next: t2 - t1, last: t3 - t2 };
  },
  async 'driver.js'() {
    const form = screen();
    const d = driver({ animate: false, steps: STEPS.map((s) => ({ element: `#${s.id}`, popover: { title: s.title, description: s.text, side: 'bottom' } })) });
    const popup = () => document.querySelector('.driver-popover');
    const t0 = performance.now();
    d.drive();
    await until(() => nextTo(popup(), 'med'));
    const t1 = performance.now();
    d.moveNext();
    await until(() => nextTo(popup(), 'freq') && popup()!.textContent!.includes('Frequency'));
    const t2 = performance.now();
    d.moveNext();
    await until(() => nextTo(popup(), 'sign') && popup()!.textContent!.includes('Signing'));
    const t3 = performance.now();
    d.destroy();
    form.remove();
    return { first: t1 - t0, next: t2 - t1, last: t3 - t2 };
  },
  async 'Shepherd.js'() {
    const form = screen();
    const tour = new Shepherd.Tour({ useModalOverlay: false });
    for (const s of STEPS) tour.addStep({ id: s.id, title: s.title, text: s.text, attachTo: { element: `#${s.id}`, on: 'bottom' } });
    const popup = (id: string) => document.querySelector(`.shepherd-element[data-shepherd-step-id="${id}"]`);
    const t0 = performance.now();
    void tour.start();
    await until(() => nextTo(popup('med'), 'med'));
    const t1 = performance.now();
    void tour.next();
    await until(() => nextTo(popup('freq'), 'freq'));
    const t2 = performance.now();
    void tour.next();
    await until(() => nextTo(popup('sign'), 'sign'));
    const t3 = performance.now();
    void tour.complete();
    form.remove();
    return { first: t1 - t0, next: t2 - t1, last: t3 - t2 };
  },
  async 'intro.js'() {
    const form = screen();
    const tour = introJs.tour().setOptions({ steps: STEPS.map((s) => ({ element: `#${s.id}`, title: s.title, intro: s.text, position: 'bottom' })), showBullets: false, showProgress: false });
    const popup = () => document.querySelector('.introjs-tooltip');
    const t0 = performance.now();
    void tour.start();
    await until(() => nextTo(popup(), 'med') && !!popup()!.textContent!.includes('Medication'));
    const t1 = performance.now();
    void tour.nextStep();
    await until(() => nextTo(popup(), 'freq') && !!popup()!.textContent!.includes('Frequency'));
    const t2 = performance.now();
    void tour.nextStep();
    await until(() => nextTo(popup(), 'sign') && !!popup()!.textContent!.includes('Signing'));
    const t3 = performance.now();
    await tour.exit(true);
    form.remove();
    return { first: t1 - t0, next: t2 - t1, last: t3 - t2 };
  },
};

export function run(rounds = 25) {
  return interleaved(runners, rounds);
}
