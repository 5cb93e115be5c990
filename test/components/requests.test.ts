import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/all.js';
import type { EhrAiExplainer } from '../../src/components/ai-explainer/ai-explainer.js';
import type { EhrCdsCards } from '../../src/components/cds-cards/cds-cards.js';
import type { EhrGuide } from '../../src/components/guide/guide.js';
import type { EhrHelpPanel } from '../../src/components/help-panel/help-panel.js';
import type { EhrTip } from '../../src/components/tip/tip.js';
import type { EhrTour } from '../../src/components/tour/tour.js';
import { MODEL_SCORE_EXTENSION } from '../../src/core/models/ai-output.js';
import { memoryStorage } from '../../src/core/progress/storage.js';
import { recordEvents, until } from '../helpers.js';

// Every cancelable request event, prevented: the host's veto holds, and nothing is recorded or sent.

const button = (root: ParentNode, label: string) => [...root.querySelectorAll('button')].find((b) => b.textContent!.trim().startsWith(label))!;
const veto = (type: string) => {
  const listener = (event: Event) => event.preventDefault();
  document.addEventListener(type, listener);
  return () => document.removeEventListener(type, listener);
};

describe('cancelable requests', function () {
  this.timeout(20000);
  beforeEach(() => localStorage.clear());

  it('ehr-tip-request-dismiss: prevented, the tip stays open and nothing is remembered', async () => {
    const page = await fixture<HTMLElement>(html`<div style="padding:40px"><button id="t">Sign</button><ehr-tip anchor="#t" tip-id="req.tip" heading="Signing">Body</ehr-tip></div>`);
    const tip = page.querySelector('ehr-tip') as EhrTip;
    await tip.show();
    const events = recordEvents(['ehr-tip-request-dismiss', 'ehr-tip-dismiss', 'ehr-tip-hide']);
    const stop = veto('ehr-tip-request-dismiss');
    button(tip.shadowRoot!, "Don't show again").click();
    await tip.updateComplete;
    expect(events.events.map((e) => e.type)).to.deep.equal(['ehr-tip-request-dismiss']);
    expect(events.events[0].detail).to.deep.equal({ tipId: 'req.tip', permanent: true });
    expect(events.events[0].cancelable).to.equal(true);
    expect(tip.open).to.equal(true);
    expect(localStorage.getItem('ehr-guide:dismissed:req.tip')).to.equal(null);
    expect(await tip.dismiss()).to.equal(false);
    stop();
    // Not prevented: dismissed.
    expect(await tip.dismiss(true)).to.equal(true);
    expect(tip.open).to.equal(false);
    expect(localStorage.getItem('ehr-guide:dismissed:req.tip')).to.match(/^\d{4}-\d{2}-\d{2}$/);
    events.stop();
  });

  it('ehr-tour-request-close: prevented, Escape and × leave the tour running', async () => {
    const tourData = { kind: 'tour', id: 'req.tour', version: '1.0.0', title: 'T', reviewBy: '2030-01-01', body: 'x', steps: [{ selector: '#a', title: 'A', body: 'Step A' }, { selector: '#b', title: 'B', body: 'Step B' }] };
    const page = await fixture<HTMLElement>(html`<div style="padding:40px"><input id="a" /><input id="b" /><ehr-tour .tour=${tourData}></ehr-tour></div>`);
    const tour = page.querySelector('ehr-tour') as EhrTour;
    await tour.start();
    const events = recordEvents(['ehr-tour-request-close', 'ehr-tour-end']);
    const stop = veto('ehr-tour-request-close');
    await sendKeys({ press: 'Escape' });
    button(tour.shadowRoot!, '×').click();
    await tour.updateComplete;
    expect(events.events.map((e) => `${e.type}:${e.detail.reason}`)).to.deep.equal(['ehr-tour-request-close:escape', 'ehr-tour-request-close:closed']);
    expect(tour.open).to.equal(true);
    stop();
    button(tour.shadowRoot!, '×').click();
    await tour.updateComplete;
    expect(tour.open).to.equal(false);
    expect(events.events.at(-1)!.detail).to.deep.equal({ tourId: 'req.tour', completed: false, reason: 'closed' });
    events.stop();
  });

  it('ehr-ai-request-override: prevented, no feedback event and no learning record', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <ehr-guide packs="/packs/model-cards.json" user-role="physician" .storage=${memoryStorage()}>
        <ehr-ai-explainer expanded .resource=${{ resourceType: 'RiskAssessment', status: 'final', method: { coding: [{ code: 'example-sepsis-model' }] }, prediction: [{ extension: [{ url: MODEL_SCORE_EXTENSION, valueDecimal: 8 }] }] }}></ehr-ai-explainer>
      </ehr-guide>
    </div>`);
    const guide = page.querySelector('ehr-guide') as EhrGuide;
    await guide.packsLoaded;
    const el = page.querySelector('ehr-ai-explainer') as EhrAiExplainer;
    await until(() => !!button(el.shadowRoot!, 'Override'), 'feedback buttons');
    const events = recordEvents(['ehr-ai-request-override', 'ehr-ai-feedback']);
    const stop = veto('ehr-ai-request-override');
    button(el.shadowRoot!, 'Override').click();
    await el.updateComplete;
    el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="reason"]')[0].click();
    button(el.shadowRoot!, 'Send override').click();
    await el.updateComplete;
    expect(events.events.map((e) => e.type)).to.deep.equal(['ehr-ai-request-override']);
    expect(events.events[0].detail).to.include({ outcome: 'override', modelId: 'example-sepsis-model' });
    expect(guide.engine.records.queued).to.have.length(0);
    stop();
    button(el.shadowRoot!, 'Send override').click();
    await el.updateComplete;
    expect(events.events.map((e) => e.type)).to.deep.equal(['ehr-ai-request-override', 'ehr-ai-request-override', 'ehr-ai-feedback']);
    expect(guide.engine.records.queued).to.have.length(1);
    events.stop();
  });

  it('ehr-cds-card-action (accept, override): prevented, nothing is sent and the card stays open', async () => {
    await fetch('/__test/sunk/cds-req', { method: 'DELETE' });
    const page = await fixture<HTMLElement>(html`<div><ehr-cds-cards></ehr-cds-cards></div>`);
    const el = page.querySelector('ehr-cds-cards') as EhrCdsCards;
    el.show('meds', await (await fetch('/test/fixtures/cds-hooks/all-features.json')).json(), { cdsServiceUrl: '/__test/sink/cds-req/cds-services/meds' });
    await el.updateComplete;
    const stop = veto('ehr-cds-card-action');
    const card = el.shadowRoot!.querySelector<HTMLElement>('li[data-key="5f2b0c1e-0001-4000-8000-00000000a002"]')!;
    card.querySelectorAll<HTMLInputElement>('input[name="suggestion"]')[1].click();
    button(card, 'Accept selected').click();
    button(card, 'Dismiss').click();
    await el.updateComplete;
    card.querySelectorAll<HTMLInputElement>('input[name="reason"]')[0].click();
    button(card, 'Dismiss card').click();
    await el.updateComplete;
    expect(card.textContent).to.not.include('Accepted');
    expect(card.textContent).to.not.include('Overridden');
    await new Promise((r) => setTimeout(r, 200));
    expect(await (await fetch('/__test/sunk/cds-req')).json()).to.deep.equal([]);
    stop();
    button(card, 'Dismiss card').click();
    await el.updateComplete;
    expect(card.textContent).to.include('Overridden');
  });

  it('ehr-guide-open-item: prevented, the help panel and the explainer open nothing themselves', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <ehr-guide packs="/packs/ai-literacy.json /packs/model-cards.json" user-role="physician" workflow="patient-view" .storage=${memoryStorage()}>
        <ehr-help-panel></ehr-help-panel>
        <ehr-ai-explainer expanded model="example-sepsis-model" score="8"></ehr-ai-explainer>
      </ehr-guide>
    </div>`);
    const guide = page.querySelector('ehr-guide') as EhrGuide;
    await guide.packsLoaded;
    const panel = page.querySelector('ehr-help-panel') as EhrHelpPanel;
    const explainer = page.querySelector('ehr-ai-explainer') as EhrAiExplainer;
    await until(() => panel.shadowRoot!.querySelectorAll('[part="item"]').length > 0, 'help listed', 10000); // the page's first FHIRPath worker starts here
    await until(() => !!button(explainer.shadowRoot!, 'Lesson'), 'lesson link');
    const stop = veto('ehr-guide-open-item');
    const lessonEntry = [...panel.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="item"]')].find((b) => b.textContent!.includes('(2 minutes)'))!;
    lessonEntry.click();
    button(explainer.shadowRoot!, 'Lesson').click();
    await panel.updateComplete;
    await explainer.updateComplete;
    expect(lessonEntry.getAttribute('aria-expanded')).to.equal('false');
    expect(panel.shadowRoot!.querySelector('ehr-lesson')).to.equal(null);
    expect(explainer.shadowRoot!.querySelector('ehr-lesson')).to.equal(null);
    stop();
    lessonEntry.click();
    await panel.updateComplete;
    expect(lessonEntry.getAttribute('aria-expanded')).to.equal('true');
    await until(() => !!panel.shadowRoot!.querySelector('ehr-lesson'), 'lesson inline once allowed');
  });
});
