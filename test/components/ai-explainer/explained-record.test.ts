import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define/ehr-guide.js';
import '../../../src/define/ehr-ai-explainer.js';
import type { EhrGuide } from '../../../src/components/guide/guide.js';
import type { EhrAiExplainer } from '../../../src/components/ai-explainer/ai-explainer.js';
import { memoryStorage } from '../../../src/core/progress/storage.js';
import { aggregateReport } from '../../../src/core/report/aggregate.js';
import { readStatements } from '../../../src/core/report/read-statements.js';

describe('an explanation opened is a learning record (for the report\'s "outputs explained")', () => {
  it('records "experienced" once per output, with the model and the source, never the score; the report counts it', async () => {
    const guide = await fixture<EhrGuide>(html`<ehr-guide packs="/packs/model-cards.json" user-role="nurse" .storage=${memoryStorage()}><ehr-ai-explainer model="example-sepsis-model" score="8"></ehr-ai-explainer></ehr-guide>`);
    await guide.packsLoaded;
    const el = guide.querySelector('ehr-ai-explainer') as EhrAiExplainer;
    await el.updateComplete;
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!;
    toggle.click(); // open
    await el.updateComplete;
    toggle.click(); // close
    await el.updateComplete;
    toggle.click(); // open again: the same output, no second record
    await el.updateComplete;
    const explained = guide.engine.records.queued.filter((s) => s.verb.id === 'http://adlnet.gov/expapi/verbs/experienced');
    expect(explained).to.have.length(1);
    expect(explained[0].object.id).to.equal('https://ehr-guide.dev/xapi/activities/models/example-sepsis-model/output');
    expect((explained[0].context as { extensions: Record<string, unknown> }).extensions['https://ehr-guide.dev/xapi/extensions/role']).to.equal('nurse');
    expect(explained[0].result).to.equal(undefined); // no score travels
    expect(JSON.stringify(explained[0].context)).to.not.include("8.");
    const report = aggregateReport(readStatements(explained).facts, { minCell: 1 });
    expect(report.models[0].explained).to.equal(1);
  });
});
