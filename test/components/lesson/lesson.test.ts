import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/ehr-guide.js';
import '../../../src/define/ehr-lesson.js';
import '../../../src/define/ehr-ai-explainer.js';
import type { EhrGuide } from '../../../src/components/guide/guide.js';
import type { EhrLesson } from '../../../src/components/lesson/lesson.js';
import type { EhrAiExplainer } from '../../../src/components/ai-explainer/ai-explainer.js';
import { memoryStorage } from '../../../src/core/progress/storage.js';
import { MODEL_SCORE_EXTENSION } from '../../../src/core/models/ai-output.js';
import { recordEvents, until } from '../../helpers.js';

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element) => root(el).textContent!.replace(/\s+/g, ' ');
const option = (el: EhrLesson, question: string, label: string) =>
  [...[...root(el).querySelectorAll<HTMLFieldSetElement>('fieldset')].find((f) => f.dataset.question === question)!.querySelectorAll('label')].find((l) => l.textContent!.startsWith(label))!;

async function mount(template: ReturnType<typeof html>) {
  const page = await fixture<HTMLElement>(html`<div>
    <ehr-guide packs="/packs/ai-literacy.json /packs/model-cards.json" .storage=${memoryStorage()} lrs-endpoint="/__test/sink/lrs-lesson/xapi/" learner-home-page="https://hospital.example.org">${template}</ehr-guide>
  </div>`);
  const guide = page.querySelector('ehr-guide') as EhrGuide;
  await guide.packsLoaded;
  return { page, guide };
}

describe('<ehr-lesson>', function () {
  this.timeout(20000);
  beforeEach(() => localStorage.clear());

  it('teaches, checks the answers, records progress and an xAPI statement', async () => {
    await fetch('/__test/sunk/lrs-lesson', { method: 'DELETE' });
    const { page, guide } = await mount(html`<ehr-lesson item="lesson.reading-a-risk-score"></ehr-lesson>`);
    const el = page.querySelector('ehr-lesson') as EhrLesson;
    await until(() => !!root(el).querySelector('[part="body"] strong'), 'lesson body rendered');
    expect(root(el).querySelector('h3')!.textContent).to.equal('Reading a risk score (2 minutes)');
    expect(root(el).querySelector('[part="body"] strong')!.textContent).to.equal('positive predictive value');
    await expect(el).to.be.accessible();
    // Checking with a question unanswered asks for it.
    option(el, 'ppv-prevalence', 'It rises').click();
    root(el).querySelector<HTMLButtonElement>('[part="check-button"]')!.click();
    await el.updateComplete;
    expect(text(el)).to.include('Answer every question first.');
    expect(root(el).activeElement?.getAttribute('name')).to.include('before-acting');
    // Keyboard: Space ticks the focused checkbox; Tab reaches the next one.
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    const events = recordEvents(['ehr-lesson-complete']);
    root(el).querySelector<HTMLButtonElement>('[part="check-button"]')!.click();
    await el.updateComplete;
    // Question 1 wrong, question 2 right (population and data ticked): 1 of 2 meets the pass mark of 0.5.
    expect(text(el)).to.include('1 of 2 right: passed.');
    expect(text(el)).to.include('Not quite.');
    expect(text(el)).to.include('Correct.');
    expect(root(el).activeElement?.getAttribute('part')).to.equal('result');
    expect(events.events[0].detail).to.deep.equal({ itemId: 'lesson.reading-a-risk-score', version: '1.0.0', score: 0.5, passed: true });
    await expect(el).to.be.accessible();
    await until(() => guide.engine.progress.summary().lessonsCompleted === 1, 'the lesson is in the learner\'s progress');
    let received: Array<{ body: Array<{ verb: { id: string }; result: { score: { scaled: number } } }> }> = [];
    for (let i = 0; i < 60 && !received.length; i++) {
      received = await (await fetch('/__test/sunk/lrs-lesson')).json();
      if (!received.length) await new Promise((r) => setTimeout(r, 50));
    }
    expect(received[0].body[0].verb.id).to.equal('http://adlnet.gov/expapi/verbs/passed');
    expect(received[0].body[0].result.score.scaled).to.equal(0.5);
    root(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('[part="check-button"]')).to.not.equal(null);
    events.stop();
  });

  it('opens from the explainer\'s lesson link, and reports an invalid or unknown lesson with its path', async () => {
    const ra = { resourceType: 'RiskAssessment', method: { coding: [{ code: 'example-sepsis-model' }] }, prediction: [{ extension: [{ url: MODEL_SCORE_EXTENSION, valueDecimal: 8 }] }] };
    const { page } = await mount(html`<ehr-ai-explainer expanded .resource=${ra}></ehr-ai-explainer>`);
    const explainer = page.querySelector('ehr-ai-explainer') as EhrAiExplainer;
    await until(() => text(explainer).includes('Lesson: reading this output'), 'lesson link');
    [...root(explainer).querySelectorAll('button')].find((b) => b.textContent!.includes('Lesson'))!.click();
    await until(() => !!root(explainer).querySelector('ehr-lesson')?.shadowRoot?.querySelector('h4'), 'lesson inline, one heading level down');
    const events = recordEvents(['ehr-problem']);
    const bad = await fixture<EhrLesson>(html`<ehr-lesson .lesson=${{ kind: 'lesson', id: 'l', version: '1.0.0', title: 'T', reviewBy: '2027-01-01', body: 'x', passMark: 2, questions: [] }}></ehr-lesson>`);
    await until(() => /The lesson is invalid at lesson\.\w+/.test(text(bad)), 'validation (loaded on demand) reports');
    expect(events.events[0].detail.code).to.equal('item-invalid');
    events.stop();
  });
});
