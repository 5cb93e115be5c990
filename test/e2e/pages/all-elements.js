// The harness page's script: loads the built library as a plain page would (the self-contained CDN bundles in
// dist/cdn/), gives every element its content, and says when all of them have rendered (window.__harness).
import '/dist/cdn/all.js';
import '/dist/cdn/ehr-guide-report.js';

const json = async (url) => (await fetch(url)).json();
const rendered = (el) => (el.shadowRoot?.textContent ?? '').trim().length > 0;

async function run() {
  const guide = document.querySelector('ehr-guide');
  await guide.packsLoaded;
  const bundle = await json('/fixtures/synthea/Chet_Thompson_eda17701-070d-4fae-9f7d-c8cd6263b63a.json');
  const resources = {};
  for (const { resource } of bundle.entry ?? []) (resources[resource.resourceType] ??= []).push(resource);
  const patient = resources.Patient[0];
  delete resources.Patient;
  // Chet's record says he died; the harness wants a living patient.
  delete patient.deceasedDateTime;
  guide.setContext({ patient, resources });

  const cards = await json('/fixtures/cds-hooks/all-features.json');
  cards.cards[0].source.icon = 'https://evil.example/icon.png'; // a foreign icon: must not load
  document.getElementById('cards').show('harness', cards, { cdsServiceUrl: '/cds-services/ehr-guide-sepsis' });

  const explainer = document.getElementById('explainer');
  explainer.resource = {
    resourceType: 'RiskAssessment', id: 'ra-1', status: 'final', subject: { reference: `Patient/${patient.id}` },
    method: { coding: [{ system: 'https://ehr-guide.example/model-cards', code: 'example-sepsis-model' }] },
    prediction: [{ outcome: { text: 'Sepsis within 6 hours' }, extension: [{ url: 'https://ehr-guide.dev/fhir/StructureDefinition/model-score', valueDecimal: 8 }] }],
  };

  const f = async (n) => json(`/fixtures/ai-transparency/${n}.json`);
  const badge = document.getElementById('badge');
  badge.resource = await f('DocumentReference-ambient-note');
  badge.related = [await f('Provenance-ambient-note-ai'), await f('Device-TheAI')];

  const tour = document.getElementById('tour');
  await tour.start({ focus: false });
  document.getElementById('inline-tip').open = true;

  const lesson = document.getElementById('lesson');
  await new Promise((r) => setTimeout(r, 300));
  for (const q of lesson.shadowRoot.querySelectorAll('fieldset')) q.querySelector('input')?.click();
  lesson.shadowRoot.querySelector('[part="check-button"]')?.click();
  // The report reads back what the guide sent to the LRS (the lesson just answered), aggregating in its worker.
  const start0 = performance.now();
  while ((guide.engine.records.queued.length > 0 || !lesson.shadowRoot.querySelector('[part="result"]')) && performance.now() - start0 < 5000) await new Promise((r) => setTimeout(r, 50));
  const report = document.getElementById('report');
  report.setAttribute('lrs-endpoint', '/__sandbox/xapi/');
  await new Promise((r) => setTimeout(r, 0));
  await report.loaded;

  const all = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('ehr-') && el.localName !== 'ehr-guide');
  const start = performance.now();
  while (!all.every((el) => rendered(el) || el.localName === 'ehr-tip') && performance.now() - start < 10000) await new Promise((r) => setTimeout(r, 50));
  return Object.fromEntries(all.map((el) => [el.id || el.localName, rendered(el)]));
}

window.__harness = run();
