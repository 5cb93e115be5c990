import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define/ehr-guide.js';
import '../../../src/define/ehr-tip.js';
import '../../../src/define/ehr-tour.js';
import '../../../src/define/ehr-lesson.js';
import '../../../src/define/ehr-help-panel.js';
import '../../../src/define/ehr-ai-explainer.js';
import '../../../src/define/ehr-model-facts.js';
import '../../../src/define/ehr-cds-cards.js';
import type { EhrGuide } from '../../../src/components/guide/guide.js';
import type { EhrTip } from '../../../src/components/tip/tip.js';
import type { EhrModelFacts } from '../../../src/components/model-facts/model-facts.js';
import { registerMessages } from '../../../src/i18n/catalogue.js';
import { HTI1_ATTRIBUTE_NAMES, HTI1_LABELS } from '../../../src/core/models/model-card.js';
import { memoryStorage } from '../../../src/core/progress/storage.js';
import { recordEvents, until } from '../../helpers.js';

const shadowText = (el: Element) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');
const buttons = (el: Element) => [...el.shadowRoot!.querySelectorAll('button')].map((b) => (b.getAttribute('aria-label') || b.textContent || '').trim());

const pack = (items: unknown[]) => ({ format: 'ehr-guide-pack/1', id: 'i18n', version: '1.0.0', title: 'I18n', locale: 'en', items });
const tipItem = (extra: Record<string, unknown> = {}) => ({ kind: 'tip', id: 'tip.greeting', version: '1.0.0', title: 'Allergies first', reviewBy: '2099-01-01', body: 'Check the allergy list.', ...extra });
const packUrl = (items: unknown[]) => URL.createObjectURL(new Blob([JSON.stringify(pack(items))], { type: 'application/json' }));

describe('localisation', function () {
  this.timeout(20000);
  let problems: ReturnType<typeof recordEvents>;
  beforeEach(() => {
    localStorage.clear();
    problems = recordEvents(['ehr-problem']);
  });
  afterEach(() => {
    problems.stop();
    document.documentElement.lang = 'en';
  });

  it('the Spanish catalogue has every English message, and the HTI-1 labels are the rule’s', async () => {
    const en = await (await fetch('/src/i18n/messages/en.json')).json();
    const es = await (await fetch('/src/i18n/messages/es.json')).json();
    for (const [ns, messages] of Object.entries(en as Record<string, object>)) {
      if (ns.startsWith('$')) continue;
      expect(Object.keys((es as Record<string, object>)[ns]), ns).to.have.members(Object.keys(messages));
    }
    // Nothing left in English by mistake: a Spanish message equal to the English one only where the words are
    // placeholders, punctuation and the international abbreviation AUROC.
    const same = Object.entries(en as Record<string, Record<string, string>>)
      .filter(([ns]) => !ns.startsWith('$'))
      .flatMap(([ns, messages]) => Object.keys(messages).filter((k) => es[ns][k] === messages[k]).map((k) => `${ns}.${k}`));
    expect(same).to.have.members(['explainer.summaryBandOnly', 'explainer.criterion', 'explainer.auroc', 'facts.auroc']);
    for (const name of HTI1_ATTRIBUTE_NAMES) {
      const key = name === 'intendedUse' || name === 'intendedUsers' ? `${name}Attr` : name;
      expect((en.facts as Record<string, string>)[key], name).to.equal(HTI1_LABELS[name]);
      expect((es.facts as Record<string, string>)[key], name).to.not.equal(HTI1_LABELS[name]);
    }
  });

  it('a standalone element follows the nearest lang (es-MX → es), and the page’s lang when it changes', async () => {
    const page = await fixture<HTMLElement>(html`<div lang="es-MX"><ehr-tip variant="callout" open tip-id="t1" heading="Alergias" markdown="Revise la lista."></ehr-tip></div>`);
    const tip = page.querySelector('ehr-tip') as EhrTip;
    await tip.updateComplete;
    expect(buttons(tip)).to.include.members(['Cerrar consejo', 'No volver a mostrar', 'Entendido']);
    const loose = await fixture<EhrTip>(html`<ehr-tip variant="callout" open tip-id="t2" heading="Allergies"></ehr-tip>`);
    expect(buttons(loose)).to.include('Got it');
    document.documentElement.lang = 'es';
    await until(() => buttons(loose).includes('Entendido'), 'the tip follows the page');
    expect(problems.events.filter((e) => e.detail.code === 'translation-missing')).to.have.length(0);
  });

  it('an unknown locale falls back to English and is reported once; a missing message falls back and is reported once', async () => {
    await fixture(html`<div lang="fr"><ehr-tip variant="callout" open tip-id="a"></ehr-tip><ehr-tip variant="callout" open tip-id="b"></ehr-tip></div>`);
    const tips = [...document.querySelectorAll('[lang="fr"] ehr-tip')] as EhrTip[];
    await Promise.all(tips.map((t) => t.updateComplete));
    for (const t of tips) expect(buttons(t)).to.include('Got it');
    const fr = problems.events.filter((e) => e.detail.code === 'translation-missing');
    expect(fr.map((e) => e.detail.message)).to.deep.equal(['<ehr-tip> has no messages in "fr"; English is shown']);

    registerMessages('pt', 'tip', { gotIt: () => 'Entendi' });
    const pt = await fixture<HTMLElement>(html`<div lang="pt-BR"><ehr-tip variant="callout" open tip-id="c"></ehr-tip><ehr-tip variant="callout" open tip-id="d"></ehr-tip></div>`);
    const ptTips = [...pt.querySelectorAll('ehr-tip')] as EhrTip[];
    await Promise.all(ptTips.map((t) => t.updateComplete));
    for (const t of ptTips) {
      expect(buttons(t)).to.include('Entendi');
      expect(buttons(t)).to.include("Don't show again"); // never blank, never a key
    }
    const gaps = problems.events.filter((e) => e.detail.code === 'translation-missing' && e.detail.message.includes('"pt"'));
    expect(gaps.map((e) => e.detail.message)).to.include('no "pt" translation of tip.never; English is shown');
    expect(gaps.filter((e) => e.detail.message.includes('tip.never'))).to.have.length(1);
  });

  it('<ehr-guide locale> wins over the SMART launch, which wins over the page; pack items show their best translation', async () => {
    const url = packUrl([
      tipItem({
        presentation: 'callout',
        translations: { es: { title: 'Primero las alergias', body: 'Revise la lista de alergias.' }, 'es-MX': { title: 'Primero, las alergias' } },
      }),
    ]);
    const page = await fixture<HTMLElement>(html`<div lang="en">
      <ehr-guide packs=${url} .storage=${memoryStorage()}><ehr-help-panel></ehr-help-panel></ehr-guide>
    </div>`);
    const guide = page.querySelector('ehr-guide') as EhrGuide;
    await guide.packsLoaded;
    expect(guide.engine.context.locale).to.equal('en');
    // The launch says es-MX: the guide (no locale of its own) follows it.
    guide.dataSource = { load: async () => ({ locale: 'es-MX' }) };
    await until(() => guide.engine.context.locale === 'es-MX', 'the launch locale');
    const panel = page.querySelector('ehr-help-panel')!;
    await until(() => shadowText(panel).includes('Primero, las alergias'), 'the es-MX translation in the help panel');
    expect(shadowText(panel)).to.include('Ayuda para esta pantalla');
    expect(guide.engine.item('tip.greeting')!.body).to.equal('Revise la lista de alergias.'); // es-MX lacks a body: es's
    guide.locale = 'es-AR';
    await until(() => guide.engine.context.locale === 'es-AR', 'the attribute');
    expect(guide.engine.item('tip.greeting')!.title).to.equal('Primero las alergias');
    guide.locale = 'en';
    await until(() => shadowText(panel).includes('Help for this screen'), 'back to English');
    expect(guide.engine.item('tip.greeting')!.title).to.equal('Allergies first');
  });

  it('a bad translation is a pack problem with its JSON path; the rest of the pack loads', async () => {
    const url = packUrl([
      tipItem({ translations: { es: { title: 'Hola', steps: [{ title: 'x' }] } } }),
      tipItem({ id: 'tip.two', translations: { 'not a tag!': { title: 'x' } } }),
      { kind: 'tour', id: 'tour.one', version: '1.0.0', title: 'Tour', reviewBy: '2099-01-01', body: 'b', steps: [{ selector: '#a', title: 'A', body: 'a' }], translations: { es: { steps: [{ title: 'A' }, { title: 'B' }] } } },
      tipItem({ id: 'tip.ok', translations: { es: { title: 'Bien' } } }),
    ]);
    const guide = await fixture<EhrGuide>(html`<ehr-guide packs=${url} .storage=${memoryStorage()}></ehr-guide>`);
    await guide.packsLoaded;
    const paths = problems.events.filter((e) => e.detail.code === 'pack-item-invalid').map((e) => `${e.detail.path}: ${e.detail.message}`);
    expect(paths.join('\n')).to.include('$.items[0].translations["es"].steps: only a tour has steps (this is a tip)');
    expect(paths.join('\n')).to.include('$.items[1].translations');
    expect(paths.join('\n')).to.include('$.items[2].translations["es"].steps: has 2 steps; the tour has 1');
    expect(guide.engine.items.map((i) => i.id)).to.deep.equal(['tip.ok']);
  });

  it('the explainer, Model Facts and CDS cards speak Spanish, with Spanish number formats', async () => {
    const cards = (await (await fetch('/packs/model-cards.json')).json()).modelCards;
    const sepsis = cards.find((c: { id: string }) => c.id === 'example-sepsis-model');
    const page = await fixture<HTMLElement>(html`<div lang="es">
      <ehr-ai-explainer expanded score="8" local-prevalence="0.02" .card=${sepsis}></ehr-ai-explainer>
      <ehr-model-facts .card=${sepsis}></ehr-model-facts>
      <ehr-cds-cards .response=${{ cards: [{ summary: 'Revise la dosis', indicator: 'warning', source: { label: 'Farmacia' } }] }}></ehr-cds-cards>
    </div>`);
    const explainer = page.querySelector('ehr-ai-explainer')!;
    await until(() => shadowText(explainer).includes('Puntuación 8'), 'Spanish explainer');
    const text = shadowText(explainer);
    expect(text).to.include('Puntuación 8 en una escala de 0–100 (no es una probabilidad)');
    expect(text).to.include('de 100 pacientes con una alerta así, aproximadamente 4 tienen la afección y 96 no (en este hospital)');
    expect(text).to.match(/Con una prevalencia del 2\s%/); // Intl's Spanish percent: a (non-breaking) space
    expect(text).to.include('¿Está este paciente en la población prevista?');
    expect(buttons(explainer)).to.include.members(['Ocultar la explicación', 'De acuerdo', 'Anular…']);
    // The card's own content is the vendor's (English here); none of the explainer's words are.
    for (const english of ['Hide explanation', 'Against the thresholds', 'Is this patient', 'flagged like this', 'positive predictive value', 'Limits that apply', 'Before you act']) expect(text).to.not.include(english);

    const facts = page.querySelector('ehr-model-facts') as EhrModelFacts;
    await facts.updateComplete;
    const factsText = shadowText(facts);
    expect(factsText).to.include('Datos del modelo: ');
    expect(factsText).to.match(/Prevalencia del desenlace en la evaluación: 6,6\s%/);
    expect(factsText).to.match(/AUROC 0,63 \(IC del 95 %: 0,62–0,64\)/);
    for (const name of HTI1_ATTRIBUTE_NAMES) expect(factsText, name).to.not.include(HTI1_LABELS[name]);
    expect(factsText).to.include('Nombre e información de contacto del desarrollador');
    expect(factsText).to.include('publicada el 1 ene 2021'); // the release date in Spanish (Intl, medium style)

    const cds = page.querySelector('ehr-cds-cards')!;
    await until(() => shadowText(cds).includes('Advertencia'), 'Spanish card chrome');
    expect(shadowText(cds)).to.include('Fuente:');
    expect(buttons(cds)).to.include('Descartar…');
    expect(problems.events.filter((e) => e.detail.code === 'translation-missing')).to.have.length(0);
  });
});
