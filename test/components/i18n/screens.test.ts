import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import '../../../src/define/ehr-guide.js';
import '../../../src/define/ehr-tip.js';
import '../../../src/define/ehr-tour.js';
import '../../../src/define/ehr-lesson.js';
import '../../../src/define/ehr-help-panel.js';
import '../../../src/define/ehr-ai-explainer.js';
import '../../../src/define/ehr-model-facts.js';
import '../../../src/define/ehr-cds-cards.js';
import '../../../src/define/ehr-ai-badge.js';
import type { EhrGuide } from '../../../src/components/guide/guide.js';
import type { EhrTip } from '../../../src/components/tip/tip.js';
import type { EhrTour } from '../../../src/components/tour/tour.js';
import { memoryStorage } from '../../../src/core/progress/storage.js';
import { frames, settleAnimations, until } from '../../helpers.js';

/**
 * Every element in English, in Spanish and right to left, as screenshots compared with the committed ones
 * (test/screenshots/), and right to left checked by geometry too: what is placed at the end of a control sits on
 * its left, close buttons at the inline end, the icon array filling from the reading start.
 */
const MODES = [
  { name: 'en', lang: 'en', dir: 'ltr' },
  { name: 'es', lang: 'es', dir: 'ltr' },
  { name: 'rtl', lang: 'ar', dir: 'rtl' },
] as const;

const TOUR = {
  kind: 'tour',
  id: 'tour.screens',
  version: '1.0.0',
  title: 'Order entry',
  reviewBy: '2099-12-31',
  body: 'b',
  steps: [
    { selector: '.t-drug', title: 'Medication', body: 'Search by generic name.' },
    { selector: '.t-sign', title: 'Sign', body: 'Signing sends the order to **pharmacy**.' },
  ],
  translations: { es: { steps: [{ title: 'Medicamento', body: 'Busque por el nombre genérico.' }, { title: 'Firmar', body: 'Al firmar, la orden pasa a **farmacia**.' }] } },
};
const LESSON = {
  kind: 'lesson',
  id: 'lesson.screens',
  version: '1.0.0',
  title: 'PPV in two minutes',
  reviewBy: '2099-12-31',
  durationMinutes: 2,
  passMark: 1,
  body: 'PPV depends on **prevalence**.',
  questions: [{ id: 'q1', prompt: 'Prevalence falls. PPV…', type: 'single', options: [{ id: 'a', text: 'rises' }, { id: 'b', text: 'falls', correct: true }] }],
};
const CDS = {
  cards: [
    { uuid: 'c1', summary: 'Warfarin and aspirin together', indicator: 'warning', source: { label: 'Pharmacy rules' }, suggestions: [{ label: 'Stop aspirin', uuid: 's1', isRecommended: true }], overrideReasons: [{ code: 'benefit', display: 'Benefit outweighs risk' }] },
    { uuid: 'c2', summary: 'Renal dosing advised', indicator: 'info', source: { label: 'Renal service' } },
  ],
};

const rect = (el: Element) => el.getBoundingClientRect();
const part = (host: Element, name: string) => host.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

describe('screenshots in English, Spanish and right to left', function () {
  this.timeout(60000);
  let cards: Array<{ id: string }>;
  before(async () => {
    await setViewport({ width: 900, height: 900 });
    await emulateMedia({ reducedMotion: 'reduce' });
    cards = (await (await fetch('/packs/model-cards.json')).json()).modelCards;
  });
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));
  beforeEach(() => localStorage.clear());

  for (const mode of MODES) {
    const stage = (content: unknown, height = 320) => fixture<HTMLElement>(html`<div class="stage" lang=${mode.lang} dir=${mode.dir} style="width: 860px; height: ${height}px; padding: 16px; box-sizing: border-box; background: white; color: black; font: 14px/1.4 sans-serif; overflow: hidden">${content}</div>`);

    it(`<ehr-tip> (${mode.name}): a beacon's popup placed at the control's end, and a callout`, async () => {
      const page = await stage(html`<p><button class="s-anchor">Sign order</button></p>
        <ehr-tip anchor=".stage .s-anchor" placement="right" tip-id="screens.tip" heading=${mode.name === 'es' ? 'Antes de firmar' : 'Before you sign'} markdown="**Dose**, route, frequency."></ehr-tip>
        <div style="margin-top: 140px"><ehr-tip variant="callout" open tip-id="screens.callout" heading="Reconciliation" markdown="Compare each home medication."></ehr-tip></div>`);
      const [beacon, callout] = [...page.querySelectorAll('ehr-tip')] as EhrTip[];
      await beacon.show();
      await until(() => part(beacon, 'panel').matches(':popover-open') && Boolean(part(beacon, 'panel').dataset.placement), 'the popup is placed');
      await frames(3);
      await settleAnimations(beacon);
      const anchor = rect(page.querySelector('.s-anchor')!);
      const panel = rect(part(beacon, 'panel'));
      if (mode.dir === 'rtl') {
        expect(part(beacon, 'panel').dataset.placement).to.equal('left');
        expect(panel.right).to.be.at.most(anchor.left);
        expect(rect(part(beacon, 'beacon')).right).to.be.at.most(anchor.left + 1); // the beacon at the control's end too
        expect(rect(part(callout, 'close-button')).left).to.be.below(rect(part(callout, 'heading')).left); // close at the inline end
      } else {
        expect(part(beacon, 'panel').dataset.placement).to.equal('right');
        expect(panel.left).to.be.at.least(anchor.right);
      }
      await visualDiff(page, `tip-${mode.name}`);
    });

    it(`<ehr-tour> (${mode.name}): step 2 with Back and Done`, async () => {
      const page = await stage(html`<p><input class="t-drug" /> <button class="t-sign">Sign</button></p><ehr-tour .tour=${TOUR}></ehr-tour>`, 300);
      const tour = page.querySelector('ehr-tour') as EhrTour;
      await tour.start({ focus: false });
      await tour.next();
      await until(() => part(tour, 'panel').matches(':popover-open') && part(tour, 'heading')?.textContent === (mode.name === 'es' ? 'Firmar' : 'Sign'), 'step 2');
      await frames(3);
      const back = rect(part(tour, 'back-button'));
      const next = rect(part(tour, 'next-button'));
      if (mode.dir === 'rtl') expect(next.right).to.be.at.most(back.left); // the forward button at the inline end
      else expect(next.left).to.be.at.least(back.right);
      expect(part(tour, 'next-button').textContent!.trim()).to.equal(mode.name === 'es' ? 'Terminar' : 'Done');
      await visualDiff(page, `tour-${mode.name}`);
      await tour.stop();
    });

    it(`<ehr-lesson> (${mode.name})`, async () => {
      const page = await stage(html`<ehr-lesson .lesson=${LESSON}></ehr-lesson>`, 360);
      const lesson = page.querySelector('ehr-lesson')!;
      await lesson.updateComplete;
      await until(() => Boolean(lesson.shadowRoot!.querySelector('.body strong')), 'the body rendered');
      const option = lesson.shadowRoot!.querySelector('.option')!;
      const input = rect(option.querySelector('input')!);
      const label = rect(option.querySelector('label')!);
      if (mode.dir === 'rtl') expect(input.left).to.be.above(label.left);
      else expect(input.left).to.be.below(label.left);
      await visualDiff(page, `lesson-${mode.name}`);
    });

    it(`<ehr-help-panel> (${mode.name})`, async () => {
      const page = await stage(html`<ehr-guide packs="/packs/ehr-skills.json /packs/ai-literacy.json" user-role="physician" workflow="patient-view" locale=${mode.lang} .storage=${memoryStorage()}><ehr-help-panel></ehr-help-panel></ehr-guide>`, 520);
      const guide = page.querySelector('ehr-guide') as EhrGuide;
      await guide.packsLoaded;
      const panel = page.querySelector('ehr-help-panel')!;
      await until(() => panel.shadowRoot!.querySelectorAll('li[data-item]').length >= 3, 'items listed', 20000); // the first run starts the FHIRPath worker
      await panel.updateComplete;
      await visualDiff(page, `help-panel-${mode.name}`);
    });

    it(`<ehr-ai-explainer> (${mode.name}): expanded, with the icon array filling from the reading start`, async () => {
      const sepsis = cards.find((c) => c.id === 'example-sepsis-model');
      const page = await stage(html`<ehr-ai-explainer expanded score="8" local-prevalence="0.02" .card=${sepsis}></ehr-ai-explainer>`, 1400);
      const explainer = page.querySelector('ehr-ai-explainer')!;
      await until(() => !explainer.shadowRoot!.textContent!.includes('…') || explainer.shadowRoot!.querySelector('.population') !== null, 'the population check ran');
      await explainer.updateComplete;
      const svg = explainer.shadowRoot!.querySelector('.icon-array svg')!;
      expect(getComputedStyle(svg).transform === 'none').to.equal(mode.dir !== 'rtl');
      await visualDiff(page, `ai-explainer-${mode.name}`);
    });

    it(`<ehr-model-facts> (${mode.name}): the top of the label`, async () => {
      const ich = cards.find((c) => c.id === 'example-ich-triage');
      const page = await stage(html`<ehr-model-facts .card=${ich}></ehr-model-facts>`, 900);
      await page.querySelector('ehr-model-facts')!.updateComplete;
      await visualDiff(page, `model-facts-${mode.name}`);
    });

    it(`<ehr-ai-badge> (${mode.name}): an AI-drafted note, opened`, async () => {
      const get = async (name: string) => (await fetch(`/test/fixtures/ai-transparency/${name}.json`)).json();
      const [note, provenance, device] = await Promise.all(['DocumentReference-ambient-note', 'Provenance-ambient-note-ai', 'Device-TheAI'].map(get));
      const page = await stage(html`<p>Progress note <ehr-ai-badge expanded .resource=${note} .related=${[provenance, device]}></ehr-ai-badge></p>`, 340);
      const aiBadge = page.querySelector('ehr-ai-badge')!;
      await aiBadge.updateComplete;
      await visualDiff(page, `ai-badge-${mode.name}`);
    });

    it(`<ehr-cds-cards> (${mode.name})`, async () => {
      const page = await stage(html`<ehr-cds-cards .response=${CDS}></ehr-cds-cards>`, 360);
      const cdsCards = page.querySelector('ehr-cds-cards')!;
      await until(() => cdsCards.shadowRoot!.querySelectorAll('[part~="card"]').length === 2, 'cards rendered');
      await visualDiff(page, `cds-cards-${mode.name}`);
    });
  }
});
