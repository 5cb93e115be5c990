import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import '../../../src/define/ehr-guide.js';
import '../../../src/define/ehr-checklist.js';
import '../../../src/define/ehr-help-panel.js';
import type { EhrGuide } from '../../../src/components/guide/guide.js';
import type { EhrChecklist } from '../../../src/components/checklist/checklist.js';
import { memoryStorage } from '../../../src/core/progress/storage.js';
import { recordEvents, until } from '../../helpers.js';

const pack = {
  format: 'ehr-guide-pack/1',
  id: 'onboarding',
  version: '1.0.0',
  title: 'Onboarding',
  locale: 'en',
  items: [
    { kind: 'tour', id: 'tour.chart', version: '1.0.0', title: 'The chart', reviewBy: '2027-06-30', body: 'x', unsolicited: false, steps: [{ selector: '#chart', title: 'Chart', body: 'The chart.' }] },
    {
      kind: 'lesson',
      id: 'lesson.orders',
      version: '1.0.0',
      title: 'Safe orders',
      reviewBy: '2027-06-30',
      body: 'Check the dose.',
      passMark: 1,
      questions: [{ id: 'q1', prompt: 'Check the dose?', type: 'single', options: [{ id: 'yes', text: 'Yes', correct: true }, { id: 'no', text: 'No' }] }],
    },
    {
      kind: 'checklist',
      id: 'checklist.resident',
      version: '1.0.0',
      title: 'New resident: first week',
      reviewBy: '2027-06-30',
      audience: { roles: ['resident'] },
      body: 'Your first week.',
      entries: [
        { id: 'chart-tour', item: 'tour.chart' },
        { id: 'orders-lesson', item: 'lesson.orders' },
        { id: 'open-orders', title: 'Open the order screen', doneWhen: { workflow: 'order-select' } },
        { id: 'sign-note', title: 'Sign a note', doneWhen: { event: 'ehr-note-signed' } },
        { id: 'meet-pharmacy', title: 'Meet the ward pharmacist' },
      ],
    },
  ],
};

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
const entry = (list: EhrChecklist, id: string) => list.shadowRoot!.querySelector<HTMLElement>(`li[data-entry="${id}"]`)!;
const progressText = (list: EhrChecklist) => part(list, 'progress-text')?.textContent;

async function session(container: HTMLElement, storage: ReturnType<typeof memoryStorage>, lrs: string) {
  render(html``, container);
  sessionStorage.removeItem('ehr-guide:session'); // a new session, as on another day
  render(
    html`<ehr-guide .storage=${storage} learner-id="resident-7" user-role="resident" workflow="patient-view" lrs-endpoint=${lrs}>
      <div id="chart">Chart</div>
      <ehr-checklist item="checklist.resident"></ehr-checklist>
    </ehr-guide>`,
    container,
  );
  const guide = container.querySelector('ehr-guide') as EhrGuide;
  guide.engine.addPack(pack);
  const list = container.querySelector('ehr-checklist') as EhrChecklist;
  await until(() => !!progressText(list), 'the checklist renders');
  return { guide, list };
}

describe('<ehr-checklist>', function () {
  this.timeout(30000);

  it('is completed over two sessions: tour, lesson, reported tasks and a ticked one; progress and xAPI kept', async () => {
    await fetch('/__test/sunk/lrs-checklist', { method: 'DELETE' });
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const storage = memoryStorage();
    const lrs = '/__test/sink/lrs-checklist/xapi/';
    const changes = recordEvents(['ehr-checklist-change']);
    let { guide, list } = await session(container, storage, lrs);
    expect(progressText(list)).to.equal('0 of 5 done');
    await expect(list).to.be.accessible();
    // The tour: started from the list, walked to its end.
    entry(list, 'chart-tour').querySelector<HTMLButtonElement>('[part="entry-button"]')!.click();
    const tour = () => entry(list, 'chart-tour').querySelector('ehr-tour')!;
    await until(() => tour().open && !!tour().shadowRoot!.querySelector('[part="next-button"]'), 'the tour runs');
    tour().shadowRoot!.querySelector<HTMLButtonElement>('[part="next-button"]')!.click();
    await until(() => progressText(list) === '1 of 5 done', 'tour done');
    // A task reported by the host: the order screen reached.
    guide.workflow = 'order-select';
    await until(() => progressText(list) === '2 of 5 done', 'workflow task done');
    await guide.engine.progress.flush();

    // The next session: progress is still there; the rest gets done.
    ({ guide, list } = await session(container, storage, lrs));
    expect(progressText(list)).to.equal('2 of 5 done');
    expect(entry(list, 'chart-tour').classList.contains('done')).to.equal(true);
    expect(entry(list, 'open-orders').classList.contains('done')).to.equal(true);
    entry(list, 'orders-lesson').querySelector<HTMLButtonElement>('[part="entry-button"]')!.click();
    await until(() => !!entry(list, 'orders-lesson').querySelector('ehr-lesson')?.shadowRoot?.querySelector('input'), 'the lesson opens inline');
    const lesson = entry(list, 'orders-lesson').querySelector('ehr-lesson')!;
    lesson.shadowRoot!.querySelector<HTMLInputElement>('input')!.click(); // "Yes", the right answer
    lesson.shadowRoot!.querySelector<HTMLButtonElement>('[part="check-button"]')!.click();
    await until(() => progressText(list) === '3 of 5 done', 'lesson passed');
    document.body.dispatchEvent(new CustomEvent('ehr-note-signed', { bubbles: true }));
    await until(() => progressText(list) === '4 of 5 done', 'event task done');
    entry(list, 'meet-pharmacy').querySelector<HTMLButtonElement>('[part="entry-button"]')!.click();
    await until(() => progressText(list) === '5 of 5 done', 'ticked task done');
    await until(() => !!part(list, 'complete'), 'complete');
    await until(() => guide.engine.itemProgress('checklist.resident')?.completed !== undefined, 'completion in progress');
    expect(changes.events.at(-1)!.detail).to.deep.equal({ checklistId: 'checklist.resident', done: 5, count: 5, complete: true, entryId: 'meet-pharmacy' });
    await expect(list).to.be.accessible();

    // The LRS got a `progressed` per entry and one `completed` for the list, with the progress in percent.
    type Sent = { body: Array<{ verb: { id: string }; object: { id: string }; result?: { extensions?: Record<string, number> } }> };
    let statements: Sent['body'] = [];
    for (let i = 0; i < 100; i++) {
      const received = (await (await fetch('/__test/sunk/lrs-checklist')).json()) as Sent[];
      statements = received.flatMap((r) => r.body).filter((s) => s.object.id.endsWith('/checklists/checklist.resident'));
      if (statements.length >= 6) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const progress = 'https://w3id.org/xapi/cmi5/result/extensions/progress';
    expect(statements.map((s) => `${s.verb.id.split('/').pop()} ${s.result?.extensions?.[progress]}`)).to.deep.equal(['progressed 20', 'progressed 40', 'progressed 60', 'progressed 80', 'progressed 100', 'completed 100']);
    changes.stop();
  });

  it('is listed in the help panel and opens there', async () => {
    const guide = await fixture<EhrGuide>(html`<ehr-guide .storage=${memoryStorage()} user-role="resident"><ehr-help-panel></ehr-help-panel></ehr-guide>`);
    guide.engine.addPack(pack);
    const panel = guide.querySelector('ehr-help-panel')!;
    const button = () => panel.shadowRoot!.querySelector<HTMLButtonElement>('li[data-item="checklist.resident"] button');
    await until(() => !!button(), 'listed', 5000);
    expect(button()!.textContent).to.include('Checklist');
    button()!.click();
    await until(() => !!panel.shadowRoot!.querySelector('ehr-checklist')?.shadowRoot?.querySelector('[part="progress-text"]'), 'opens inline');
  });

  it('reports an entry whose tour or lesson is in no loaded pack', async () => {
    const problems = recordEvents(['ehr-problem']);
    const broken = { ...pack, id: 'broken', items: [{ ...pack.items[2], id: 'checklist.broken', entries: [{ id: 'gone', item: 'tour.nowhere' }] }] };
    const guide = await fixture<EhrGuide>(html`<ehr-guide .storage=${memoryStorage()} user-role="resident"><ehr-checklist item="checklist.broken"></ehr-checklist></ehr-guide>`);
    guide.engine.addPack(broken);
    const mine = () => problems.events.find((e) => e.detail.element === 'ehr-checklist' && e.detail.path);
    await until(() => !!mine(), 'reported');
    const problem = mine()!.detail;
    expect(problem).to.deep.include({ code: 'item-not-found', itemId: 'checklist.broken', path: 'entries[0].item' });
    expect(problem.message).to.include('"tour.nowhere"');
    problems.stop();
  });
});

describe('<ehr-checklist> audience', () => {
  it('shows only to its audience: a nurse does not see the residents’ list, and it appears when the role changes', async () => {
    const guide = await fixture<EhrGuide>(html`<ehr-guide .storage=${memoryStorage()} user-role="nurse"><ehr-checklist item="checklist.resident"></ehr-checklist></ehr-guide>`);
    guide.engine.addPack(pack);
    await until(() => guide.engine.decision('checklist.resident')?.reason === 'role', 'decided: not for a nurse', 5000);
    const list = guide.querySelector('ehr-checklist') as EhrChecklist;
    await list.updateComplete;
    expect(list.shadowRoot!.querySelector('[part="progress-text"]')).to.equal(null);
    guide.userRole = 'resident';
    await until(() => !!list.shadowRoot!.querySelector('[part="progress-text"]'), 'shown to a resident', 5000);
  });
});
