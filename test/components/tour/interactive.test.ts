import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../../src/define/ehr-guide.js';
import '../../../src/define/ehr-tour.js';
import type { EhrTour } from '../../../src/components/tour/tour.js';
import type { EhrGuide } from '../../../src/components/guide/guide.js';
import { memoryStorage } from '../../../src/core/progress/storage.js';
import { recordEvents, until } from '../../helpers.js';

// Interactive steps: the tour waits for the clinician's own action on the real control — real clicks and key
// presses here, through the browser's input pipeline — checks it, and never acts on the control itself.

const part = (tour: EhrTour, name: string) => tour.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
const title = (tour: EhrTour) => part(tour, 'heading')?.textContent;
const showing = (tour: EhrTour) => !!part(tour, 'panel')?.matches(':popover-open');

async function click(el: Element): Promise<void> {
  const r = el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

const interactiveTour = {
  kind: 'tour',
  id: 'tour.interactive',
  version: '1.0.0',
  title: 'Write an order',
  reviewBy: '2027-06-30',
  body: 'Learn by doing.',
  steps: [
    { selector: '#open-orders', title: 'Open orders', body: 'Click **Orders**.', action: { on: 'click', hintAfterSeconds: 1, hint: 'The Orders button is at the top.' } },
    { selector: '#med', title: 'Medication', body: 'Type the medication.', action: { on: 'input', matches: '^\\S{4,}' } },
    { selector: '#freq', title: 'Frequency', body: 'Choose a frequency.', action: { on: 'select' }, check: { value: '^(BID|TID)$', fix: 'pick twice or three times daily for this order.' } },
    { selector: '#sign', title: 'Sign', body: 'Press Next to finish.' },
  ],
};

async function orderScreen(tour: unknown = interactiveTour) {
  return fixture<HTMLElement>(html`<div style="padding:40px">
    <button id="open-orders">Orders</button>
    <label>Medication <input id="med" autocomplete="off" /></label>
    <label>Frequency <select id="freq"><option value="">Choose</option><option value="QD">Once daily</option><option value="BID">Twice daily</option><option value="TID">Three times daily</option></select></label>
    <button id="sign">Sign order</button>
    <ehr-tour .tour=${tour} target-timeout="800"></ehr-tour>
  </div>`);
}

describe('<ehr-tour> interactive steps', function () {
  this.timeout(30000);

  it('advances on real clicks, typing and a choice, shows a hint and a fix, and never acts on the controls', async () => {
    const page = await orderScreen();
    const tour = page.querySelector('ehr-tour') as EhrTour;
    const events = recordEvents(['ehr-tour-action', 'ehr-tour-end', 'ehr-problem']);
    // Every event on the EHR's controls during the tour: none may be synthetic (the tour never clicks or types).
    const untrusted: string[] = [];
    for (const el of page.querySelectorAll('button, input, select')) for (const type of ['click', 'input', 'change', 'focus']) el.addEventListener(type, (e) => !e.isTrusted && untrusted.push(`${type} on #${el.id}`), true);
    await tour.start({ focus: false });
    await until(() => showing(tour) && title(tour) === 'Open orders', 'step 1');
    expect(part(tour, 'next-button')).to.equal(null); // an interactive step has no Next…
    expect(part(tour, 'skip-button')!.textContent!.trim()).to.equal('Skip this step'); // …but a way out
    expect(part(tour, 'waiting')!.textContent).to.include('Your turn');
    await until(() => !!part(tour, 'hint'), 'hint after a second', 3000);
    expect(part(tour, 'hint')!.textContent).to.equal('The Orders button is at the top.');
    await click(page.querySelector('#open-orders')!);
    await until(() => title(tour) === 'Medication', 'a real click moves it on');
    await click(page.querySelector('#med')!);
    await sendKeys({ type: 'amo' });
    await new Promise((r) => setTimeout(r, 1000));
    expect(title(tour)).to.equal('Medication'); // three letters do not match ^\S{4,}
    await sendKeys({ type: 'xicillin' });
    await until(() => title(tour) === 'Frequency', 'typing that matches moves it on (once the typing pauses)');
    (page.querySelector('#freq') as HTMLSelectElement).focus();
    await sendKeys({ press: 'ArrowDown' }); // "Once daily": chosen, but the check wants BID or TID
    await until(() => !!part(tour, 'fix'), 'the check says what to fix');
    expect(part(tour, 'fix')!.textContent).to.equal('Not quite: pick twice or three times daily for this order.');
    expect(title(tour)).to.equal('Frequency');
    await sendKeys({ press: 'ArrowDown' }); // "Twice daily"
    await until(() => title(tour) === 'Sign', 'a right choice moves it on');
    expect(part(tour, 'next-button')!.textContent!.trim()).to.equal('Done');
    part(tour, 'next-button')!.click();
    await until(() => !tour.open, 'done');
    const outcomes = events.events.filter((e) => e.type === 'ehr-tour-action').map((e) => `${e.detail.index}:${e.detail.outcome}`);
    expect(outcomes).to.deep.equal(['0:done', '1:done', '2:fix-needed', '2:done']);
    expect(events.events.find((e) => e.type === 'ehr-tour-end')!.detail).to.deep.equal({ tourId: 'tour.interactive', completed: true, reason: 'done' });
    expect(events.events.filter((e) => e.type === 'ehr-problem')).to.have.length(0);
    expect(untrusted).to.deep.equal([]);
    events.stop();
  });

  it('from the keyboard: Shift+Tab from the step reaches its control, where Enter does the action', async () => {
    const page = await orderScreen();
    const tour = page.querySelector('ehr-tour') as EhrTour;
    page.querySelector<HTMLButtonElement>('#sign')!.focus();
    await tour.start();
    await until(() => tour.shadowRoot!.activeElement === part(tour, 'skip-button'), 'focus in the step');
    const shiftTab = async () => {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
    };
    await shiftTab();
    await until(() => tour.shadowRoot!.activeElement === part(tour, 'close-button'), 'the close button first');
    await shiftTab();
    await until(() => document.activeElement === page.querySelector('#open-orders'), 'then the step’s own control');
    await sendKeys({ press: 'Enter' });
    await until(() => title(tour) === 'Medication', 'Enter on the control is the click the step waits for');
    await tour.stop();
  });

  it('Skip is a way out of an interactive step; Escape ends the tour', async () => {
    const page = await orderScreen();
    const tour = page.querySelector('ehr-tour') as EhrTour;
    const actions = recordEvents(['ehr-tour-action']);
    await tour.start();
    await until(() => title(tour) === 'Open orders', 'step 1');
    await until(() => tour.shadowRoot!.activeElement === part(tour, 'skip-button'), 'focus on Skip when the clinician started it');
    await sendKeys({ press: 'Enter' });
    await until(() => title(tour) === 'Medication', 'skipped');
    expect(actions.events[0].detail).to.deep.equal({ tourId: 'tour.interactive', index: 0, outcome: 'skipped' });
    await sendKeys({ press: 'Escape' });
    await until(() => !tour.open, 'closed');
    actions.stop();
  });

  it('inside <ehr-guide>: a host event and a FHIRPath check over the live context, and a check that cannot be evaluated', async () => {
    const tour = {
      ...interactiveTour,
      id: 'tour.sign',
      steps: [
        { selector: '#sign', title: 'Sign it', body: 'Sign the order.', action: { on: 'event', name: 'ehr-order-signed' }, check: { condition: "%MedicationRequest.where(status = 'draft').dosageInstruction.timing.exists()", fix: 'the order needs a frequency.' } },
        { selector: '#med', title: 'Broken check', body: 'Its check does not compile.', check: { condition: "%MedicationRequest.where(", fix: 'never shown' } },
        { selector: '#freq', title: 'Last', body: 'Done.' },
      ],
    };
    const page = await fixture<HTMLElement>(html`<ehr-guide .storage=${memoryStorage()} workflow="order-select">
      <input id="med" /><select id="freq"><option>Daily</option></select><button id="sign">Sign</button>
      <ehr-tour .tour=${tour}></ehr-tour>
    </ehr-guide>`);
    const guide = page as EhrGuide;
    const el = page.querySelector('ehr-tour') as EhrTour;
    const events = recordEvents(['ehr-tour-action', 'ehr-problem']);
    await el.start({ focus: false });
    await until(() => showing(el) && title(el) === 'Sign it', 'step 1');
    const draft = (timing?: object) => ({ resourceType: 'MedicationRequest', id: 'draft-1', status: 'draft', intent: 'order', subject: { reference: 'Patient/p1' }, dosageInstruction: [timing ? { timing } : { text: 'as directed' }] });
    guide.setContext({ resources: { MedicationRequest: [draft()] } });
    document.querySelector('#sign')!.dispatchEvent(new CustomEvent('ehr-order-signed', { bubbles: true }));
    await until(() => !!part(el, 'fix'), 'no frequency: fix shown', 5000);
    expect(part(el, 'fix')!.textContent).to.equal('Not quite: the order needs a frequency.');
    guide.setContext({ resources: { MedicationRequest: [draft({ repeat: { frequency: 2, period: 1, periodUnit: 'd' } })] } });
    document.dispatchEvent(new CustomEvent('ehr-order-signed'));
    await until(() => title(el) === 'Broken check', 'a right order moves it on', 5000);
    part(el, 'next-button')!.click();
    await until(() => events.events.some((e) => e.type === 'ehr-problem'), 'the broken check is reported', 5000);
    const problem = events.events.find((e) => e.type === 'ehr-problem')!.detail;
    expect(problem.code).to.equal('step-condition-invalid');
    expect(problem.path).to.equal('steps[1]');
    expect(problem.message).to.match(/^step 2: the check .* cannot be evaluated: .*; the step goes on with Next$/);
    expect(title(el)).to.equal('Broken check');
    part(el, 'next-button')!.click(); // the check is dropped: Next goes on
    await until(() => title(el) === 'Last', 'Next goes on past a check that cannot run');
    await el.stop();
    events.stop();
  });

  it('a workflow action moves on when the host reports the workflow point', async () => {
    const tour = { ...interactiveTour, id: 'tour.wf', steps: [{ selector: '#sign', title: 'Sign', body: 'Sign it.', action: { on: 'workflow', workflow: 'order-sign' } }, { selector: '#med', title: 'After', body: 'Signed.' }] };
    const guide = await fixture<EhrGuide>(html`<ehr-guide .storage=${memoryStorage()} workflow="order-select"><input id="med" /><button id="sign">Sign</button><ehr-tour .tour=${tour}></ehr-tour></ehr-guide>`);
    const el = guide.querySelector('ehr-tour') as EhrTour;
    await el.start({ focus: false });
    await until(() => title(el) === 'Sign', 'step 1');
    guide.workflow = 'order-sign';
    await until(() => title(el) === 'After', 'the workflow point moved it on', 5000);
    await el.stop();
  });
});
