// Runs in headless Chromium: an interactive step — the tour moves on when the clinician clicks the real control —
// with ehr-guide's `action: { on: 'click' }`, Shepherd.js's `advanceOn`, and for driver.js and intro.js (which
// have no such option) the host code an integrator writes: a click listener that calls the tour's next. Timed
// from the click on the control to the next step on screen and positioned (a sub-frame timer).
import '../src/define/ehr-tour.js';
import type { EhrTour } from '../src/components/tour/tour.js';
import { driver } from 'driver.js';
import Shepherd from 'shepherd.js';
import introJs from 'intro.js';
import { buttonColumn, interleaved, nextTo, untilSubFrame as until } from './page-helpers.js';

const screen = () => buttonColumn([{ id: 'open-orders', label: 'open-orders' }, { id: 'med', label: 'med' }]);

const click = () => document.getElementById('open-orders')!.click();

const tourData = {
  kind: 'tour',
  id: 'bench.interactive',
  version: '1.0.0',
  title: 'Bench',
  reviewBy: '2030-01-01',
  body: 'x',
  steps: [
    { selector: '#open-orders', title: 'Open orders', body: 'Click Orders.', action: { on: 'click' } },
    { selector: '#med', title: 'Medication', body: 'Then this.' },
  ],
};

const runners = {
  async 'ehr-guide <ehr-tour>'() {
    const form = screen();
    const tour = document.createElement('ehr-tour') as EhrTour;
    tour.tour = tourData;
    document.body.append(tour);
    const panel = () => tour.shadowRoot!.querySelector('[part="panel"]');
    await tour.start({ focus: false });
    // Armed once the step's control is found: the skip button marks an interactive step on screen.
    await until(() => nextTo(panel(), 'open-orders') && !!tour.shadowRoot!.querySelector('[part="skip-button"]'));
    const t0 = performance.now();
    click();
    await until(() => nextTo(panel(), 'med') && tour.shadowRoot!.querySelector('[part="heading"]')?.textContent === 'Medication');
    const t1 = performance.now();
    await tour.stop();
    tour.remove();
    form.remove();
    return { afterClick: t1 - t0 };
  },
  async 'Shepherd.js (advanceOn)'() {
    const form = screen();
    const tour = new Shepherd.Tour({ useModalOverlay: false });
    tour.addStep({ id: 'open', title: 'Open orders', text: 'Click Orders.', attachTo: { element: '#open-orders', on: 'bottom' }, advanceOn: { selector: '#open-orders', event: 'click' } });
    tour.addStep({ id: 'med', title: 'Medication', text: 'Then this.', attachTo: { element: '#med', on: 'bottom' } });
    const popup = (id: string) => document.querySelector(`.shepherd-element[data-shepherd-step-id="${id}"]`);
    void tour.start();
    await until(() => nextTo(popup('open'), 'open-orders'));
    const t0 = performance.now();
    click();
    await until(() => nextTo(popup('med'), 'med'));
    const t1 = performance.now();
    void tour.complete();
    form.remove();
    return { afterClick: t1 - t0 };
  },
  async 'driver.js (host listener)'() {
    const form = screen();
    const d = driver({ animate: false, steps: [{ element: '#open-orders', popover: { title: 'Open orders', description: 'Click Orders.', side: 'bottom' } }, { element: '#med', popover: { title: 'Medication', description: 'Then this.', side: 'bottom' } }] });
    const listener = () => d.moveNext();
    document.getElementById('open-orders')!.addEventListener('click', listener);
    const popup = () => document.querySelector('.driver-popover');
    d.drive();
    await until(() => nextTo(popup(), 'open-orders'));
    const t0 = performance.now();
    click();
    await until(() => nextTo(popup(), 'med') && popup()!.textContent!.includes('Medication'));
    const t1 = performance.now();
    d.destroy();
    form.remove();
    return { afterClick: t1 - t0 };
  },
  async 'intro.js (host listener)'() {
    const form = screen();
    const tour = introJs.tour().setOptions({ steps: [{ element: '#open-orders', title: 'Open orders', intro: 'Click Orders.', position: 'bottom' }, { element: '#med', title: 'Medication', intro: 'Then this.', position: 'bottom' }], showBullets: false, showProgress: false });
    document.getElementById('open-orders')!.addEventListener('click', () => void tour.nextStep());
    const popup = () => document.querySelector('.introjs-tooltip');
    void tour.start();
    await until(() => nextTo(popup(), 'open-orders') && !!popup()!.textContent!.includes('Open orders'));
    const t0 = performance.now();
    click();
    await until(() => nextTo(popup(), 'med') && !!popup()!.textContent!.includes('Medication'));
    const t1 = performance.now();
    await tour.exit(true);
    form.remove();
    return { afterClick: t1 - t0 };
  },
};

export function run(rounds = 25) {
  return interleaved(runners, rounds);
}
