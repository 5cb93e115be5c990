import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define/ehr-guide-report.js';
import type { EhrGuideReport } from '../../../src/components/guide-report/guide-report.js';
import { expected, generate } from '../../core/report/generate.js';
import { recordEvents, until } from '../../helpers.js';

const text = (el: Element) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');
/** The figures of the first AI-model table after the heading `model`, as the clinician reads them. */
function modelRow(el: EhrGuideReport, model: string): string[] {
  const h = [...el.shadowRoot!.querySelectorAll('h2, h3, h4, h5, h6')].find((n) => n.textContent === model)!;
  let node = h.nextElementSibling;
  while (node && node.tagName !== 'TABLE') node = node.nextElementSibling;
  return [...node!.querySelectorAll('tbody td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim());
}

describe('<ehr-guide-report>', function () {
  this.timeout(30000);

  it('reports generated statements in a worker: the figures an independent count gives, charts with words, withheld cells said, axe clean', async () => {
    const { events, statements } = generate(3000);
    const el = await fixture<EhrGuideReport>(html`<ehr-guide-report packs="/packs/ai-literacy.json" .statements=${statements}></ehr-guide-report>`);
    await el.loaded;
    await el.updateComplete;
    const sepsis = modelRow(el, 'example-sepsis-model');
    const agree = expected(events, (e) => e.kind === 'ai' && e.model === 'example-sepsis-model' && e.outcome === 'agree')!;
    const override = expected(events, (e) => e.kind === 'ai' && e.model === 'example-sepsis-model' && e.outcome === 'override')!;
    expect(sepsis.slice(2, 5)).to.deep.equal([agree.toLocaleString('en'), override.toLocaleString('en'), `${Math.round((override / (agree + override)) * 100)}%`]);
    const chart = el.shadowRoot!.querySelector('[part="chart"]')!;
    expect(chart.getAttribute('role')).to.equal('img');
    expect(chart.getAttribute('aria-label')).to.equal(`example-deterioration-index: agreed ${expected(events, (e) => e.kind === 'ai' && e.model === 'example-deterioration-index' && e.outcome === 'agree')!.toLocaleString('en')}, overrode ${expected(events, (e) => e.kind === 'ai' && e.model === 'example-deterioration-index' && e.outcome === 'override')!.toLocaleString('en')}`);
    expect(text(el)).to.include('3,000 statements counted');
    // Aggregated in the report's worker, not on the page.
    expect(performance.getEntriesByType('resource').some((e) => e.name.includes('/src/platform/report.worker.js'))).to.equal(true);
    expect(text(el)).to.include('Reading a risk score (2 minutes)'); // titles from the pack
    await expect(el).to.be.accessible();

    // Filters: nurses only.
    el.shadowRoot!.querySelector<HTMLSelectElement>('select[name="role"]')!.value = 'nurse';
    el.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await until(() => el.learnerRole === 'nurse', 'the role filter');
    const nurses = expected(events, (e) => e.kind === 'ai' && e.model === 'example-sepsis-model' && e.role === 'nurse' && e.outcome === 'agree')!;
    await until(() => modelRow(el, "example-sepsis-model")[2] === nurses.toLocaleString('en'), 'the nurses\' figures');
  });

  it('withholds small cells (and says why to screen readers), and reads an LRS page by page; a failing page leaves a partial report, said', async () => {
    const { statements } = generate(120, 4);
    const few = statements.slice(0, 120).map((s, i) => ({ ...s, actor: { ...s.actor, account: { ...s.actor.account, name: `learner-${i % 3}` } } }));
    const small = await fixture<EhrGuideReport>(html`<ehr-guide-report .statements=${few}></ehr-guide-report>`);
    await small.loaded;
    await small.updateComplete;
    expect(text(small)).to.include('withheld (fewer than 5 clinicians)');
    expect(text(small)).to.not.match(/learner-\d/);

    await fetch('/__test/sunk/report-lrs', { method: 'DELETE' });
    await fetch('/__test/sink-fail/report-lrs?status=0', { method: 'PUT' });
    const { statements: many } = generate(450, 9);
    await fetch('/__test/sink/report-lrs', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(many) });
    const el = await fixture<EhrGuideReport>(html`<ehr-guide-report lrs-endpoint="/__test/sink/report-lrs/statements"></ehr-guide-report>`);
    await el.loaded;
    await el.updateComplete;
    expect(text(el)).to.include('450 statements counted');

    await fetch('/__test/sink-fail/report-lrs?status=503', { method: 'PUT' });
    const problems = recordEvents(['ehr-problem']);
    const partial = await fixture<EhrGuideReport>(html`<ehr-guide-report lrs-endpoint="/__test/sink/report-lrs/statements"></ehr-guide-report>`);
    await partial.loaded;
    await partial.updateComplete;
    await fetch('/__test/sink-fail/report-lrs?status=0', { method: 'PUT' });
    expect(partial.shadowRoot!.querySelector('[part="state"]')!.getAttribute('role')).to.equal('alert');
    expect(text(partial)).to.include('The figures are from the 100 statements read before the learning record store stopped: the LRS answered HTTP 503.');
    expect(problems.events.map((e) => e.detail.message)).to.deep.equal(['the learning records were read only in part: the LRS answered HTTP 503']);
    problems.stop();
  });
});
