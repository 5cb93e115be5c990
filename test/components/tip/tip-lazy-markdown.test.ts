// Runs in its own page: proves that tips with slotted or precompiled bodies never download the markdown parser,
// and that the first markdown body loads it on demand.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define/ehr-tip.js';
import type { EhrTip } from '../../../src/components/tip/tip.js';
import { until } from '../../helpers.js';

const markedRequests = () =>
  performance.getEntriesByType('resource').filter((entry) => /\/marked\/|markdown\/compile/.test(entry.name)).length;

describe('<ehr-tip> loads markdown code lazily', () => {
  it('does not load marked for slotted and precompiled bodies, and loads it for the first markdown body', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <ehr-tip variant="callout" open heading="Slotted">Slotted body</ehr-tip>
      <ehr-tip variant="callout" open heading="Compiled" id="compiled"></ehr-tip>
    </div>`);
    const compiled = page.querySelector<EhrTip>('#compiled')!;
    compiled.content = { format: 'ehr-md/1', blocks: [{ t: 'p', c: [{ t: 'strong', c: [{ t: 'text', v: 'precompiled' }] }] }] };
    await compiled.updateComplete;
    expect(compiled.shadowRoot!.querySelector('strong')!.textContent).to.equal('precompiled');
    await new Promise((r) => setTimeout(r, 200));
    expect(markedRequests()).to.equal(0);

    const md = document.createElement('ehr-tip');
    md.variant = 'callout';
    md.open = true;
    md.markdown = 'now **markdown**';
    page.append(md);
    await until(() => md.shadowRoot?.querySelector('strong') !== null && md.shadowRoot?.querySelector('strong') !== undefined, 'markdown rendered');
    expect(md.shadowRoot!.querySelector('strong')!.textContent).to.equal('markdown');
    expect(markedRequests()).to.be.greaterThan(0);
  });
});
