import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define/ehr-guide.js';
import '../../../src/define/ehr-model-facts.js';
import type { EhrModelFacts } from '../../../src/components/model-facts/model-facts.js';
import type { EhrGuide } from '../../../src/components/guide/guide.js';
import { HTI1_ATTRIBUTE_NAMES, type ModelCard } from '../../../src/core/models/model-card.js';
import { memoryStorage } from '../../../src/core/progress/storage.js';
import { sendKeys } from '@web/test-runner-commands';
import { emulateForcedColors, recordEvents, until } from '../../helpers.js';

const cards = async (): Promise<ModelCard[]> => (await (await fetch('/packs/model-cards.json')).json()).modelCards;
const text = (el: EhrModelFacts) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

/**
 * Test data, not a published model: the ICH card with an invented calibration table and subgroup figures, so the
 * charts have something to draw. The expected numbers below are computed by hand from these inputs.
 */
function withFigures(card: ModelCard): ModelCard {
  const { fundingSource: _f, updateProcess: _u, ...hti1 } = card.hti1;
  return {
    ...card,
    id: 'test-card-with-figures',
    output: { type: 'prediction', description: 'Probability (test data)', range: { min: 0, max: 1 } },
    thresholds: [{ value: 0.5, label: 'Alert', action: 'Review' }],
    performance: { ...card.performance, auroc: 0.8, calibration: [{ scoreFrom: 0, scoreTo: 0.5, observed: 0.1, n: 100 }, { scoreFrom: 0.5, scoreTo: 1, observed: 0.7, n: 50 }] },
    subgroups: [
      { attribute: 'sex', group: 'Women', auroc: 0.82 },
      { attribute: 'sex', group: 'Men', auroc: 0.76 },
      { attribute: 'age', group: '80 and over', note: 'Few patients' },
    ],
    hti1,
  };
}

describe('<ehr-model-facts>', function () {
  this.timeout(20000);

  it('renders the Model Facts sections and all 31 HTI-1 attributes in the rule\'s groups', async () => {
    const [sepsis] = await cards();
    const el = await fixture<EhrModelFacts>(html`<ehr-model-facts .card=${sepsis}></ehr-model-facts>`);
    const headings = [...el.shadowRoot!.querySelectorAll('h3')].map((h) => h.textContent);
    expect(headings).to.deep.equal(['Summary', 'Mechanism', 'Validation and performance', 'Uses and directions', 'Warnings', 'Other information', 'ONC HTI-1 source attributes']);
    expect(el.shadowRoot!.querySelectorAll('.hti1 dt').length).to.equal(HTI1_ATTRIBUTE_NAMES.length);
    expect(text(el)).to.include('AUROC 0.63 (95% CI 0.62–0.64)');
    expect(text(el)).to.include('Outcome prevalence in the evaluation: 6.6%');
    expect(text(el)).to.include('The card reports no calibration figures.');
    expect(text(el)).to.include('Wong A, Otles E, Donnelly JP');
    expect(el.shadowRoot!.querySelector('[part="missing"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('flags missing HTI-1 attributes and draws calibration and subgroup charts with the same figures as tables', async () => {
    const card = withFigures((await cards()).find((c) => c.id === 'example-ich-triage')!);
    const el = await fixture<EhrModelFacts>(html`<ehr-model-facts .card=${card} heading-level="3"></ehr-model-facts>`);
    expect(text(el)).to.include('⚠ 2 of 31 HTI-1 source attributes are missing from this card');
    const missing = [...el.shadowRoot!.querySelectorAll('dd[part="missing"]')].map((dd) => dd.previousElementSibling!.textContent);
    expect(missing).to.deep.equal(['Funding source of the technical implementation', 'Process and frequency by which the intervention is updated']);
    const calibration = el.shadowRoot!.querySelector('[part="calibration-chart"] svg')!;
    expect(calibration.getAttribute('role')).to.equal('img');
    // Wilson 95 % intervals, by hand: 10 of 100 → 5.5 %–17.4 %; 35 of 50 → 56.2 %–80.9 %.
    expect(calibration.getAttribute('aria-label')).to.equal('Observed outcome rate by predicted probability. Predicted 0 to 0.5: observed 10% of 100; Predicted 0.5 to 1: observed 70% of 50.');
    expect(calibration.querySelectorAll('.point').length).to.equal(2);
    expect(calibration.querySelector('.ideal')).to.not.equal(null); // probability model: the diagonal
    const rows = [...el.shadowRoot!.querySelectorAll('[part="calibration-chart"] tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, ' '));
    expect(rows).to.deep.equal(['0–0.510%6%–17%100', '0.5–170%56%–81%50']);
    const subgroups = el.shadowRoot!.querySelector('[part="subgroup-chart"] svg')!;
    expect(subgroups.getAttribute('aria-label')).to.equal('Performance by subgroup. Women: AUROC 0.82; Men: AUROC 0.76; overall 0.80.');
    expect(subgroups.querySelectorAll('.bar').length).to.equal(2);
    expect(text(el)).to.include('80 and over (age)———Few patients');
    await expect(el).to.be.accessible();
    await emulateForcedColors(true);
    await expect(el).to.be.accessible();
    await emulateForcedColors(false);
  });

  it('looks a card up in <ehr-guide>\'s packs, reports an unknown or invalid one, and prints alone', async () => {
    const events = recordEvents(['ehr-problem']);
    const page = await fixture<HTMLElement>(html`<div><ehr-guide packs="/packs/model-cards.json" .storage=${memoryStorage()}><ehr-model-facts model="example-deterioration-index"></ehr-model-facts></ehr-guide></div>`);
    await (page.querySelector('ehr-guide') as EhrGuide).packsLoaded;
    const el = page.querySelector('ehr-model-facts') as EhrModelFacts;
    await until(() => text(el).includes('Singh K'), 'card from the pack');
    expect(text(el)).to.include('AUROC 0.79 (95% CI 0.74–0.84)');
    const doc = el.printView();
    expect(doc).to.not.equal(null);
    expect(doc!.body.textContent).to.include('Model facts: Example deterioration index');
    expect(doc!.querySelector('style')!.textContent).to.include('@media print');
    doc!.defaultView!.close();
    el.model = 'no-such-model';
    await until(() => text(el).includes('No model card "no-such-model" is in the loaded packs.'), 'unknown model reported');
    el.card = { format: 'ehr-guide-model-card/1', id: 'Bad Id' };
    await el.updateComplete;
    expect(text(el)).to.match(/The model card is invalid at card\.id: must be 1–128 characters/);
    expect(events.events.map((e) => e.detail.code)).to.deep.equal(['card-not-found', 'card-invalid']);
    events.stop();
  });

  it('is keyboard operable: Tab reaches Print and the source links in order', async () => {
    const [sepsis] = await cards();
    const page = await fixture<HTMLElement>(html`<div><button id="before">before</button><ehr-model-facts .card=${sepsis}></ehr-model-facts></div>`);
    const el = page.querySelector('ehr-model-facts') as EhrModelFacts;
    page.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('Print');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.tagName).to.equal('A');
    expect(el.shadowRoot!.activeElement?.getAttribute('rel')).to.equal('noopener noreferrer');
  });

  it('renders hostile card text as text and never makes a javascript: source a link', async () => {
    const [sepsis] = await cards();
    const hostile = { ...sepsis, summary: '<img src=x onerror="window.__pwnedFacts=1">', name: '<script>window.__pwnedFacts=1</script>', sources: [{ citation: 'Evil', url: 'javascript:window.__pwnedFacts=1' }, { citation: 'Mail', url: 'mailto:informatics@hospital.example.org' }] };
    const el = await fixture<EhrModelFacts>(html`<ehr-model-facts .card=${hostile}></ehr-model-facts>`);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(el.shadowRoot!.textContent).to.include('<img src=x onerror="window.__pwnedFacts=1">');
    const links = [...el.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['mailto:informatics@hospital.example.org']);
    expect((window as unknown as { __pwnedFacts?: number }).__pwnedFacts).to.equal(undefined);
  });
});
