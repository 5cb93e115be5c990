import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { render } from 'lit';
import '../../../src/define/ehr-guide.js';
import '../../../src/define/ehr-tour.js';
import type { EhrTour } from '../../../src/components/tour/tour.js';
import type { EhrGuide } from '../../../src/components/guide/guide.js';
import { memoryStorage } from '../../../src/core/progress/storage.js';
import { emulateForcedColors, recordEvents, until } from '../../helpers.js';

const part = (tour: EhrTour, name: string) => tour.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
const title = (tour: EhrTour) => part(tour, 'heading')?.textContent;
const showing = (tour: EhrTour, name = 'panel') => !!part(tour, name)?.matches(':popover-open');

const pack = (tour: object) => ({ format: 'ehr-guide-pack/1', id: 'screens-pack', version: '1.0.0', title: 'Screens', locale: 'en', items: [tour] });
const crossScreens = {
  kind: 'tour',
  id: 'tour.first-order',
  version: '1.0.0',
  title: 'Your first order',
  reviewBy: '2027-06-30',
  body: 'From the chart to a signed order.',
  unsolicited: false,
  steps: [
    { selector: '#tab-orders', title: 'Open Orders', body: 'Orders are one tab away.', screen: 'patient-view' },
    { selector: '#med', title: 'Medication', body: 'Type it here.', screen: 'order-select' },
    { selector: '#sign', title: 'Sign', body: 'Then sign.', screen: 'order-select' },
  ],
};

/** One "page load": a guide over the given storage, on a screen, with the tour element. */
async function load(container: HTMLElement, storage: ReturnType<typeof memoryStorage>, workflow: string, tour: object = crossScreens) {
  render(html``, container);
  render(
    html`<ehr-guide .storage=${storage} learner-id="learner-1" workflow=${workflow}>
      <button id="tab-orders">Orders</button><input id="med" /><button id="sign">Sign</button>
      <ehr-tour item=${(tour as { id: string }).id} pause-timeout="60"></ehr-tour>
    </ehr-guide>`,
    container,
  );
  const guide = container.querySelector('ehr-guide') as EhrGuide;
  guide.engine.addPack(pack(tour));
  return { guide, tour: container.querySelector('ehr-tour') as EhrTour };
}

describe('<ehr-tour> across screens', function () {
  this.timeout(30000);

  it('pauses when the host navigates away, resumes on the right screen, and survives a reload', async () => {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const storage = memoryStorage();
    const events = recordEvents(['ehr-tour-start', 'ehr-tour-pause', 'ehr-tour-step', 'ehr-tour-end']);
    let { guide, tour } = await load(container, storage, 'patient-view');
    await until(() => !!guide.engine.item('tour.first-order'), 'pack');
    await tour.start({ focus: false });
    await until(() => showing(tour) && title(tour) === 'Open Orders', 'step 1 on the chart');
    await tour.next(); // step 2 is on order-select: the tour waits
    await until(() => showing(tour, 'paused'), 'paused card');
    expect(showing(tour)).to.equal(false);
    expect(part(tour, 'paused')!.textContent).to.include('order-select'); // no screenName: the id
    expect(events.events.find((e) => e.type === 'ehr-tour-pause')!.detail).to.deep.equal({ tourId: 'tour.first-order', index: 1, screen: 'order-select' });
    guide.workflow = 'order-select'; // the host navigated
    await until(() => showing(tour) && title(tour) === 'Medication', 'resumed on its screen', 5000);
    await guide.engine.progress.flush();
    // Reload: a new guide and tour over the same storage, on the order screen; the tour goes on by itself.
    ({ guide, tour } = await load(container, storage, 'order-select'));
    await until(() => tour.open && showing(tour) && title(tour) === 'Medication', 'resumed after the reload', 5000);
    const resumed = events.events.filter((e) => e.type === 'ehr-tour-start').at(-1)!.detail;
    expect(resumed).to.deep.equal({ tourId: 'tour.first-order', resumed: true, index: 1 });
    await tour.next();
    await until(() => title(tour) === 'Sign', 'step 3');
    await tour.next();
    await until(() => !tour.open, 'done');
    expect(events.events.filter((e) => e.type === 'ehr-tour-end').at(-1)!.detail).to.deep.equal({ tourId: 'tour.first-order', completed: true, reason: 'done' });
    await until(() => guide.engine.itemProgress('tour.first-order')?.completed !== undefined, 'completed in progress');
    expect(guide.engine.tourPosition('tour.first-order')).to.equal(undefined); // nothing left to resume
    // A third load resumes nothing.
    ({ guide, tour } = await load(container, storage, 'order-select'));
    await new Promise((r) => setTimeout(r, 300));
    expect(tour.open).to.equal(false);
    events.stop();
  });

  it('ends with screen-not-reached when the host never reports the step’s screen', async () => {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const { guide, tour } = await load(container, memoryStorage(), 'patient-view');
    tour.pauseTimeout = 0.5;
    const events = recordEvents(['ehr-tour-end', 'ehr-problem']);
    await until(() => !!guide.engine.item('tour.first-order'), 'pack');
    await tour.start({ focus: false });
    await until(() => title(tour) === 'Open Orders', 'step 1');
    await tour.next();
    await until(() => !tour.open, 'ended', 3000);
    expect(events.events.find((e) => e.type === 'ehr-tour-end')!.detail).to.deep.equal({ tourId: 'tour.first-order', completed: false, reason: 'screen-not-reached' });
    const problem = events.events.find((e) => e.type === 'ehr-problem')!.detail;
    expect([problem.code, problem.path]).to.deep.equal(['step-unreachable', 'steps[1].screen']);
    expect(problem.message).to.include('"order-select"');
    expect(guide.engine.tourPosition('tour.first-order')).to.equal(undefined);
    events.stop();
  });

  it('an old saved tour ends as expired instead of resuming', async () => {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const storage = memoryStorage();
    const first = await load(container, storage, 'order-select');
    await until(() => !!first.guide.engine.item('tour.first-order'), 'pack');
    await first.guide.engine.saveTourPosition('tour.first-order', { index: 1, skipped: [], startedAt: Date.now() - 86_400_000, savedAt: Date.now() - 86_400_000 });
    await first.guide.engine.progress.flush();
    const events = recordEvents(['ehr-tour-end']);
    const { tour } = await load(container, storage, 'order-select');
    await until(() => events.events.length > 0, 'expired');
    expect(events.events[0].detail).to.deep.equal({ tourId: 'tour.first-order', completed: false, reason: 'expired' });
    expect(tour.open).to.equal(false);
    events.stop();
  });
});

describe('<ehr-tour> spotlight', function () {
  this.timeout(30000);
  const spotTour = (selector: string) => ({ kind: 'tour', id: 'tour.spot', version: '1.0.0', title: 'Spot', reviewBy: '2027-06-30', body: 'x', spotlight: true, steps: [{ selector, title: 'Here', body: 'This one.' }] });

  async function check(page: HTMLElement, selector: string) {
    const tour = page.querySelector('ehr-tour') as EhrTour;
    const target = page.querySelector<HTMLButtonElement>(selector)!;
    let clicks = 0;
    target.addEventListener('click', () => clicks++);
    await tour.start({ focus: false });
    await until(() => showing(tour) && showing(tour, 'spotlight'), 'step and spotlight');
    const hole = part(tour, 'hole')!;
    await until(() => {
      const h = hole.getBoundingClientRect();
      const t = target.getBoundingClientRect();
      return Math.abs(h.left - (t.left - 6)) < 2 && Math.abs(h.top - (t.top - 6)) < 2 && Math.abs(h.width - (t.width + 12)) < 2 && Math.abs(h.height - (t.height + 12)) < 2;
    }, 'the cut-out frames the control');
    // The panel sits above the spotlight in the top layer; the control under the cut-out stays usable.
    const t = target.getBoundingClientRect();
    expect(document.elementFromPoint(t.left + t.width / 2, t.top + t.height / 2)).to.equal(target);
    await sendMouse({ type: 'click', position: [Math.round(t.left + t.width / 2), Math.round(t.top + t.height / 2)] });
    await until(() => clicks === 1, 'a real click reaches the control');
    const p = part(tour, 'panel')!.getBoundingClientRect();
    expect(tour.shadowRoot!.elementFromPoint(p.left + 10, p.top + 10)?.closest('[part="panel"]')).to.equal(part(tour, 'panel'));
    return tour;
  }

  it('is off unless asked for', async () => {
    const tour = { ...spotTour('#a'), spotlight: undefined };
    const page = await fixture<HTMLElement>(html`<div><button id="a">A</button><ehr-tour .tour=${tour}></ehr-tour></div>`);
    const el = page.querySelector('ehr-tour') as EhrTour;
    await el.start({ focus: false });
    await until(() => showing(el), 'step');
    expect(showing(el, 'spotlight')).to.equal(false);
    await el.stop();
  });

  it('frames a control inside a transformed ancestor and keeps it clickable', async () => {
    const page = await fixture<HTMLElement>(html`<div style="padding:60px"><div style="transform: translate(40px, 30px) scale(1.2); transform-origin: 0 0"><button id="t">Transformed</button></div><ehr-tour .tour=${spotTour('#t')}></ehr-tour></div>`);
    const tour = await check(page, '#t');
    await tour.stop();
    expect(showing(tour, 'spotlight')).to.equal(false);
  });

  it('frames a control inside a modal <dialog> (top layer) and keeps it clickable', async () => {
    const page = await fixture<HTMLElement>(html`<div><dialog id="d"><p>Order details</p><button id="in-dialog">Confirm</button><ehr-tour .tour=${spotTour('#in-dialog')}></ehr-tour></dialog></div>`);
    page.querySelector<HTMLDialogElement>('#d')!.showModal();
    const tour = await check(page, '#in-dialog');
    await tour.stop();
    page.querySelector<HTMLDialogElement>('#d')!.close();
  });

  it('frames a control inside a fixed ancestor and inside a popover (top layer), and keeps it clickable', async () => {
    const fixedPage = await fixture<HTMLElement>(html`<div><div style="position:fixed;right:40px;bottom:40px"><button id="fx">Fixed</button></div><ehr-tour .tour=${spotTour('#fx')}></ehr-tour></div>`);
    await (await check(fixedPage, '#fx')).stop();
    const popoverPage = await fixture<HTMLElement>(html`<div><div id="pop" popover="manual" style="margin:80px"><button id="in-pop">In a popover</button><ehr-tour .tour=${spotTour('#in-pop')}></ehr-tour></div></div>`);
    popoverPage.querySelector<HTMLElement>('#pop')!.showPopover();
    await (await check(popoverPage, '#in-pop')).stop();
    popoverPage.querySelector<HTMLElement>('#pop')!.hidePopover();
  });

  it('moves its cut-out without animation when the EHR asks for reduced motion', async () => {
    const page = await fixture<HTMLElement>(html`<div><button id="m1">M</button><ehr-tour id="moving" .tour=${spotTour('#m1')}></ehr-tour><div style="--ehr-motion: reduce"><ehr-tour id="still" .tour=${spotTour('#m1')}></ehr-tour></div></div>`);
    const transition = async (id: string) => {
      const tour = page.querySelector<EhrTour>(`#${id}`)!;
      await tour.start({ focus: false });
      await until(() => showing(tour, 'spotlight'), `${id}: spotlight`);
      const duration = getComputedStyle(part(tour, 'hole')!).transitionDuration;
      await tour.stop();
      return duration;
    };
    expect(await transition('moving')).to.not.equal('0s');
    expect((await transition('still')).split(',').every((d) => d.trim() === '0s')).to.equal(true);
  });

  it('uses a system-colour frame instead of dimming in forced colours', async () => {
    const page = await fixture<HTMLElement>(html`<div><button id="f">F</button><ehr-tour .tour=${spotTour('#f')}></ehr-tour></div>`);
    const tour = page.querySelector('ehr-tour') as EhrTour;
    await emulateForcedColors(true);
    try {
      await tour.start({ focus: false });
      await until(() => showing(tour, 'spotlight'), 'spotlight');
      const style = getComputedStyle(part(tour, 'hole')!);
      expect(style.boxShadow).to.equal('none');
      expect(style.outlineStyle).to.equal('solid');
      expect(style.outlineWidth).to.equal('3px');
    } finally {
      await emulateForcedColors(false);
      await tour.stop();
    }
  });
});
