import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/ehr-lesson.js';
import '../../src/define/ehr-tour.js';
import type { EhrLesson } from '../../src/components/lesson/lesson.js';
import type { EhrTour } from '../../src/components/tour/tour.js';
import { recordEvents, until } from '../helpers.js';

// A body nested thousands deep (a hostile or broken pack) must be reported and shown as inert text by every
// element — never an unhandled rejection escaping into the host page.
const DEEP = `${'>'.repeat(3000)} deep`;

describe('hostile bodies in lessons and tours', function () {
  this.timeout(20000);
  let unhandled: unknown[] = [];
  const onUnhandled = (event: PromiseRejectionEvent) => {
    unhandled.push(event.reason);
    event.preventDefault();
  };
  beforeEach(() => {
    unhandled = [];
    window.addEventListener('unhandledrejection', onUnhandled);
  });
  afterEach(() => window.removeEventListener('unhandledrejection', onUnhandled));

  it('a lesson with a body nested too deep says so and renders it as plain text', async () => {
    const problems = recordEvents(['ehr-problem']);
    const lesson = { kind: 'lesson', id: 'deep.lesson', version: '1.0.0', title: 'Deep', reviewBy: '2030-01-01', body: DEEP, passMark: 1, questions: [{ id: 'q', prompt: 'Yes?', type: 'single', options: [{ id: 'y', text: 'Yes', correct: true }, { id: 'n', text: 'No' }] }] };
    const el = await fixture<EhrLesson>(html`<ehr-lesson .lesson=${lesson}></ehr-lesson>`);
    await until(() => problems.events.some((e) => e.detail.code === 'content-load-failed'), 'reported');
    await el.updateComplete;
    expect(problems.events.find((e) => e.detail.code === 'content-load-failed')!.detail).to.include({ element: 'ehr-lesson', path: 'lesson.body' });
    expect(el.shadowRoot!.querySelector('[part="body"]')!.textContent).to.include('deep');
    expect(el.shadowRoot!.querySelector('[part="body"] blockquote')).to.equal(null);
    await new Promise((r) => setTimeout(r, 50));
    expect(unhandled).to.deep.equal([]);
    problems.stop();
  });

  it('a tour step with a body nested too deep says so, and the tour still runs', async () => {
    const problems = recordEvents(['ehr-problem']);
    const tour = { kind: 'tour', id: 'deep.tour', version: '1.0.0', title: 'Deep', reviewBy: '2030-01-01', body: 'x', steps: [{ selector: '#a', title: 'A', body: DEEP }] };
    const page = await fixture<HTMLElement>(html`<div><input id="a" /><ehr-tour .tour=${tour}></ehr-tour></div>`);
    const el = page.querySelector('ehr-tour') as EhrTour;
    await el.start({ focus: false });
    await until(() => problems.events.some((e) => e.detail.code === 'content-load-failed'), 'reported');
    expect(el.open).to.equal(true);
    expect(problems.events.find((e) => e.detail.code === 'content-load-failed')!.detail.message).to.match(/^steps\[0\]\.body could not be shown/);
    await new Promise((r) => setTimeout(r, 50));
    expect(unhandled).to.deep.equal([]);
    await el.stop();
    problems.stop();
  });
});
