import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define/ehr-guide.js';
import '../../../src/define/ehr-tip.js';
import '../../../src/define/ehr-tour.js';
import '../../../src/define/ehr-lesson.js';
import '../../../src/define/ehr-help-panel.js';
import '../../../src/define/ehr-checklist.js';
import '../../../src/define/ehr-model-facts.js';
import '../../../src/define/ehr-ai-explainer.js';
import type { EhrGuide } from '../../../src/components/guide/guide.js';
import type { EhrTour } from '../../../src/components/tour/tour.js';
import { memoryStorage } from '../../../src/core/progress/storage.js';
import { MODEL_SCORE_EXTENSION } from '../../../src/core/models/ai-output.js';
import { HOSTILE_URLS } from '../../fixtures/xss/vectors.js';
import { batches, batchesWithin, poison } from './inspect.js';
import { useHostileChecks } from './harness.js';
import { frames, until } from '../../helpers.js';

// The whole corpus through every text field of tips, tours, lessons, the help panel and model cards, as a pack
// author (or an attacker who can write a pack) would send it: nothing runs, nothing unsafe ends up in the DOM,
// nothing escapes, and the text is still shown (each round carries a marker the test finds on screen).
const root = (el: Element) => el.shadowRoot!;
const shown = (el: Element) => (root(el).textContent ?? '').replace(/\s+/g, ' ');

describe('hostile content: tips, tours, lessons, help panel, model cards', function () {
  this.timeout(180000);
  const corpus = useHostileChecks();
  const check = corpus.check;

  it('<ehr-tip>: heading, beacon label and markdown body', async () => {
    for (const [i, batch] of batchesWithin(corpus.payloads, 40).entries()) {
      const page = await fixture<HTMLElement>(html`<div><button id="t">Order</button><ehr-tip anchor="#t" variant="callout" open heading=${batch[0].slice(0, 200)} beacon-label=${(batch[1] ?? 'x').slice(0, 200)} markdown=${[`MARK${i}`, ...batch].join('\n\n')}></ehr-tip></div>`);
      const tip = page.querySelector('ehr-tip')!;
      await until(() => shown(tip).includes(`MARK${i}`) || corpus.found > 0, `tip ${i} body shown`, 5000);
      check(tip);
    }
  });

  it('<ehr-tour>: every step title and body, walked to the end', async () => {
    for (const [i, batch] of batchesWithin(corpus.payloads, 24, 19000).entries()) {
      const steps = batches(batch, 2).map(([title, body]) => ({ selector: '#t', title: title.slice(0, 200).trim() || 'x', body: `MARK${i}\n\n${body ?? 'x'}` }));
      const tour = { kind: 'tour', id: `xss.tour-${i}`, version: '1.0.0', title: batch[0].slice(0, 200).trim() || 'x', reviewBy: '2030-01-01', body: 'x', steps };
      const page = await fixture<HTMLElement>(html`<div><button id="t">Order</button><ehr-tour .tour=${tour}></ehr-tour></div>`);
      const el = page.querySelector('ehr-tour') as EhrTour;
      await el.start({ focus: false });
      for (let s = 0; s < steps.length; s++) {
        await until(() => shown(el).includes(`MARK${i}`), `tour ${i} step ${s} shown`, 5000);
        check(el);
        if (s < steps.length - 1) await el.next();
      }
      await el.stop();
    }
  });

  it('interactive steps, paused and offered tours, checklists: hints, fixes, screen names, offer titles, entries', async () => {
    const text = (t: string | undefined, max: number) => (t ?? 'x').slice(0, max).trim() || 'x';
    // About 48 payloads a round, dealt to the six fields and cut at each field's schema limit (a longer one makes
    // the pack invalid, which the fuzz tests cover): some 20 rounds, each waiting a second for its hint.
    for (const [i, batch] of batches(corpus.payloads, 48).entries()) {
      const deal = (k: number) => batch.filter((_, j) => j % 6 === k).join(' ');
      const [hint, fix, screenName, title, entryTitle, description] = [0, 1, 2, 3, 4, 5].map(deal);
      sessionStorage.removeItem('ehr-guide:session');
      const pack = {
        format: 'ehr-guide-pack/1', id: `xss.learning-${i}`, version: '1.0.0', title: 'x', locale: 'en',
        items: [
          { kind: 'tour', id: `xss.it-${i}`, version: '1.0.0', title: text(title, 200), reviewBy: '2030-01-01', body: 'x', unsolicited: false, steps: [{ selector: `#f${i}`, title: 'x', body: `MARK${i}`, action: { on: 'select', hint: text(hint, 500), hintAfterSeconds: 1 }, check: { value: '^never$', fix: text(fix, 1000) } }, { selector: `#f${i}`, title: 'x', body: 'x', screen: 'elsewhere', screenName: text(screenName, 100) }] },
          { kind: 'tour', id: `xss.offer-${i}`, version: '1.0.0', title: text(title, 200), reviewBy: '2030-01-01', body: 'x', when: { firstVisit: true, workflow: ['here'] }, steps: [{ selector: `#f${i}`, title: 'x', body: 'x' }] },
          { kind: 'checklist', id: `xss.list-${i}`, version: '1.0.0', title: text(title, 200), reviewBy: '2030-01-01', body: 'x', entries: [{ id: 'a', item: `xss.it-${i}`, title: text(entryTitle, 200) }, { id: 'b', title: text(entryTitle, 200), description: text(description, 1000) }] },
        ],
      };
      const page = await fixture<EhrGuide>(html`<ehr-guide .storage=${memoryStorage()} workflow="here" .policy=${{ minIntervalMs: 0 }}><select id=${`f${i}`}><option value="">-</option><option value="a">a</option></select>
        <ehr-tour id="it" item=${`xss.it-${i}`} no-offer></ehr-tour><ehr-tour id="offer" item=${`xss.offer-${i}`}></ehr-tour><ehr-checklist item=${`xss.list-${i}`}></ehr-checklist></ehr-guide>`);
      page.engine.addPack(pack);
      const offer = page.querySelector<EhrTour>('#offer')!;
      const list = page.querySelector('ehr-checklist')!;
      await until(() => !!offer.shadowRoot?.querySelector('[part="offer"]') && !!list.shadowRoot?.querySelector('[part="progress-text"]'), `round ${i}: offer and checklist`, 5000);
      check(offer);
      check(list);
      const tour = page.querySelector<EhrTour>('#it')!;
      await tour.start({ focus: false });
      await until(() => shown(tour).includes(`MARK${i}`) && !!tour.shadowRoot!.querySelector('[part="hint"]'), `round ${i}: hint`, 5000);
      const select = page.querySelector<HTMLSelectElement>(`#f${i}`)!; // earlier rounds' pages stay until the test ends
      select.value = 'a';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await until(() => !!tour.shadowRoot!.querySelector('[part="fix"]'), `round ${i}: fix`, 5000);
      check(tour);
      tour.shadowRoot!.querySelector<HTMLButtonElement>('[part="skip-button"]')!.click();
      await until(() => !!tour.shadowRoot!.querySelector('[part="paused"]'), `round ${i}: paused`, 5000);
      check(tour);
      await tour.stop();
    }
  });

  it('<ehr-lesson>: title, body, prompts, options, feedback and explanations, after answering', async () => {
    for (const [i, batch] of batchesWithin(corpus.payloads, 30).entries()) {
      const t = (k: number) => (batch[k % batch.length] ?? 'x').slice(0, 190).trim() || 'x';
      const questions = [0, 1, 2].map((q) => ({
        id: `q${q}`,
        prompt: t(q * 8 + 1),
        type: 'single',
        options: [0, 1, 2].map((o) => ({ id: `o${o}`, text: t(q * 8 + 2 + o * 2), correct: o === 0, feedback: t(q * 8 + 3 + o * 2) })),
        explanation: t(q * 8 + 8),
      }));
      const lesson = { kind: 'lesson', id: `xss.lesson-${i}`, version: '1.0.0', title: t(0), reviewBy: '2030-01-01', body: [`MARK${i}`, ...batch].join('\n\n'), passMark: 1, questions };
      const el = await fixture<HTMLElement>(html`<ehr-lesson .lesson=${lesson}></ehr-lesson>`);
      await until(() => shown(el).includes(`MARK${i}`), `lesson ${i} shown`, 5000);
      for (const q of root(el).querySelectorAll('fieldset')) q.querySelectorAll<HTMLInputElement>('input')[1]?.click();
      root(el).querySelector<HTMLButtonElement>('[part="check-button"]')!.click();
      await until(() => !!root(el).querySelector('[part="result"]'), `lesson ${i} graded`, 5000);
      check(el);
    }
  });

  it('<ehr-help-panel> over a pack: every item title listed, every body opened', async () => {
    const page = await fixture<HTMLElement>(html`<div><ehr-guide .storage=${memoryStorage()} user-role="physician"><ehr-help-panel></ehr-help-panel></ehr-guide></div>`);
    const guide = page.querySelector('ehr-guide') as EhrGuide;
    await guide.packsLoaded;
    const panel = page.querySelector('ehr-help-panel')!;
    for (const [i, batch] of batchesWithin(corpus.payloads, 40).entries()) {
      const items = batch.map((body, k) => ({ kind: 'tip', id: `xss.tip-${i}-${k}`, version: '1.0.0', title: `M${i}.${k} ${body.slice(0, 150)}`.trim(), reviewBy: '2030-01-01', body: body.slice(0, 20000) }));
      const result = guide.engine.addPack({ format: 'ehr-guide-pack/1', id: `xss-${i}`, version: '1.0.0', title: 'Hostile', locale: 'en', items }, `xss-${i}`);
      expect(JSON.stringify(result.errors).slice(0, 500)).to.equal('[]');
      guide.setContext({ patient: { resourceType: 'Patient', id: 'p' }, resources: {} });
      await until(() => shown(panel).includes(`M${i}.${batch.length - 1}`), `help panel round ${i} listed`, 5000);
      for (const entry of root(panel).querySelectorAll<HTMLButtonElement>('[part="item"]')) {
        entry.click();
        await frames(1);
      }
      await frames(2);
      check(panel);
      guide.engine.removePack(`xss-${i}`);
    }
  });

  it('<ehr-model-facts> and <ehr-ai-explainer>: every text field of a model card, FHIR strings and facts-href', async () => {
    const cards = ((await (await fetch('/packs/model-cards.json')).json()) as { modelCards: Record<string, unknown>[] }).modelCards;
    // Card sources must be URLs (the schema checks); the hostile ones that parse as URLs go there.
    const parseable = HOSTILE_URLS.filter((u) => URL.canParse(u));
    let round = 0;
    for (let offset = 0; offset < corpus.payloads.length; offset += 60, round++) {
      const slice = corpus.payloads.slice(offset, offset + 60);
      const card = poison(cards[round % cards.length], slice, parseable.slice(round % parseable.length), { limits: { units: 55, label: 95, period: 95 } });
      const resource = poison(
        { resourceType: 'RiskAssessment', id: 'ra', status: 'final', method: { text: 'm' }, basis: [{ display: 'b' }], note: [{ text: 'n' }], prediction: [{ outcome: { text: 'o' }, rationale: 'r', extension: [{ url: MODEL_SCORE_EXTENSION, valueDecimal: 7 }] }] },
        slice.slice(20),
        HOSTILE_URLS,
        { keep: ['valueDecimal'] },
      );
      (resource as { prediction: { extension: { url: string }[] }[] }).prediction[0].extension[0].url = MODEL_SCORE_EXTENSION;
      const href = HOSTILE_URLS[round % HOSTILE_URLS.length];
      const page = await fixture<HTMLElement>(html`<div>
        <ehr-model-facts .card=${card}></ehr-model-facts>
        <ehr-ai-explainer expanded score="7" facts-href=${href} .card=${card} .resource=${resource}></ehr-ai-explainer>
      </div>`);
      const facts = page.querySelector('ehr-model-facts')!;
      const explainer = page.querySelector('ehr-ai-explainer')!;
      await until(() => shown(facts).length > 200 && shown(explainer).length > 50, `model card round ${round} shown`, 5000);
      for (const d of root(facts).querySelectorAll('details')) d.open = true;
      await frames(2);
      check(facts);
      check(explainer);
    }
    expect(round).to.be.above(10);
  });
});
