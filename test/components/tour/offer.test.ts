import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import '../../../src/define/ehr-guide.js';
import '../../../src/define/ehr-tour.js';
import type { EhrTour } from '../../../src/components/tour/tour.js';
import type { EhrGuide } from '../../../src/components/guide/guide.js';
import { memoryStorage } from '../../../src/core/progress/storage.js';
import { until } from '../../helpers.js';

// Pushed tours: the engine may offer a tour — never start it — on a first visit to a screen or after an EHR
// upgrade, under the same fatigue guard as tips.

const pack = {
  format: 'ehr-guide-pack/1',
  id: 'offers',
  version: '1.0.0',
  title: 'Offers',
  locale: 'en',
  items: [
    { kind: 'tour', id: 'tour.orders-intro', version: '1.0.0', title: 'The order screen', reviewBy: '2027-06-30', body: 'x', when: { workflow: ['order-select'], firstVisit: true }, steps: [{ selector: '#med', title: 'Medication', body: 'Here.' }] },
    { kind: 'tour', id: 'tour.whats-new', version: '1.0.0', title: "What's new in 2026.2", reviewBy: '2027-06-30', body: 'x', tags: ["what's new"], when: { ehrVersion: '2026.2' }, steps: [{ selector: '#med', title: 'New', body: 'New here.' }] },
  ],
};

const offer = (tour: EhrTour) => tour.shadowRoot!.querySelector<HTMLElement>('[part="offer"]');

async function load(container: HTMLElement, storage: ReturnType<typeof memoryStorage>, attrs: { workflow?: string; ehrVersion?: string; budget?: number } = {}) {
  render(html``, container);
  render(
    html`<ehr-guide .storage=${storage} learner-id="learner-2" workflow=${attrs.workflow ?? 'patient-view'} ehr-version=${attrs.ehrVersion ?? ''} .policy=${{ minIntervalMs: 0, sessionBudget: attrs.budget ?? 6 }}>
      <input id="med" />
      <ehr-tour id="intro" item="tour.orders-intro"></ehr-tour>
      <ehr-tour id="new" item="tour.whats-new"></ehr-tour>
    </ehr-guide>`,
    container,
  );
  const guide = container.querySelector('ehr-guide') as EhrGuide;
  guide.engine.addPack(pack);
  await until(() => !!guide.engine.item('tour.whats-new'), 'pack');
  return { guide, intro: container.querySelector('#intro') as EhrTour, whatsNew: container.querySelector('#new') as EhrTour };
}

describe('<ehr-tour> offered by the engine', function () {
  this.timeout(30000);

  it('offers a tour on the first visit to its screen, starts it only when asked, and not in a later session', async () => {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const storage = memoryStorage();
    sessionStorage.removeItem('ehr-guide:session');
    let { guide, intro } = await load(container, storage, { workflow: 'order-select' });
    await until(() => !!offer(intro)?.matches(':popover-open'), 'offered');
    expect(intro.open).to.equal(false); // offered, not started
    expect(offer(intro)!.textContent).to.include('Tour: The order screen');
    await expect(intro).to.be.accessible();
    await until(() => guide.engine.progress.state.session.unsolicited === 1, 'the offer counts against the session budget');
    intro.shadowRoot!.querySelector<HTMLButtonElement>('[part="offer-start"]')!.click();
    await until(() => intro.open && !offer(intro), 'started from the offer');
    await intro.stop();
    await guide.engine.progress.flush();
    // Another session on the same screen: no longer a first visit.
    sessionStorage.removeItem('ehr-guide:session');
    ({ guide, intro } = await load(container, storage, { workflow: 'order-select' }));
    await until(() => guide.engine.decision('tour.orders-intro')?.reason === 'not-first-visit', 'not a first visit', 5000);
    expect(offer(intro)).to.equal(null);
  });

  it("offers a What's new tour from the EHR version it names; Don't offer again is kept", async () => {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const storage = memoryStorage();
    sessionStorage.removeItem('ehr-guide:session');
    let { guide, whatsNew } = await load(container, storage, { ehrVersion: '2026.1' });
    await until(() => guide.engine.decision('tour.whats-new')?.reason === 'ehr-version', 'an older EHR: not yet', 5000);
    expect(guide.engine.decision('tour.whats-new')!.detail).to.equal('applies from EHR version 2026.2; the EHR is at 2026.1');
    guide.ehrVersion = '2026.10'; // numeric order: 2026.10 is after 2026.2
    await until(() => !!offer(whatsNew)?.matches(':popover-open'), 'offered after the upgrade', 5000);
    whatsNew.shadowRoot!.querySelector<HTMLButtonElement>('[part="offer-never"]')!.click();
    await until(() => !offer(whatsNew), 'gone');
    await guide.engine.progress.flush();
    sessionStorage.removeItem('ehr-guide:session');
    ({ guide, whatsNew } = await load(container, storage, { ehrVersion: '2026.10' }));
    await until(() => guide.engine.decision('tour.whats-new')?.reason === 'dismissed', 'never again', 5000);
    expect(offer(whatsNew)).to.equal(null);
  });

  it('stays under the fatigue guard: no budget, no offer', async () => {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    sessionStorage.removeItem('ehr-guide:session');
    const { guide, intro } = await load(container, memoryStorage(), { workflow: 'order-select', budget: 0 });
    await until(() => guide.engine.decision('tour.orders-intro')?.reason === 'session-budget', 'budget spent', 5000);
    expect(offer(intro)).to.equal(null);
  });
});
