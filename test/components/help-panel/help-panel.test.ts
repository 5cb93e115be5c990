import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/ehr-guide.js';
import '../../../src/define/ehr-help-panel.js';
import type { EhrGuide } from '../../../src/components/guide/guide.js';
import type { EhrHelpPanel } from '../../../src/components/help-panel/help-panel.js';
import { memoryStorage } from '../../../src/core/progress/storage.js';
import { until } from '../../helpers.js';
import { SYNTHEA, alive, loadSynthea } from '../../core/engine/fixtures.js';

const root = (el: Element) => el.shadowRoot!;
const titles = (el: EhrHelpPanel) => [...root(el).querySelectorAll('.entry .title')].map((t) => t.textContent);

describe('<ehr-help-panel>', function () {
  this.timeout(20000);
  beforeEach(() => localStorage.clear());

  it('lists what applies to this patient and screen, searchable, opens a tip in place, with progress', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <ehr-guide packs="/packs/ehr-skills.json /packs/ai-literacy.json" user-role="physician" workflow="patient-view" .storage=${memoryStorage()}>
        <ehr-help-panel></ehr-help-panel>
      </ehr-guide>
    </div>`);
    const guide = page.querySelector('ehr-guide') as EhrGuide;
    await guide.packsLoaded;
    const chet = alive(await loadSynthea(SYNTHEA[0])); // a living older adult on oxycodone (his record says he died)
    guide.setContext({ patient: chet.patient, resources: chet.resources });
    const panel = page.querySelector('ehr-help-panel') as EhrHelpPanel;
    await until(() => titles(panel).includes('Older adult on an opioid'), 'the opioid tip applies to Chet');
    // What the engine finds relevant is listed, whatever the fatigue guard pushes (most of these are on no page here).
    // Written out from the packs, not asked of the engine: the items for a physician at patient-view whose
    // conditions hold for Chet (older adult, on an opioid; no anticoagulant, thiazide or metformin; the
    // automation-bias tip needs an AI output in the chart), whatever the fatigue guard would push.
    expect(titles(panel)).to.have.members([
      'Older adult on an opioid',
      'Reading a risk score',
      'Before you sign',
      'Flagged result',
      'Medication reconciliation',
      'Documentation shortcuts',
      'When and how to override',
      'Reading a risk score (2 minutes)',
      'Automation bias (2 minutes)',
    ]);
    expect(titles(panel)[0]).to.equal('Older adult on an opioid'); // highest priority first
    expect(titles(panel)).to.include('Before you sign'); // a physician's tip at patient-view
    const thiazide = guide.engine.item('results.thiazide-electrolytes')!;
    expect(titles(panel)).not.to.include(thiazide.title); // Chet takes no thiazide
    await expect(panel).to.be.accessible();
    // Search.
    const search = root(panel).querySelector<HTMLInputElement>('[part="search"]')!;
    search.focus();
    await sendKeys({ type: 'opioid' });
    await panel.updateComplete;
    expect(titles(panel)).to.deep.equal(['Older adult on an opioid']);
    expect(root(panel).querySelector('[role="status"]')!.textContent).to.equal('1 item');
    // Open it from the keyboard.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => (root(panel).querySelector('.content:not([hidden]) .md')?.textContent ?? '').includes('Beers'), 'tip body in place');
    expect(root(panel).querySelector('[part="item"]')!.getAttribute('aria-expanded')).to.equal('true');
    expect(root(panel).querySelector('[part="status"]')!.textContent).to.equal('New');
    await expect(panel).to.be.accessible();
    await sendKeys({ type: 'x' }); // focus is on the entry button: typing does nothing harmful
    await panel.updateComplete;
    expect(search.value).to.equal('opioid');
    expect(titles(panel)).to.deep.equal(['Older adult on an opioid']);
    expect(root(panel).querySelector('[part="item"]')!.getAttribute('aria-expanded')).to.equal('true');
    search.value = 'no such words anywhere';
    search.dispatchEvent(new Event('input'));
    await panel.updateComplete;
    expect(root(panel).querySelector('[role="status"]')!.textContent).to.equal('Nothing matches your search.');
  });

  it("puts unopened items tagged What's new first, and opens a lesson inline", async () => {
    const pack = {
      format: 'ehr-guide-pack/1',
      id: 'news',
      version: '1.0.0',
      title: 'News',
      locale: 'en',
      items: [
        { kind: 'tip', id: 'news.sepsis-v2', version: '2.0.0', title: 'The sepsis model was updated', reviewBy: '2030-01-01', tags: ["What's new"], unsolicited: false, body: 'New **threshold**.' },
        { kind: 'lesson', id: 'news.lesson', version: '1.0.0', title: 'Short lesson', reviewBy: '2030-01-01', unsolicited: false, body: 'Read this.', passMark: 1, questions: [{ id: 'q', prompt: 'Yes?', type: 'single', options: [{ id: 'y', text: 'Yes', correct: true }, { id: 'n', text: 'No' }] }] },
      ],
    };
    const page = await fixture<HTMLElement>(html`<div><ehr-guide .storage=${memoryStorage()}><ehr-help-panel></ehr-help-panel></ehr-guide></div>`);
    const guide = page.querySelector('ehr-guide') as EhrGuide;
    guide.engine.addPack(pack, 'news');
    const panel = page.querySelector('ehr-help-panel') as EhrHelpPanel;
    await until(() => titles(panel).length === 2, 'both items listed');
    const sections = [...root(panel).querySelectorAll('h3')].map((h) => h.textContent);
    expect(sections).to.deep.equal(["What's new", 'For this patient and screen']);
    expect(titles(panel)[0]).to.equal('The sepsis model was updated');
    [...root(panel).querySelectorAll<HTMLButtonElement>('[part="item"]')].find((b) => b.textContent!.includes('Short lesson'))!.click();
    await until(() => !!root(panel).querySelector('ehr-lesson')?.shadowRoot?.querySelector('fieldset'), 'lesson inline');
  });
});
