import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/ehr-guide.js';
import '../../../src/define/ehr-tour.js';
import type { EhrTour } from '../../../src/components/tour/tour.js';
import type { EhrGuide } from '../../../src/components/guide/guide.js';
import { memoryStorage } from '../../../src/core/progress/storage.js';
import { recordEvents, until } from '../../helpers.js';

const tourData = {
  kind: 'tour',
  id: 'tour.test',
  version: '1.0.0',
  title: 'Test tour',
  reviewBy: '2027-06-30',
  body: 'A test tour.',
  steps: [
    { selector: '#med', title: 'Medication', body: 'Search by **generic** name.' },
    { selector: '#freq', title: 'Frequency', body: 'How often.' },
    { selector: '#not-on-this-page', title: 'Gone', body: 'Never shown.' },
    { selector: '#sign', title: 'Sign', body: 'Signing sends it.' },
  ],
};

const panel = (tour: EhrTour) => tour.shadowRoot!.querySelector<HTMLElement>('[part="panel"]')!;
const visible = (tour: EhrTour) => panel(tour).matches(':popover-open');
const title = (tour: EhrTour) => tour.shadowRoot!.querySelector('[part="heading"]')?.textContent;

async function screen() {
  return fixture<HTMLElement>(html`<div style="padding:40px">
    <button id="start">Take the tour</button>
    <label>Medication <input id="med" /></label>
    <label>Frequency <select id="freq"><option>Daily</option></select></label>
    <button id="sign">Sign order</button>
    <ehr-tour .tour=${tourData} target-timeout="800"></ehr-tour>
  </div>`);
}

describe('<ehr-tour>', function () {
  this.timeout(20000);

  it('walks the steps beside their controls, skips a missing one, goes back, and ends on Escape with focus returned', async () => {
    const page = await screen();
    const tour = page.querySelector('ehr-tour') as EhrTour;
    const events = recordEvents(['ehr-tour-start', 'ehr-tour-step', 'ehr-tour-end', 'ehr-problem']);
    const start = page.querySelector<HTMLButtonElement>('#start')!;
    start.focus();
    await tour.start();
    await until(() => visible(tour), 'first step shown');
    expect(title(tour)).to.equal('Medication');
    await until(() => !!tour.shadowRoot!.querySelector('[part="body"] strong'), 'markdown body');
    expect(tour.shadowRoot!.querySelector('[part="progress"]')!.textContent).to.include('Step 1 of 4');
    await until(() => tour.shadowRoot!.activeElement?.getAttribute('part') === 'next-button', 'focus on Next');
    const box = panel(tour).getBoundingClientRect();
    const med = page.querySelector('#med')!.getBoundingClientRect();
    expect(box.top).to.be.greaterThan(med.bottom); // below its control
    await expect(tour).to.be.accessible();
    await sendKeys({ press: 'Enter' }); // Next
    await until(() => title(tour) === 'Frequency', 'second step');
    tour.next();
    // Step 3's control is not on the page: reported and skipped after the target timeout (800 ms here).
    await until(() => title(tour) === 'Sign', 'missing step skipped', 5000);
    expect(events.events.find((e) => e.type === 'ehr-problem')!.detail).to.deep.equal({ element: 'ehr-tour', code: 'anchor-not-found', message: 'step 3 ("#not-on-this-page") is not on this page; skipped', itemId: 'tour.test', path: 'steps[2].selector' });
    expect(tour.shadowRoot!.querySelector('[part="next-button"]')!.textContent!.trim()).to.equal('Done');
    tour.back();
    await until(() => title(tour) === 'Frequency', 'back skips the missing step');
    await sendKeys({ press: 'Escape' });
    await until(() => !tour.open, 'closed');
    expect(visible(tour)).to.equal(false);
    expect(document.activeElement).to.equal(start);
    expect(events.events.at(-1)!.detail).to.deep.equal({ tourId: 'tour.test', completed: false, reason: 'escape' });
    expect(events.events[0].type).to.equal('ehr-tour-start');
    events.stop();
  });

  it('waits for a control a single-page EHR renders late', async () => {
    const page = await screen();
    const tour = page.querySelector('ehr-tour') as EhrTour;
    tour.targetTimeout = 3000;
    await tour.start({ focus: false });
    await until(() => title(tour) === 'Medication', 'first step');
    tour.next();
    tour.next();
    await until(() => title(tour) === 'Gone', 'the step whose control is missing waits');
    await new Promise((r) => setTimeout(r, 300));
    expect(visible(tour)).to.equal(false); // nothing floats in mid-air while it waits
    const late = document.createElement('button');
    late.id = 'not-on-this-page';
    late.textContent = 'Rendered late';
    page.append(late);
    await until(() => visible(tour) && title(tour) === 'Gone', 'shown once its control appears');
    tour.stop();
  });

  it('completes a pack tour inside <ehr-guide> and records it in progress and at the LRS', async () => {
    await fetch('/__test/sunk/lrs-tour', { method: 'DELETE' });
    const page = await fixture<HTMLElement>(html`<div>
      <ehr-guide packs="/packs/ehr-skills.json" .storage=${memoryStorage()} lrs-endpoint="/__test/sink/lrs-tour/xapi/">
        <input id="order-med" /><select id="order-freq"><option>Daily</option></select><button id="sign-order">Sign order</button>
        <ehr-tour item="tour.order-entry"></ehr-tour>
      </ehr-guide>
    </div>`);
    const guide = page.querySelector('ehr-guide') as EhrGuide;
    await guide.packsLoaded;
    const tour = page.querySelector('ehr-tour') as EhrTour;
    const ends = recordEvents(['ehr-tour-end']);
    await until(() => guide.engine.item('tour.order-entry') !== undefined, 'pack');
    await tour.start();
    for (const expected of ['Medication', 'Frequency', 'Sign']) {
      await until(() => visible(tour) && title(tour) === expected, expected);
      tour.shadowRoot!.querySelector<HTMLButtonElement>('[part="next-button"]')!.click();
    }
    await until(() => !tour.open, 'done');
    expect(ends.events[0].detail).to.deep.equal({ tourId: 'tour.order-entry', completed: true, reason: 'done' });
    await until(() => typeof guide.engine.progress.state.items['tour.order-entry@1']?.completed === 'number', 'completion kept in progress');
    type Sent = { verb: { id: string }; object: { id: string } };
    const tourRecord = (list: Array<{ body: Sent[] }>) => list.flatMap((r) => r.body).find((s) => s.object.id === 'https://ehr-guide.dev/xapi/activities/tours/tour.order-entry');
    let received: Array<{ body: Sent[] }> = [];
    for (let i = 0; i < 100 && !tourRecord(received); i++) {
      received = await (await fetch('/__test/sunk/lrs-tour')).json();
      if (!tourRecord(received)) await new Promise((r) => setTimeout(r, 50));
    }
    // The tour's own record (the pack's onboarding checklist lists this tour, so its progress is recorded too).
    expect(tourRecord(received)!.verb.id).to.equal('http://adlnet.gov/expapi/verbs/completed');
    ends.stop();
  });

  it('reports a tour item that is in no loaded pack, or is not a tour, once the packs have settled', async () => {
    const problems = recordEvents(['ehr-problem']);
    const page = await fixture<HTMLElement>(html`<div>
      <ehr-guide packs="/packs/ehr-skills.json" .storage=${memoryStorage()}>
        <input id="order-med" /><select id="order-freq"><option>Daily</option></select><button id="sign-order">Sign order</button>
        <ehr-tour item="tour.nowhere"></ehr-tour>
      </ehr-guide>
    </div>`);
    const guide = page.querySelector('ehr-guide') as EhrGuide;
    await guide.packsLoaded;
    const mine = () => problems.events.filter((e) => e.detail.element === 'ehr-tour');
    await until(() => mine().length > 0, 'reported');
    expect(mine()[0].detail).to.deep.include({ code: 'item-not-found', itemId: 'tour.nowhere' });
    expect(mine()[0].detail.message).to.equal('<ehr-tour item>: no tour "tour.nowhere" is in the loaded packs');
    const tour = page.querySelector('ehr-tour') as EhrTour;
    const tip = guide.engine.items.find((item) => item.kind === 'tip')!;
    tour.item = tip.id;
    await until(() => mine().length > 1, 'the wrong kind reported');
    expect(mine()[1].detail).to.deep.include({ code: 'item-wrong-kind', itemId: tip.id });
    await tour.start({ focus: false });
    expect(visible(tour)).to.equal(false); // nothing to walk
    tour.item = 'tour.order-entry';
    await tour.start({ focus: false });
    await until(() => visible(tour) && title(tour) === 'Medication', 'the pack tour, once the item names one');
    await tour.stop();
    problems.stop();
  });

  it('reports an invalid tour with its path', async () => {
    const errors = recordEvents(['ehr-problem']);
    await fixture<EhrTour>(html`<ehr-tour .tour=${{ ...tourData, steps: [] }}></ehr-tour>`);
    await until(() => errors.events.length > 0, 'validation (loaded on demand) reports');
    expect(errors.events[0].detail.code).to.equal('item-invalid');
    expect(errors.events[0].detail.message).to.match(/^the tour is invalid at tour\.steps: /);
    errors.stop();
  });
});
