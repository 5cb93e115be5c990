import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define/ehr-cds-cards.js';
import '../../../src/define/ehr-ai-badge.js';
import '../../../src/define/ehr-guide-report.js';
import '../../../src/define/all.js';
import type { EhrGuideReport } from '../../../src/components/guide-report/guide-report.js';
import { HOSTILE_URLS } from '../../fixtures/xss/vectors.js';
import { generate } from '../../core/report/generate.js';
import { batchesWithin, findUnsafe, poison } from './inspect.js';
import { useHostileChecks } from './harness.js';
import { frames, until } from '../../helpers.js';

// The corpus through what clinical systems send: CDS Hooks cards (summary, detail, source, links, suggestions,
// override reasons), FHIR resources an AI wrote with their Provenance, Device and model card (Markdown and CHAI
// XML), and learning records read back into the governance report.
const root = (el: Element) => el.shadowRoot!;
const shown = (el: Element) => (root(el).textContent ?? '').replace(/\s+/g, ' ');
const json = async <T>(url: string): Promise<T> => (await fetch(url)).json() as Promise<T>;
type R = Record<string, unknown>;

const toBase64 = (text: string) => btoa(Array.from(new TextEncoder().encode(text), (b) => String.fromCharCode(b)).join(''));
const xmlEscape = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd]/gu, '');

describe('hostile content: CDS cards, AI-written resources, the governance report', function () {
  this.timeout(180000);
  const corpus = useHostileChecks();
  const check = corpus.check;

  it('<ehr-cds-cards>: every field of every card, with the override form open', async () => {
    const response = await json<{ cards: R[] }>('/test/fixtures/cds-hooks/all-features.json');
    let round = 0;
    for (let offset = 0; offset < corpus.payloads.length; offset += 40, round++) {
      const hostile = poison(response, corpus.payloads.slice(offset, offset + 40), HOSTILE_URLS.slice(round % HOSTILE_URLS.length), { limit: 140, keep: ['extension', 'resource'] });
      const el = await fixture<HTMLElement>(html`<ehr-cds-cards service-id="xss" .response=${hostile}></ehr-cds-cards>`);
      await until(() => root(el).querySelectorAll('[part~="card"]').length > 0 || shown(el).length > 40, `cards round ${round} shown`, 5000);
      // Open what a clinician would open: details, the dismiss (override) form.
      for (const b of root(el).querySelectorAll<HTMLButtonElement>('button')) if (/dismiss|details|more/i.test(b.textContent ?? '')) b.click();
      await frames(2);
      check(el);
    }
    expect(round).to.be.above(20);
  });

  it('<ehr-ai-badge>: FHIR text, Provenance, the AI Device and its model card (Markdown and CHAI XML)', async () => {
    const names = ['DocumentReference-ambient-note', 'Provenance-ambient-note-ai', 'Device-TheAI', 'Device-Attached-ModelCard', 'DocumentReference-ModelCard-sample-huggingface-attached', 'DocumentReference-ModelCard-sample-CHAI-attached'];
    const f = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await json<R>(`/test/fixtures/ai-transparency/${n}.json`)]))) as Record<string, R>;
    const chaiXml = new TextDecoder().decode(Uint8Array.from(atob(((f['DocumentReference-ModelCard-sample-CHAI-attached'].content as R[])[0].attachment as R).data as string), (c) => c.charCodeAt(0)));
    let round = 0;
    for (const batch of batchesWithin(corpus.payloads, 30, 12000)) {
      round++;
      const at = (k: number) => batch[k % batch.length];
      const keep = ['data', 'contentType', 'type', 'category', 'meta', 'agent', 'target', 'entity', 'who', 'subject', 'context', 'content', 'identifier'];
      const note = poison(f['DocumentReference-ambient-note'], batch, HOSTILE_URLS, { keep: keep.filter((k) => k !== 'content') });
      const noteAttachment = ((note.content as R[])[0].attachment as R);
      noteAttachment.data = toBase64(batch.join('\n\n'));
      noteAttachment.title = batch[0].slice(0, 100);
      const provenance = poison(f['Provenance-ambient-note-ai'], batch.slice(3), HOSTILE_URLS, { keep });
      const device = poison(f['Device-Attached-ModelCard'], batch.slice(5), HOSTILE_URLS, { keep: [...keep, 'url'] });
      const md = structuredClone(f['DocumentReference-ModelCard-sample-huggingface-attached']);
      ((md.content as R[])[0].attachment as R).data = toBase64(`# MARK${round}\n\n${batch.join('\n\n')}`);
      let i = 0;
      const chai = structuredClone(f['DocumentReference-ModelCard-sample-CHAI-attached']);
      ((chai.content as R[])[0].attachment as R).data = toBase64(chaiXml.replace(/>([^<>]+)</g, () => `>${xmlEscape(batch[i++ % batch.length].slice(0, 300))}<`));
      const page = await fixture<HTMLElement>(html`<div>
        <ehr-ai-badge expanded .resource=${note} .related=${[provenance, f['Device-TheAI']]}></ehr-ai-badge>
        <ehr-ai-badge expanded .resource=${f['DocumentReference-ambient-note']} .related=${[f['Provenance-ambient-note-ai'], device, md]}></ehr-ai-badge>
        <ehr-ai-badge expanded .resource=${{ resourceType: 'Observation', id: 'o', status: 'final', code: { text: at(1) }, meta: { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'AIAST' }] }, device: { reference: 'Device/chai-device', display: at(2) } }} .related=${[{ ...f['Device-Attached-ModelCard'], id: 'chai-device', deviceName: [{ name: at(4).slice(0, 200), type: 'user-friendly-name' }] }, chai]}></ehr-ai-badge>
      </div>`);
      const badges = [...page.querySelectorAll('ehr-ai-badge')];
      await until(() => badges.every((b) => shown(b).length > 10), `badges round ${round} shown`, 5000);
      await frames(2);
      badges.forEach(check);
    }
    expect(round).to.be.above(20);
  });

  it('<ehr-guide-report>: activity names, responses and reasons read back from an LRS', async () => {
    const { statements } = generate(300);
    let p = 0;
    const hostile = statements.map((s) => {
      const st = structuredClone(s) as unknown as { object: { definition?: { name?: Record<string, string> } }; result?: { response?: string } };
      if (st.object.definition?.name) st.object.definition.name = { 'en-US': corpus.payloads[p++ % corpus.payloads.length].slice(0, 500), es: corpus.payloads[p++ % corpus.payloads.length].slice(0, 500) };
      if (st.result?.response !== undefined && p % 2) st.result.response = corpus.payloads[p++ % corpus.payloads.length].slice(0, 500);
      return st;
    });
    const el = await fixture<EhrGuideReport>(html`<ehr-guide-report .statements=${hostile} min-cell="1"></ehr-guide-report>`);
    await el.loaded;
    await el.updateComplete;
    await frames(2);
    expect(shown(el)).to.include('example-sepsis-model');
    check(el);
  });

  it('host-set attributes of every element, from custom-elements.json: hostile URLs and text, no crash', async () => {
    const manifest = await json<{ modules: { declarations?: { tagName?: string; attributes?: { name: string; type?: { text: string } }[] }[] }[] }>('/custom-elements.json');
    const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
    const values = [...HOSTILE_URLS, ...corpus.payloads.filter((s) => /<|javascript|on\w+=/i.test(s)).slice(0, 40)];
    let set = 0;
    for (const d of elements) {
      expect(customElements.get(d.tagName!), d.tagName).to.not.equal(undefined);
      const el = await fixture<HTMLElement>(html`<div><button id="t">x</button></div>`);
      const host = document.createElement(d.tagName!);
      el.append(host);
      for (const attr of d.attributes ?? []) {
        if (/boolean|number/.test(attr.type?.text ?? '')) continue;
        for (const value of values) {
          host.setAttribute(attr.name, value);
          set++;
          await (host as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
          corpus.report(findUnsafe(host).map((x) => `${x} (${attr.name}=${JSON.stringify(value.slice(0, 40))})`));
        }
        host.removeAttribute(attr.name);
      }
      await frames(2);
    }
    expect(set).to.be.above(1000);
  });
});
