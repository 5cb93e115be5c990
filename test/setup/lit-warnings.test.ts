import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { litWarnings } from '../helpers.js';

// The suite runs Lit in dev mode, and a dev-mode warning fails the test it appears in (test/helpers.ts). This
// proves the capture works: an element that schedules an update from `updated()` makes Lit warn.
class WarnsOnUpdate extends LitElement {
  static override properties = { count: { type: Number } };
  declare count: number;
  constructor() {
    super();
    this.count = 0;
  }
  override updated() {
    if (this.count < 1) this.count++; // an update scheduled after an update completed: Lit's change-in-update
  }
}
customElements.define('test-warns-on-update', WarnsOnUpdate);

describe('Lit dev-mode warnings', () => {
  it('are captured, so a test that causes one fails', async () => {
    const el = await fixture<WarnsOnUpdate>(html`<test-warns-on-update></test-warns-on-update>`);
    await el.updateComplete;
    const warnings = litWarnings().splice(0); // taken here, so this test itself passes
    expect(warnings.some((w) => /scheduled an update.*after an update completed/s.test(w) && /lit\.dev\/msg\/change-in-update/.test(w))).to.equal(true);
  });
});
