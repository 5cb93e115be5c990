import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define/ehr-guide.js';
import '../../../src/define/ehr-ai-badge.js';
import type { EhrAiBadge } from '../../../src/components/ai-badge/ai-badge.js';
import type { EhrGuide } from '../../../src/components/guide/guide.js';
import { memoryStorage } from '../../../src/core/progress/storage.js';
import { recordEvents, until } from '../../helpers.js';

type R = { resourceType: string; id: string; [k: string]: unknown };
const fixture_ = async (name: string): Promise<R> => (await fetch(`/test/fixtures/ai-transparency/${name}.json`)).json();
const text = (el: Element) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim();
const badge = (el: EhrAiBadge) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="badge"]')!;
const button = (el: EhrAiBadge, label: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === label)!;

describe('<ehr-ai-badge>', function () {
  this.timeout(20000);
  let f: Record<string, R>;
  let events: ReturnType<typeof recordEvents>;
  before(async () => {
    const names = ['DocumentReference-ambient-note', 'Provenance-ambient-note-ai', 'Device-TheAI', 'Observation-f206', 'Provenance-AI-Contributed', 'Procedure-proc', 'Provenance-AI-Authored-Element', 'Device-Attached-ModelCard', 'DocumentReference-ModelCard-sample-huggingface-attached', 'DocumentReference-ModelCard-sample-CHAI-attached', 'Condition-suggested-problem', 'Provenance-points-nowhere', 'Observation-satO2'];
    f = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await fixture_(n)])));
  });
  beforeEach(() => {
    localStorage.clear();
    events = recordEvents(['ehr-ai-feedback', 'ehr-problem', 'ehr-ai-badge-toggle']);
  });
  afterEach(() => events.stop());

  it('an AI-drafted note nobody verified: the badge says so, and opened, who made it, what kind of AI and when', async () => {
    const el = await fixture<EhrAiBadge>(html`<ehr-ai-badge .resource=${f['DocumentReference-ambient-note']} .related=${[f['Provenance-ambient-note-ai'], f['Device-TheAI']]}></ehr-ai-badge>`);
    expect(badge(el).textContent!.replace(/\s+/g, ' ').trim()).to.equal('✦AI-drafted, not verified by a clinician');
    expect(badge(el).classList.contains('unverified')).to.equal(true);
    expect(badge(el).getAttribute('aria-expanded')).to.equal('false');
    badge(el).click();
    await el.updateComplete;
    expect(events.events.at(-1)!.detail).to.deep.equal({ expanded: true });
    expect(text(el)).to.include('Made byAcme Devices, Inc (version 10.23-23423)');
    expect(text(el)).to.include('Kind of AIlarge language model');
    expect(text(el)).to.include('Verifiednot verified by a clinician');
    expect(text(el)).to.match(/WhenNov 30, 2026/);
    await expect(el).to.be.accessible();
  });

  it('inside <ehr-guide>: the pack says what to check for a drafted note; accept and reject (with a reason) are recorded, without the note or the patient', async () => {
    const page = await fixture<HTMLElement>(html`<ehr-guide packs="/packs/ai-literacy.json" .storage=${memoryStorage()}><ehr-ai-badge expanded></ehr-ai-badge></ehr-guide>`);
    const guide = page as unknown as EhrGuide;
    await guide.packsLoaded;
    guide.setContext({ resources: { Provenance: [f['Provenance-ambient-note-ai']], Device: [f['Device-TheAI']], DocumentReference: [f['DocumentReference-ambient-note']] } });
    const el = page.querySelector('ehr-ai-badge') as EhrAiBadge;
    el.resource = f['DocumentReference-ambient-note'];
    await until(() => text(el).includes('Before you sign an AI-drafted note'), 'the guidance');
    await until(() => el.shadowRoot!.querySelector('[part="guidance"] strong')?.textContent === 'every medication and dose', 'its markdown body');
    button(el, 'Accept').click();
    await el.updateComplete;
    const accept = events.events.find((e) => e.type === 'ehr-ai-feedback')!.detail;
    expect(accept).to.deep.equal({ modelId: 'TheAI', modelVersion: '10.23-23423', outcome: 'accept', source: 'ai-content', contentType: 'DocumentReference' });
    expect(text(el)).to.include('You accepted it. Thank you — recorded.');
    const statement = guide.engine.records.queued.at(-1)!;
    expect(statement.result).to.deep.equal({ response: 'accept' });
    expect((statement.context as { extensions: Record<string, unknown> }).extensions['https://ehr-guide.dev/xapi/extensions/content-type']).to.equal('DocumentReference');
    const sent = JSON.stringify([accept, statement]);
    for (const phi of ['Patient/example', 'amoxicillin', 'ambient-note', 'cough']) expect(sent).to.not.include(phi);

    // A second badge: reject needs a reason.
    const other = document.createElement('ehr-ai-badge');
    other.expanded = true;
    other.resource = f['DocumentReference-ambient-note'];
    page.append(other);
    await other.updateComplete;
    button(other, 'Reject…').click();
    await other.updateComplete;
    other.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await other.updateComplete;
    expect(other.shadowRoot!.querySelector<HTMLElement>('.reason-error')!.hidden).to.equal(false);
    other.shadowRoot!.querySelector<HTMLInputElement>('input[value="inaccurate"]')!.click();
    other.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await other.updateComplete;
    const reject = events.events.filter((e) => e.type === 'ehr-ai-feedback').at(-1)!.detail;
    expect(reject.outcome).to.equal('reject');
    expect(reject.reason).to.deep.equal({ system: 'https://ehr-guide.dev/CodeSystem/ai-content-reject-reason', code: 'inaccurate', display: 'Something in it is wrong' });
    expect(guide.engine.records.queued.at(-1)!.result).to.deep.include({ response: 'reject:inaccurate' });
    expect(text(other)).to.include('You rejected it: Something in it is wrong.');
  });

  it('a verified lab result (the IG\'s AI-Contributed), one AI-written element only (AI-Authored-Element), and content no AI touched', async () => {
    const verified = await fixture<EhrAiBadge>(html`<ehr-ai-badge expanded .resource=${f['Observation-f206']} .related=${[f['Provenance-AI-Contributed'], f['Device-TheAI']]}></ehr-ai-badge>`);
    expect(badge(verified).textContent).to.include('AI-generated');
    expect(badge(verified).classList.contains('verified')).to.equal(true);
    expect(text(verified)).to.include('Verifiedverified by http://server.example.org/fhir/Practitioner/pract');
    const part = await fixture<EhrAiBadge>(html`<ehr-ai-badge element="followUp.text" .resource=${f['Procedure-proc']} .related=${[f['Provenance-AI-Authored-Element'], f['Device-TheAI']]}></ehr-ai-badge>`);
    expect(badge(part).textContent).to.include('AI-written part');
    const note = await fixture<EhrAiBadge>(html`<ehr-ai-badge element="note" .resource=${f['Procedure-proc']} .related=${[f['Provenance-AI-Authored-Element'], f['Device-TheAI']]}></ehr-ai-badge>`);
    expect(note.shadowRoot!.querySelector('[part="badge"]')).to.equal(null);
    const plain = await fixture<EhrAiBadge>(html`<ehr-ai-badge .resource=${f['Observation-f206']} .related=${[]}></ehr-ai-badge>`);
    expect(plain.shadowRoot!.children.length).to.equal(0);
  });

  it('the model card through the Device: Markdown rendered safely, CHAI XML as its fields', async () => {
    const withMd = { ...f['Observation-satO2'], device: { reference: 'Device/Attached-ModelCard' } };
    const md = await fixture<EhrAiBadge>(html`<ehr-ai-badge expanded .resource=${withMd} .related=${[f['Device-Attached-ModelCard'], f['DocumentReference-ModelCard-sample-huggingface-attached']]}></ehr-ai-badge>`);
    await until(() => text(md).includes('Dataset Card for Sample Segmentation'), 'the markdown card');
    const chaiDevice = { ...f['Device-Attached-ModelCard'], id: 'chai-device', extension: [...(f['Device-Attached-ModelCard'].extension as object[]).slice(0, 1), { url: 'http://hl7.org/fhir/uv/aitransparency/StructureDefinition/aitransparency.modelCardDescription', valueReference: { reference: 'DocumentReference/ModelCard-sample-CHAI-attached' } }] };
    const chai = await fixture<EhrAiBadge>(html`<ehr-ai-badge expanded .resource=${{ ...f['Observation-satO2'], device: { reference: 'Device/chai-device' } }} .related=${[chaiDevice, f['DocumentReference-ModelCard-sample-CHAI-attached']]}></ehr-ai-badge>`);
    expect(text(chai)).to.include('BriefCase-Triage for Intracranial Hemorrhage (ICH)');
    expect(text(chai)).to.include('DeveloperAidoc');
    expect(text(chai)).to.include('ReleaseICH-02-RT');
    await expect(chai).to.be.accessible();
  });

  it('a Provenance that points nowhere: "cannot tell who produced this" on the page and on ehr-problem; Spanish words on a Spanish page', async () => {
    const el = await fixture<EhrAiBadge>(html`<ehr-ai-badge expanded .resource=${f['Condition-suggested-problem']} .related=${[f['Provenance-points-nowhere']]}></ehr-ai-badge>`);
    expect(badge(el).textContent).to.include('AI-suggested');
    expect(text(el)).to.include('Cannot tell who produced this');
    expect(events.events.filter((e) => e.type === 'ehr-problem').map((e) => e.detail.message)).to.deep.equal(['the Provenance names an AI agent (Device/not-in-this-chart) that is not among the resources given: cannot tell who produced this']);
    const es = await fixture<HTMLElement>(html`<div lang="es"><ehr-ai-badge expanded .resource=${f['DocumentReference-ambient-note']} .related=${[f['Provenance-ambient-note-ai'], f['Device-TheAI']]}></ehr-ai-badge></div>`);
    const spanish = es.querySelector('ehr-ai-badge') as EhrAiBadge;
    await spanish.updateComplete;
    expect(badge(spanish).textContent).to.include('Redactado por IA');
    expect(text(spanish)).to.include('Tipo de IAmodelo de lenguaje de gran tamaño');
    expect(text(spanish)).to.include('no verificado por un clínico');
  });
});
