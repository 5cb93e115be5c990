import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/ehr-tip.js';
import type { EhrTip } from '../../src/components/tip/tip.js';

// `--ehr-motion: reduce` on an ancestor (the EHR's own "reduce animations" setting) stops the beacon's pulse,
// through the shadow root, as the media query does.
describe('--ehr-motion', () => {
  const dot = (tip: EhrTip) => getComputedStyle(tip.shadowRoot!.querySelector('[part="beacon-dot"]')!, '::after');

  it('reduce on an ancestor stops the beacon pulse; without it the pulse runs', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <p><button id="m1">A</button> <button id="m2">B</button></p>
      <ehr-tip anchor="#m1" heading="Moving"></ehr-tip>
      <div style="--ehr-motion: reduce"><ehr-tip anchor="#m2" heading="Still"></ehr-tip></div>
    </div>`);
    const [moving, still] = [...page.querySelectorAll('ehr-tip')] as EhrTip[];
    await Promise.all([moving.updateComplete, still.updateComplete]);
    expect(dot(moving).animationName).to.not.equal('none');
    expect(dot(still).animationName).to.equal('none');
  });
});
