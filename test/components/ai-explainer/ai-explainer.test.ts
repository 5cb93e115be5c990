import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/ehr-guide.js';
import '../../../src/define/ehr-ai-explainer.js';
import type { EhrGuide } from '../../../src/components/guide/guide.js';
import type { EhrAiExplainer } from '../../../src/components/ai-explainer/ai-explainer.js';
import { MODEL_SCORE_EXTENSION } from '../../../src/core/models/ai-output.js';
import { memoryStorage } from '../../../src/core/progress/storage.js';
import type { FhirResource } from '../../../src/core/context/fhir-types.js';
import { emulateForcedColors, recordEvents, until } from '../../helpers.js';
import { SYNTHEA, loadSynthea, withBirthDate, type Record_ } from '../../core/engine/fixtures.js';

const riskAssessment = (model: string, score: number): FhirResource => ({
  resourceType: 'RiskAssessment',
  id: `${model}-1`,
  status: 'final',
  method: { coding: [{ system: 'https://ehr-guide.example/model-cards', code: model }] },
  prediction: [{ outcome: { text: 'Sepsis within 6 hours' }, extension: [{ url: MODEL_SCORE_EXTENSION, valueDecimal: score }] }],
});

const root = (el: EhrAiExplainer) => el.shadowRoot!;
const text = (el: EhrAiExplainer) => root(el).textContent!.replace(/\s+/g, ' ');
const details = (el: EhrAiExplainer) => root(el).querySelector<HTMLElement>('[part="details"]')!;
const button = (el: EhrAiExplainer, label: string | RegExp) =>
  [...root(el).querySelectorAll('button')].find((b) => (typeof label === 'string' ? b.textContent!.trim() === label : label.test(b.textContent!)))!;

async function mount(record: Record_ | undefined, explainer: ReturnType<typeof html>, extra: { encounter?: FhirResource; proficiency?: string } = {}) {
  const page = await fixture<HTMLElement>(html`<div>
    <ehr-guide packs="/packs/model-cards.json /packs/ai-literacy.json" user-role="physician" proficiency=${extra.proficiency ?? 'intermediate'} .storage=${memoryStorage()} lrs-endpoint="/__test/sink/lrs-explainer/xapi/" learner-home-page="https://hospital.example.org">${explainer}</ehr-guide>
  </div>`);
  const guide = page.querySelector('ehr-guide') as EhrGuide;
  await guide.packsLoaded;
  if (record) guide.setContext({ patient: record.patient, resources: record.resources, encounter: extra.encounter ?? null });
  const el = page.querySelector('ehr-ai-explainer') as EhrAiExplainer;
  await el.updateComplete;
  return { page, guide, el };
}

describe('<ehr-ai-explainer>', function () {
  this.timeout(20000);
  let chet: Record_;
  before(async () => {
    chet = await loadSynthea(SYNTHEA[0]);
  });
  beforeEach(() => localStorage.clear());

  it('explains a sepsis score for a patient inside the intended population, with PPV at local prevalence and an icon array', async () => {
    const { el } = await mount(chet, html`<ehr-ai-explainer .resource=${riskAssessment('example-sepsis-model', 8)} local-prevalence="0.02"></ehr-ai-explainer>`);
    // One line by default (intermediate): the summary, the details hidden.
    expect(details(el).hidden).to.equal(true);
    // 0.33 × 0.02 / (0.33 × 0.02 + 0.17 × 0.98) = 3.8 % → about 4 of 100 (hand calculation, Wong 2021 figures).
    expect(text(el)).to.include('Example sepsis prediction model (training example): Score 8 on a 0–100 scale (not a probability) for sepsis within 6 hours.');
    expect(text(el)).to.include('Alert threshold: Of 100 patients flagged like this, about 4 have the condition and 96 do not (at this hospital).');
    await expect(el).to.be.accessible();
    button(el, 'Explain this output').click();
    await el.updateComplete;
    expect(details(el).hidden).to.equal(false);
    await until(() => text(el).includes('Inside the intended population'), 'population checked');
    expect(text(el)).to.include('Adult (18 or over): met by the record');
    expect(text(el)).to.include('About 26 flagged patients are assessed for each one who has it.');
    const icons = root(el).querySelectorAll('[part="icon-array"] circle');
    expect(icons.length).to.equal(100);
    expect(root(el).querySelectorAll('[part="icon-array"] circle.with').length).to.equal(4);
    const svg = root(el).querySelector('[part="icon-array"] svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(root(el).getElementById(svg.getAttribute('aria-labelledby')!)!.textContent).to.equal('Of 100 patients flagged like this, about 4 have the condition and 96 do not.');
    expect(root(el).querySelector('[part="threshold-scale"]')!.getAttribute('aria-label')).to.equal('Output 8 on a scale of 0 to 100; Alert threshold at 6');
    expect([...root(el).querySelectorAll('[part="checklist"] li')].map((li) => li.textContent)).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('says a patient is outside the population, and why (a child, from a real Synthea record)', async () => {
    const child = withBirthDate(chet, 'child', `${new Date().getFullYear() - 9}-03-01`);
    const { el } = await mount(child, html`<ehr-ai-explainer expanded .resource=${riskAssessment('example-sepsis-model', 3)}></ehr-ai-explainer>`);
    await until(() => text(el).includes('Outside the intended population'), 'population checked');
    expect(text(el)).to.include('✗ Adult (18 or over): not met by the record');
    expect(text(el)).to.include('Below the alert threshold: about 95 of 100 patients scored below it do not have the condition (in the evaluation) — a low score does not rule it out.');
    expect(text(el)).to.include("This hospital's prevalence is not configured");
  });

  it('cannot tell without an encounter, and finds an outpatient encounter outside an inpatient model', async () => {
    const { el, guide } = await mount(chet, html`<ehr-ai-explainer expanded .resource=${riskAssessment('example-deterioration-index', 72)}></ehr-ai-explainer>`);
    await until(() => text(el).includes('Hospitalised (an inpatient encounter, by class or type): no encounter is in context'), 'cannot tell without an encounter');
    expect(text(el)).to.include('Cannot tell from the record');
    const ambulatory = chet.resources.Encounter.find((e) => (e.class as { code: string }).code === 'AMB')!;
    guide.setContext({ encounter: ambulatory });
    await until(() => text(el).includes('Outside the intended population'), 'outside after the encounter arrives');
    // Figures from Singh et al. 2021: PPV 74 % at 26 % prevalence → recomputed 0.39×0.263/(0.39×0.263+0.05×0.737) = 73.6 %.
    expect(text(el)).to.include('about 74 have the condition');
    // Chet is a man of 80-odd: the figures for men and for adults apply, not those for women.
    expect(text(el)).to.include('For Men: Predictions did not differ by sex');
    expect(text(el)).to.include("For Adults (the cohort's median age was 64): Validated in adults only");
    expect(text(el)).not.to.include('For Women');
  });

  it('opens by default for novices, and the toggle works from the keyboard', async () => {
    const { el } = await mount(chet, html`<ehr-ai-explainer .resource=${riskAssessment('example-sepsis-model', 8)}></ehr-ai-explainer>`, { proficiency: 'novice' });
    expect(details(el).hidden).to.equal(false);
    const toggle = root(el).querySelector<HTMLButtonElement>('[part="toggle"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const events = recordEvents(['ehr-ai-explainer-toggle']);
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(details(el).hidden).to.equal(true);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(events.events[0].detail).to.deep.equal({ expanded: false });
    events.stop();
  });

  it('takes an override with a reason: event, xAPI statement at the LRS, no patient data', async () => {
    await fetch('/__test/sunk/lrs-explainer', { method: 'DELETE' });
    const { el } = await mount(chet, html`<ehr-ai-explainer expanded .resource=${riskAssessment('example-sepsis-model', 8)}></ehr-ai-explainer>`);
    await until(() => text(el).includes('Inside the intended population'), 'population checked');
    const events = recordEvents(['ehr-ai-feedback']);
    button(el, 'Override…').click();
    await el.updateComplete;
    await until(() => root(el).activeElement?.getAttribute('name') === 'reason', 'focus moves to the first reason');
    await expect(el).to.be.accessible();
    button(el, 'Send override').click();
    await el.updateComplete;
    expect(root(el).querySelector<HTMLElement>('.reason-error')!.hidden).to.equal(false);
    expect(events.events).to.have.length(0);
    root(el).querySelectorAll<HTMLInputElement>('input[name="reason"]')[2].click();
    button(el, 'Send override').click();
    await el.updateComplete;
    expect(events.events[0].detail).to.deep.equal({
      outcome: 'override',
      source: 'risk-assessment',
      modelId: 'example-sepsis-model',
      modelVersion: 'training-example-1',
      reason: { code: 'data-wrong', system: 'https://ehr-guide.dev/CodeSystem/ai-override-reason', display: 'The data the score used is wrong or out of date' },
      band: 'Alert threshold',
      population: 'inside',
    });
    expect(text(el)).to.include('You overrode this output: The data the score used is wrong or out of date. Thank you — recorded.');
    let received: Array<{ body: Array<Record<string, unknown>> }> = [];
    const poll = async () => (received = await (await fetch('/__test/sunk/lrs-explainer')).json());
    for (let i = 0; i < 50 && !received.length; i++) {
      await poll();
      await new Promise((r) => setTimeout(r, 50));
    }
    const statement = received[0].body[0];
    expect((statement.actor as { account: { homePage: string } }).account.homePage).to.equal('https://hospital.example.org');
    expect((statement.result as { response: string }).response).to.equal('override:data-wrong');
    const json = JSON.stringify(received);
    for (const phi of [chet.patient.id!, 'Chet', chet.patient.birthDate as string]) expect(json).not.to.include(phi);
    events.stop();
  });

  it('explains a CDS card\'s output and posts CDS Hooks feedback to the service', async () => {
    await fetch('/__test/sunk/cds-explainer', { method: 'DELETE' });
    const card = {
      uuid: 'c0ffee00-0000-4000-8000-000000000001',
      summary: 'Possible sepsis: assess now',
      indicator: 'warning',
      source: { label: 'Sepsis service', topic: { code: 'example-sepsis-model' } },
      overrideReasons: [{ code: 'not-septic', system: 'https://cds.example.org/reasons', display: 'Not septic on assessment' }],
      extension: { [MODEL_SCORE_EXTENSION]: 9 },
    };
    const { el } = await mount(chet, html`<ehr-ai-explainer expanded .cdsCard=${card} cds-service-url="/__test/sink/cds-explainer/cds-services/sepsis"></ehr-ai-explainer>`);
    button(el, 'Override…').click();
    await el.updateComplete;
    expect(text(el)).to.include('Not septic on assessment');
    root(el).querySelector<HTMLInputElement>('input[name="reason"]')!.click();
    button(el, 'Send override').click();
    let received: Array<{ path: string; body: { feedback: Array<Record<string, unknown>> } }> = [];
    for (let i = 0; i < 60 && !received.length; i++) {
      received = await (await fetch('/__test/sunk/cds-explainer')).json();
      if (!received.length) await new Promise((r) => setTimeout(r, 50));
    }
    expect(received[0].path).to.equal('/cds-services/sepsis/feedback');
    expect(received[0].body.feedback[0]).to.deep.include({ card: card.uuid, outcome: 'overridden', overrideReason: { reason: { code: 'not-septic', system: 'https://cds.example.org/reasons', display: 'Not septic on assessment' } } });
  });

  it('reports what it cannot explain, and stays quiet and safe', async () => {
    const events = recordEvents(['ehr-problem']);
    const { el } = await mount(chet, html`<ehr-ai-explainer .resource=${{ resourceType: 'RiskAssessment', prediction: [{ probabilityDecimal: 4 }] }}></ehr-ai-explainer>`);
    expect(text(el)).to.include('This AI output cannot be explained: RiskAssessment.prediction[0].probabilityDecimal must be a number from 0 to 1');
    expect(events.events[0].detail.code).to.equal('output-invalid');
    el.resource = { resourceType: 'RiskAssessment', method: { coding: [{ code: 'unknown-model' }] }, prediction: [{ probabilityDecimal: 0.2, outcome: { text: '<img src=x onerror=alert(1)>' } }] };
    await el.updateComplete;
    expect(text(el)).to.include('No model card is available for this output');
    expect(root(el).querySelector('img')).to.equal(null);
    expect(events.events.at(-1)!.detail.code).to.equal('card-not-found');
    // A probability for a score model is not converted.
    el.resource = { resourceType: 'RiskAssessment', method: { coding: [{ code: 'example-sepsis-model' }] }, prediction: [{ probabilityDecimal: 0.31 }] };
    await el.updateComplete;
    expect(text(el)).to.include("Cannot be placed against the thresholds: the output gives a probability, but this model's output is a score (0–100), not a probability.");
    el.setAttribute('local-prevalence', '7');
    await el.updateComplete;
    expect(events.events.at(-1)!.detail.code).to.equal('prevalence-invalid');
    events.stop();
  });

  it('works standalone from score + card, checks the population off the main thread, and opens Model Facts and the lesson', async () => {
    const cards = (await (await fetch('/packs/model-cards.json')).json()).modelCards;
    const ich = cards.find((c: { id: string }) => c.id === 'example-ich-triage');
    const el = await fixture<EhrAiExplainer>(html`<ehr-ai-explainer expanded score="1" local-prevalence="0.08" .card=${ich} .patientData=${{ patient: chet.patient, resources: chet.resources }}></ehr-ai-explainer>`);
    await until(() => text(el).includes('Inside the intended population'), 'standalone population check');
    expect(text(el)).to.include('Flagged');
    expect(text(el)).to.match(/95% range \d+% to \d+%/);
    const events = recordEvents(['ehr-guide-open-item']);
    button(el, 'Lesson: reading this output').click();
    expect(events.events[0].detail).to.deep.equal({ itemId: 'lesson.reading-a-risk-score' });
    button(el, 'Model facts').click();
    await until(() => !!root(el).querySelector('ehr-model-facts')?.shadowRoot?.textContent?.includes('HTI-1'), 'model facts inline');
    await expect(el).to.be.accessible();
    events.stop();
  });

  it('reads an AI-produced Observation and stays accessible in forced colours', async () => {
    const observation = { resourceType: 'Observation', status: 'final', code: { text: 'Sepsis risk score' }, method: { coding: [{ code: 'example-sepsis-model' }] }, valueQuantity: { value: 12, unit: 'score' } };
    const { el } = await mount(chet, html`<ehr-ai-explainer expanded .resource=${observation}></ehr-ai-explainer>`);
    await until(() => text(el).includes('Inside the intended population'), 'population checked');
    expect(text(el)).to.include('Score 12 on a 0–100 scale (not a probability) for sepsis risk score.');
    await emulateForcedColors(true);
    await expect(el).to.be.accessible();
    await emulateForcedColors(false);
  });

  it('takes this site\'s prevalence from <ehr-guide> when the element has none, and rejects a bad one', async () => {
    const { el, guide } = await mount(chet, html`<ehr-ai-explainer .resource=${riskAssessment('example-sepsis-model', 8)}></ehr-ai-explainer>`);
    expect(text(el)).to.include('(in the evaluation)');
    guide.localPrevalence = { 'example-sepsis-model': 0.02 };
    await until(() => text(el).includes('about 4 have the condition and 96 do not (at this hospital)'), 'site prevalence applied');
    const events = recordEvents(['ehr-problem']);
    guide.localPrevalence = { 'example-sepsis-model': 2 };
    await guide.updateComplete;
    expect(events.events[0].detail.message).to.equal('localPrevalence rejected: local prevalence of "example-sepsis-model" must be a proportion between 0 and 1 (0.05 for 5 %), got 2');
    events.stop();
  });

  it('shows the calibrated risk for the score from the card\'s calibration table (test figures)', async () => {
    const cards = (await (await fetch('/packs/model-cards.json')).json()).modelCards;
    // Test data, not a published model: the sepsis card with an invented calibration table.
    const card = { ...cards[0], id: 'test-calibrated', performance: { ...cards[0].performance, calibration: [{ scoreFrom: 0, scoreTo: 6, observed: 0.04, n: 900 }, { scoreFrom: 6, scoreTo: 20, observed: 0.15, n: 200 }, { scoreFrom: 20, scoreTo: 100, observed: 0.4, n: 50 }] } };
    const el = await fixture<EhrAiExplainer>(html`<ehr-ai-explainer expanded score="8" .card=${card} .patientData=${{ patient: chet.patient, resources: chet.resources }}></ehr-ai-explainer>`);
    // 30 of 200 → 15 %; Wilson 95 % interval by hand: 10.7 %–20.7 % → "11 %" to "21 %".
    expect(text(el)).to.include('In the evaluation, 15% of patients who scored 6 to 20 had the outcome (95% interval 11% to 21%, 200 patients).');
    el.score = 140; // outside the table: nothing extrapolated (and the score is out of the model's range)
    await el.updateComplete;
    expect(text(el)).not.to.include('Risk for a score like this');
  });
});
