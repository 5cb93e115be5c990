import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/ehr-guide.js';
import '../../../src/define/ehr-cds-cards.js';
import type { EhrCdsCards } from '../../../src/components/cds-cards/cds-cards.js';
import type { EhrGuide } from '../../../src/components/guide/guide.js';
import type { EhrAiExplainer } from '../../../src/components/ai-explainer/ai-explainer.js';
import { memoryStorage } from '../../../src/core/progress/storage.js';
import { recordEvents, until } from '../../helpers.js';

const response = async (name = 'all-features') => (await fetch(`/test/fixtures/cds-hooks/${name}.json`)).json();
const root = (el: EhrCdsCards) => el.shadowRoot!;
const cardEl = (el: EhrCdsCards, key: string) => root(el).querySelector<HTMLElement>(`li[data-key="${key}"]`)!;
const buttonIn = (scope: ParentNode, label: string) => [...scope.querySelectorAll('button')].find((b) => b.textContent!.trim().startsWith(label))!;
const SERVICE = '/__test/sink/cds-cards/cds-services';

async function received(): Promise<Array<{ path: string; body: { feedback: Array<Record<string, unknown>> } }>> {
  return (await fetch('/__test/sunk/cds-cards')).json();
}

async function mount() {
  const page = await fixture<HTMLElement>(html`<div><ehr-guide packs="/packs/model-cards.json" .storage=${memoryStorage()}><ehr-cds-cards></ehr-cds-cards></ehr-guide></div>`);
  const guide = page.querySelector('ehr-guide') as EhrGuide;
  await guide.packsLoaded;
  return page.querySelector('ehr-cds-cards') as EhrCdsCards;
}

describe('<ehr-cds-cards>', function () {
  this.timeout(20000);
  beforeEach(async () => {
    localStorage.clear();
    await fetch('/__test/sunk/cds-cards', { method: 'DELETE' });
  });

  it('renders every card feature, safely, critical first, with the explainer attached to the model\'s card', async () => {
    const el = await mount();
    const problems = el.show('sepsis', await response(), { cdsServiceUrl: `${SERVICE}/sepsis` });
    expect(problems).to.deep.equal([]);
    await el.updateComplete;
    await until(() => !!root(el).querySelector('.detail strong'), 'markdown compiled');
    const cards = [...root(el).querySelectorAll<HTMLElement>('li.card')];
    expect(cards.map((c) => c.querySelector('[part="indicator"]')!.textContent!.trim())).to.deep.equal(['‼ Critical', '! Warning', 'i Info']);
    const sepsis = cardEl(el, '5f2b0c1e-0001-4000-8000-00000000a001');
    expect(sepsis.querySelector('h3')!.textContent).to.equal('Possible sepsis: the sepsis model flagged this patient');
    const detail = sepsis.querySelector('[part="detail"]')!;
    expect(detail.querySelector('strong')!.textContent).to.equal('sepsis model');
    expect(detail.querySelectorAll('li').length).to.equal(2);
    expect(detail.querySelector('img')).to.equal(null);
    expect(detail.textContent).to.include('<img src=x onerror="window.__pwned=1">'); // shown as text, never parsed
    expect([...detail.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org/sepsis-protocol']);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    const source = sepsis.querySelector('[part="source"]')!;
    expect(source.querySelector('img')!.getAttribute('src')).to.equal('/test/fixtures/cds-hooks/icon.svg');
    expect(source.querySelector('a')!.getAttribute('href')).to.equal('https://example.org/sepsis-service');
    await until(() => !!sepsis.querySelector('ehr-ai-explainer')?.shadowRoot?.textContent?.includes('Score 9'), 'explainer attached');
    const explainer = sepsis.querySelector('ehr-ai-explainer') as EhrAiExplainer;
    expect(explainer.shadowRoot!.textContent).to.include('Example sepsis prediction model');
    // Its headings sit one level below the card's summary (h3): the page outline stays whole.
    expect(explainer.shadowRoot!.querySelectorAll('h3').length).to.equal(0);
    expect(explainer.shadowRoot!.querySelectorAll('h4').length).to.be.greaterThan(3);
    expect(buttonIn(sepsis, 'Order lactate')).to.exist;
    expect(buttonIn(sepsis, 'Dismiss')).to.equal(undefined); // the explainer's override takes its place
    const info = cardEl(el, '5f2b0c1e-0001-4000-8000-00000000a003');
    expect([...info.querySelectorAll('[part="links"] a')].map((a) => a.textContent)).to.deep.equal(['Read the guideline', 'Open the decision aid']);
    await expect(el).to.be.accessible();
  });

  it('accepts suggestions and posts feedback; overrides with a reason, from the keyboard', async () => {
    const el = await mount();
    el.show('meds', await response(), { cdsServiceUrl: `${SERVICE}/meds` });
    await el.updateComplete;
    const events = recordEvents(['ehr-cds-card-action']);
    const duplicate = cardEl(el, '5f2b0c1e-0001-4000-8000-00000000a002');
    // selectionBehavior "any": choose several, accept together.
    duplicate.querySelectorAll<HTMLInputElement>('input[name="suggestion"]')[1].click();
    buttonIn(duplicate, 'Accept selected').click();
    await el.updateComplete;
    expect(events.events[0].detail).to.deep.equal({ cardKey: '5f2b0c1e-0001-4000-8000-00000000a002', serviceId: 'meds', action: 'accept', suggestionIds: ['5f2b0c1e-0001-4000-8000-00000000b003'] });
    expect(duplicate.textContent).to.include('Accepted: Stop warfarin.');
    // Override the info card from the keyboard: it has no reasons, so none is asked for.
    const info = cardEl(el, '5f2b0c1e-0001-4000-8000-00000000a003');
    buttonIn(info, 'Dismiss').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await until(() => root(el).activeElement?.textContent?.trim() === 'Dismiss card', 'focus on the confirm button');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(info.textContent).to.include('Overridden.');
    let sent: Awaited<ReturnType<typeof received>> = [];
    for (let i = 0; i < 60 && sent.length < 2; i++) {
      sent = await received();
      if (sent.length < 2) await new Promise((r) => setTimeout(r, 50));
    }
    expect(sent.map((s) => s.path)).to.deep.equal(['/cds-services/meds/feedback', '/cds-services/meds/feedback']);
    expect(sent[0].body.feedback[0]).to.deep.include({ card: '5f2b0c1e-0001-4000-8000-00000000a002', outcome: 'accepted', acceptedSuggestions: [{ id: '5f2b0c1e-0001-4000-8000-00000000b003' }] });
    expect(sent[1].body.feedback[0]).to.deep.include({ card: '5f2b0c1e-0001-4000-8000-00000000a003', outcome: 'overridden' });
    expect(sent[1].body.feedback[0]).to.not.have.property('overrideReason');
    events.stop();
  });

  it('asks for one of the service\'s override reasons and sends it', async () => {
    const el = await mount();
    el.show('meds', await response(), { cdsServiceUrl: `${SERVICE}/meds` });
    await el.updateComplete;
    const duplicate = cardEl(el, '5f2b0c1e-0001-4000-8000-00000000a002');
    buttonIn(duplicate, 'Dismiss').click();
    await el.updateComplete;
    buttonIn(duplicate, 'Dismiss card').click();
    await el.updateComplete;
    expect(duplicate.querySelector<HTMLElement>('.reason-error')!.hidden).to.equal(false);
    await expect(el).to.be.accessible();
    duplicate.querySelectorAll<HTMLInputElement>('input[name="reason"]')[0].click();
    buttonIn(duplicate, 'Dismiss card').click();
    await el.updateComplete;
    expect(duplicate.textContent).to.include('Overridden: Intended: bridging therapy.');
    let sent: Awaited<ReturnType<typeof received>> = [];
    for (let i = 0; i < 60 && !sent.length; i++) {
      sent = await received();
      if (!sent.length) await new Promise((r) => setTimeout(r, 50));
    }
    expect(sent[0].body.feedback[0].overrideReason).to.deep.equal({ reason: { code: 'intended', system: 'https://cds.example.org/reasons', display: 'Intended: bridging therapy' } });
  });

  it('launches SMART links through the host and opens absolute links in a new tab', async () => {
    const el = await mount();
    const launched: string[] = [];
    el.launchSmartLink = (link) => void launched.push(link.url);
    el.show('aids', await response());
    await el.updateComplete;
    const links = [...cardEl(el, '5f2b0c1e-0001-4000-8000-00000000a003').querySelectorAll<HTMLAnchorElement>('[part="links"] a')];
    expect(links[0].target).to.equal('_blank');
    expect(links[0].rel).to.equal('noopener noreferrer');
    const events = recordEvents(['ehr-cds-card-action']);
    links[1].click();
    expect(launched).to.deep.equal(['https://apps.example.org/launch']);
    expect(events.events[0].detail.link).to.deep.equal({ label: 'Open the decision aid', url: 'https://apps.example.org/launch', type: 'smart', appContext: '{"aid":"lcs"}' });
    events.stop();
  });

  it('without an EHR launcher, opens a SMART link as a standalone launch against fhir-server', async () => {
    const el = await mount();
    el.fhirServer = 'https://fhir.hospital.example/r4';
    el.show('aids', await response());
    await el.updateComplete;
    const opened: unknown[][] = [];
    const original = window.open;
    window.open = ((...args: unknown[]) => {
      opened.push(args);
      return null;
    }) as unknown as typeof window.open;
    try {
      [...cardEl(el, '5f2b0c1e-0001-4000-8000-00000000a003').querySelectorAll<HTMLAnchorElement>('[part="links"] a')][1].click();
    } finally {
      window.open = original;
    }
    expect(opened).to.deep.equal([['https://apps.example.org/launch?iss=https%3A%2F%2Ffhir.hospital.example%2Fr4', '_blank', 'noopener']]);
  });

  it('replaces a service\'s stale cards on its next response and reports invalid cards with their paths', async () => {
    const el = await mount();
    const events = recordEvents(['ehr-problem']);
    el.show('a', { cards: [{ uuid: 'old', summary: 'Old card', indicator: 'info', source: { label: 'A' } }] });
    el.show('b', { cards: [{ uuid: 'other', summary: 'Other service', indicator: 'info', source: { label: 'B' } }] });
    el.show('a', { cards: [{ uuid: 'new', summary: 'New card', indicator: 'info', source: { label: 'A' } }, { summary: 'bad', indicator: 'loud', source: { label: 'A' } }] });
    await el.updateComplete;
    // The new card takes the stale one's place: the list does not jump.
    expect([...root(el).querySelectorAll('li.card')].map((li) => li.getAttribute('data-key'))).to.deep.equal(['new', 'other']);
    expect(events.events.map((e) => e.detail.message)).to.deep.equal(['CDS response from "a": cards[1].indicator: must be info, warning or critical']);
    el.clear();
    await el.updateComplete;
    expect(root(el).querySelector('li.card')).to.equal(null);
    events.stop();
  });

  it('says quietly that a service could not be called, drops its stale cards, keeps the others, and clears on its next answer', async () => {
    const el = await mount();
    el.show('a', { cards: [{ uuid: 'a1', summary: 'From A', indicator: 'info', source: { label: 'A' } }] });
    el.show('b', { cards: [{ uuid: 'b1', summary: 'From B', indicator: 'info', source: { label: 'B' } }] });
    el.unavailable('a', 'the sepsis service');
    await el.updateComplete;
    expect([...root(el).querySelectorAll('li.card')].map((li) => li.getAttribute('data-key'))).to.deep.equal(['b1']);
    const status = root(el).querySelector('[part="status"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent).to.equal('Decision support from the sepsis service is unavailable right now. The chart is not affected.');
    await expect(el).to.be.accessible();
    el.show('a', { cards: [] });
    await el.updateComplete;
    expect(root(el).querySelector('[part="status"]')).to.equal(null);
    el.unavailable('b');
    await el.updateComplete;
    expect(root(el).querySelector('li.card')).to.equal(null);
    expect(root(el).querySelector('[part="status"]')!.textContent).to.include('Decision support from b is unavailable');
  });

  it('renders the specification\'s example response from the `response` property', async () => {
    const el = await fixture<EhrCdsCards>(html`<ehr-cds-cards service-id="static" .response=${await response('02-current-example')}></ehr-cds-cards>`);
    expect([...root(el).querySelectorAll('h3')].map((h) => h.textContent)).to.deep.equal(['Another card', 'Example Card']);
    buttonIn(cardEl(el, 'static#1'), 'Dismiss').click();
    await el.updateComplete;
    expect(cardEl(el, 'static#1').textContent).to.include('Patient refused');
    await expect(el).to.be.accessible();
  });
});
