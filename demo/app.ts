// The demo EHR: a host page that knows nothing of ehr-guide except its tags and events. It renders synthetic
// Synthea patients (patient list → chart with banner, problems, medications, results, order entry, an AI risk
// badge, the AI output explained and the CDS cards of a patient-view hook) and drops ehr-guide elements into its
// screens; the <ehr-guide> around them decides what applies to this patient, user and moment. The page runs under
// a strict CSP with Trusted Types, so it builds DOM with createElement and textContent only.

import type {} from '../src/define/ehr-tip.js';
import type {} from '../src/define/ehr-guide.js';
import type {} from '../src/define/ehr-ai-explainer.js';
import type {} from '../src/define/ehr-cds-cards.js';
import type {} from '../src/define/ehr-tour.js';
import type {} from '../src/define/ehr-checklist.js';
import type {} from '../src/define/ehr-ai-badge.js';

const MODEL_SCORE_EXTENSION = 'https://ehr-guide.dev/fhir/StructureDefinition/model-score';


type Resource = { resourceType: string; id?: string; [key: string]: unknown };
type Bundle = { entry?: Array<{ resource: Resource }> };
interface Coding { system?: string; code?: string; display?: string }
interface CodeableConcept { text?: string; coding?: Coding[] }

interface Chart {
  id: string;
  /** The FHIR record, handed to <ehr-guide> as context. */
  patient: Resource;
  resources: Record<string, Resource[]>;
  name: string;
  gender: string;
  birthDate: string;
  age: number;
  allergies: string[];
  problems: string[];
  medications: string[];
  labs: Array<{ name: string; value: number; unit: string; date: string; low?: number; high?: number }>;
}

// Reference ranges for flagging (adult, common units); Synthea does not ship them.
const RANGES: Record<string, { low: number; high: number }> = {
  '6298-4': { low: 3.5, high: 5.1 }, // potassium mmol/L
  '2947-0': { low: 136, high: 145 }, // sodium mmol/L
  '38483-4': { low: 0.7, high: 1.3 }, // creatinine mg/dL
  '33914-3': { low: 60, high: 200 }, // eGFR mL/min/1.73m2
  '2339-0': { low: 70, high: 99 }, // glucose mg/dL
  '4548-4': { low: 4, high: 5.6 }, // HbA1c %
  '718-7': { low: 13.5, high: 17.5 }, // haemoglobin g/dL (adult male range; a demo simplification)
  '6690-2': { low: 4.5, high: 11 }, // leukocytes 10*3/uL
  '777-3': { low: 150, high: 400 }, // platelets 10*3/uL
  '18262-6': { low: 0, high: 130 }, // LDL mg/dL
  '39156-5': { low: 18.5, high: 30 }, // BMI kg/m2
};

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean | undefined> = {}, ...children: Array<Node | string | null | undefined | false>): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

function text(concept: unknown): string {
  const c = concept as CodeableConcept | undefined;
  return c?.text ?? c?.coding?.[0]?.display ?? 'Unnamed';
}

function ageOn(birthDate: string, today = new Date()): number {
  const b = new Date(birthDate);
  let age = today.getFullYear() - b.getFullYear();
  if (today.getMonth() < b.getMonth() || (today.getMonth() === b.getMonth() && today.getDate() < b.getDate())) age--;
  return age;
}

function toChart(bundle: Bundle): Chart {
  const resources = (bundle.entry ?? []).map((e) => e.resource);
  const of = (type: string) => resources.filter((r) => r.resourceType === type);
  const patient = of('Patient')[0] as Resource & { name?: Array<{ given?: string[]; family?: string }>; gender?: string; birthDate?: string };
  const name = patient.name?.[0];
  const active = (r: Resource) => ((r.clinicalStatus as CodeableConcept | undefined)?.coding?.[0]?.code ?? 'active') === 'active';
  const latest = new Map<string, Chart['labs'][number]>();
  for (const obs of of('Observation') as Array<Resource & { code?: CodeableConcept; valueQuantity?: { value?: number; unit?: string }; effectiveDateTime?: string }>) {
    const code = obs.code?.coding?.[0]?.code;
    if (!code || !RANGES[code] || typeof obs.valueQuantity?.value !== 'number') continue;
    const date = obs.effectiveDateTime ?? '';
    const previous = latest.get(code);
    if (!previous || previous.date < date) {
      latest.set(code, { name: text(obs.code), value: obs.valueQuantity.value, unit: obs.valueQuantity.unit ?? '', date, ...RANGES[code] });
    }
  }
  // An order that names a Medication resource (as many EHRs send it): the Medication's code names the drug.
  const medicationOf = (m: Resource) => {
    const reference = (m.medicationReference as { reference?: string } | undefined)?.reference ?? '';
    return of('Medication').find((med) => reference.endsWith(`Medication/${med.id}`))?.code;
  };
  const birthDate = patient.birthDate ?? '';
  const byType: Record<string, Resource[]> = {};
  for (const r of resources) if (r.resourceType !== 'Patient') (byType[r.resourceType] ??= []).push(r);
  return {
    id: patient.id ?? '',
    patient,
    resources: byType,
    name: `${(name?.given ?? []).join(' ').replace(/\d+/g, '')} ${(name?.family ?? '').replace(/\d+/g, '')}`.trim(),
    gender: patient.gender ?? 'unknown',
    birthDate,
    age: ageOn(birthDate),
    allergies: of('AllergyIntolerance').map((a) => text(a.code)),
    problems: [...new Set(of('Condition').filter(active).map((c) => text(c.code)))],
    medications: [...new Set(of('MedicationRequest').filter((m) => m.status === 'active').map((m) => text(m.medicationCodeableConcept ?? medicationOf(m))))],
    labs: [...latest.values()],
  };
}

// ——— Patient-level guidance: every callout the packs offer; the engine shows the ones that apply ———

const PATIENT_CALLOUTS = ['orders.anticoagulant-older-adult', 'orders.older-adult-opioid', 'results.thiazide-electrolytes', 'results.metformin-renal', 'ai.automation-bias'];

// ——— An AI output rendered by a vendor widget inside an open shadow root ———

class DemoAiRisk extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = new CSSStyleSheet();
    style.replaceSync(`:host{display:inline-block} button{font:inherit;border:1px solid #b4541a;color:#7a3410;background:#fff4ec;border-radius:14px;padding:2px 10px;cursor:pointer}`);
    root.adoptedStyleSheets = [style];
    const button = document.createElement('button');
    button.className = 'score';
    button.type = 'button';
    root.append(button);
  }
  set score(value: number) {
    const button = this.shadowRoot!.querySelector('button')!;
    button.textContent = `Deterioration index: ${value} / 100 (synthetic)`;
  }
  set label(value: string) {
    this.shadowRoot!.querySelector('button')!.textContent = value;
  }
}
customElements.define('demo-ai-risk', DemoAiRisk);

/** A deterministic, clearly synthetic score for the demo badge: not a model, only something to explain. */
function syntheticScore(chart: Chart): number {
  const abnormal = chart.labs.filter((l) => (l.low !== undefined && l.value < l.low) || (l.high !== undefined && l.value > l.high)).length;
  return Math.min(95, 12 + Math.max(0, chart.age - 40) + abnormal * 9 + chart.problems.length * 3);
}

// ——— Rendering ———

/** The ambient scribe (an AI Device, AI Transparency on FHIR's AIDevice) that drafted today's note. */
const SCRIBE = {
  resourceType: 'Device',
  id: 'demo-ambient-scribe',
  type: { coding: [{ system: 'http://hl7.org/fhir/uv/aitransparency/CodeSystem/AIdeviceTypeCS', code: 'Artificial-Intelligence' }] },
  extension: [{ url: 'http://hl7.org/fhir/uv/aitransparency/StructureDefinition/aitransparency.AIKind', valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/uv/aitransparency/CodeSystem/AIdeviceTypeCS', code: 'Large-Language-Models' }] } }],
  deviceName: [{ name: 'DemoScribe', type: 'user-friendly-name' }],
  manufacturer: 'Example Ambient AI (training example)',
  version: [{ value: '2.4' }],
};

/**
 * Today's progress note, drafted by the ambient scribe and not yet verified: labelled AIAST and with its
 * Provenance, as AI Transparency on FHIR records it; <ehr-ai-badge> marks it and says what to check.
 */
function aiDraftedNote(chart: Chart): HTMLElement {
  const today = new Date().toISOString();
  const noteText = `${chart.name}, ${chart.age}: seen today. Problems reviewed: ${chart.problems.slice(0, 3).join('; ') || 'none active'}. Medications reviewed: ${chart.medications.slice(0, 3).join('; ') || 'none'}. Plan: continue current treatment; recheck at the next visit.`;
  const note = { resourceType: 'DocumentReference', id: `ai-note-${chart.id}`, meta: { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'AIAST' }] }, status: 'current', docStatus: 'preliminary', type: { coding: [{ system: 'http://loinc.org', code: '11506-3', display: 'Progress note' }] }, date: today };
  const provenance = { resourceType: 'Provenance', id: `ai-note-${chart.id}-provenance`, target: [{ reference: `DocumentReference/${note.id}` }], recorded: today, reason: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'AIAST' }] }], agent: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'author' }] }, role: [{ coding: [{ system: 'http://hl7.org/fhir/uv/aitransparency/CodeSystem/AIdeviceTypeCS', code: 'Artificial-Intelligence' }] }], who: { reference: `Device/${SCRIBE.id}` } }] };
  const badge = document.createElement('ehr-ai-badge');
  badge.resource = note as never;
  badge.related = [provenance, SCRIBE] as never;
  return h('section', { class: 'card', 'aria-labelledby': 'note-h' }, h('h2', { id: 'note-h' }, 'Progress note (draft) ', badge), h('p', {}, noteText));
}

function renderChart(chart: Chart): HTMLElement {
  const flagged = (l: Chart['labs'][number]) => (l.low !== undefined && l.value < l.low ? 'L' : l.high !== undefined && l.value > l.high ? 'H' : '');
  const labRows = chart.labs.map((l, i) => {
    const flag = flagged(l);
    const value = h('span', { class: flag ? 'flag' : undefined, id: flag ? `lab-flag-${i}` : undefined, tabindex: flag ? '0' : undefined }, `${l.value.toFixed(1)} ${l.unit}${flag ? ` ${flag}` : ''}`);
    return h('tr', {}, h('td', {}, l.name), h('td', {}, value), h('td', {}, `${l.low}–${l.high}`), h('td', {}, l.date.slice(0, 10)));
  });
  const risk = document.createElement('demo-ai-risk') as DemoAiRisk;
  risk.score = syntheticScore(chart);
  // The model output the EHR holds for this patient (a RiskAssessment in the sandbox's FHIR server), explained
  // in place by <ehr-ai-explainer>: the engine of the surrounding <ehr-guide> finds its model card in the packs.
  const explainer = document.createElement('ehr-ai-explainer');
  fetch(`/__ehr/risk?patient=${encodeURIComponent(chart.id)}`)
    .then((r) => (r.ok ? r.json() : null))
    .then((ra: { prediction?: Array<{ extension?: Array<{ url: string; valueDecimal?: number }> }> } | null) => {
      const score = ra?.prediction?.[0]?.extension?.find((e) => e.url === MODEL_SCORE_EXTENSION)?.valueDecimal;
      if (typeof score === 'number') risk.label = `Deterioration index: ${score} / 100 (synthetic model output)`;
      if (ra) explainer.resource = ra;
    })
    .catch(() => undefined);
  // Decision support: the EHR calls its CDS services at patient-view and shows their cards with <ehr-cds-cards>.
  const cards = document.createElement('ehr-cds-cards');
  cards.setAttribute('heading-level', '3');
  fetch('/cds-services/ehr-guide-sepsis', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ hook: 'patient-view', hookInstance: crypto.randomUUID(), context: { patientId: chart.id, userId: 'Practitioner/dr-demo' } }) })
    .then(async (r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      cards.show('ehr-guide-sepsis', await r.json(), { cdsServiceUrl: '/cds-services/ehr-guide-sepsis' });
    })
    // Down, failing or not JSON: a quiet line in place of the cards; the chart works on.
    .catch(() => cards.unavailable('ehr-guide-sepsis', 'the sepsis service'));

  const orderStatus = h('span', { class: 'status', role: 'status' });
  // On request: the clinician asks for the order-entry tour (a pack item) from the form's heading.
  const tourButton = h('button', { type: 'button', id: 'order-tour', class: 'link-button' }, 'Take the tour');
  tourButton.addEventListener('click', () => void (tourButton.closest('section')!.querySelector('ehr-tour') as HTMLElementTagNameMap['ehr-tour']).start());
  const form = h(
    'form',
    { class: 'orders', id: 'order-form' },
    h('label', { for: 'order-med' }, 'Medication'),
    h('input', { id: 'order-med', name: 'med', value: chart.medications[0] ?? '', autocomplete: 'off' }),
    h('label', { for: 'order-freq' }, 'Frequency'),
    h('select', { id: 'order-freq', name: 'freq' }, h('option', {}, 'Once daily'), h('option', {}, 'Twice daily'), h('option', {}, 'Every 8 hours')),
    h('div', { class: 'actions' }, h('button', { class: 'primary', id: 'sign-order', type: 'submit' }, 'Sign order'), orderStatus),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    orderStatus.textContent = `Signed at ${new Date().toLocaleTimeString()}`;
  });

  const view = h(
    'div',
    {},
    h(
      'section',
      { class: 'banner', 'aria-label': 'Patient banner' },
      h('span', { class: 'name' }, chart.name),
      h('span', {}, `${chart.gender}, ${chart.age} y (DOB ${chart.birthDate})`),
      h('span', { class: chart.allergies.length ? 'allergy' : undefined }, chart.allergies.length ? `Allergies: ${chart.allergies.join(', ')}` : 'No known allergies'),
      h('span', { id: 'ai-risk' }, risk),
      h('button', { type: 'button', id: 'open-app', class: 'link-button' }, 'Open ehr-guide (SMART app)'),
    ),
    h('div', { class: 'guidance' }, ...PATIENT_CALLOUTS.map((item) => h('ehr-tip', { item }))),
    h(
      'div',
      { class: 'grid' },
      h('section', { class: 'card', 'aria-labelledby': 'problems-h' }, h('h2', { id: 'problems-h' }, 'Active problems'), h('ul', {}, ...chart.problems.map((p) => h('li', {}, p)))),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'meds-h' },
        h('h2', { id: 'meds-h' }, 'Medications ', h('button', { type: 'button', id: 'med-rec', class: 'link-button' }, 'Reconcile')),
        h('ul', {}, ...(chart.medications.length ? chart.medications.map((m) => h('li', {}, m)) : [h('li', {}, 'No active medications')])),
      ),
      h('section', { class: 'card', 'aria-labelledby': 'results-h' }, h('h2', { id: 'results-h' }, 'Latest results'), h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Test'), h('th', { scope: 'col' }, 'Value'), h('th', { scope: 'col' }, 'Range'), h('th', { scope: 'col' }, 'Date'))), h('tbody', {}, ...labRows))),
      h('section', { class: 'card', 'aria-labelledby': 'orders-h' }, h('h2', { id: 'orders-h' }, 'Order entry ', tourButton), form, h('ehr-tour', { item: 'tour.order-entry' })),
    ),
    h('section', { class: 'card ai', 'aria-labelledby': 'ai-h' }, h('h2', { id: 'ai-h' }, 'AI outputs and decision support'), explainer, cards),
    aiDraftedNote(chart),
  );

  // Tips over the EHR's own screens, each naming a pack item; the pack says where it anchors (#sign-order, .flag,
  // #med-rec, and the AI badge inside the vendor widget's shadow root) and how it presents itself.
  for (const item of ['orders.sign-check', 'results.abnormal-flag', 'medrec.start', 'ai.reading-a-score']) view.append(h('ehr-tip', { item }));
  form.addEventListener('focusin', () => setWorkflow('order-select'));
  // A real EHR launch: the EHR records the context, then opens the registered app in its app frame.
  const openApp = async (extra: Record<string, unknown> = {}) => {
    const user = { physician: 'Practitioner/dr-demo', resident: 'Practitioner/dr-demo', nurse: 'Practitioner/rn-demo', pharmacist: 'Practitioner/rph-demo' }[roleSelect.value] ?? 'Practitioner/dr-demo';
    const response = await fetch('/__ehr/launch', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ patient: chart.id, user, ...extra }) });
    const { launch, iss } = (await response.json()) as { launch: string; iss: string };
    const frame = document.getElementById('app-frame') as HTMLIFrameElement;
    frame.src = `/app/launch.html?${new URLSearchParams({ iss, launch })}`;
    frame.closest('aside')!.hidden = false;
  };
  view.querySelector('#open-app')!.addEventListener('click', () => void openApp());
  // Clicking the AI output launches the app with it in fhirContext, to explain that very output.
  risk.addEventListener('click', () => void openApp({ fhirContext: [{ reference: `RiskAssessment/deterioration-${chart.id}` }], intent: 'explain-risk' }));
  // A card's SMART link: the EHR (only it can) makes a launch with the card's context and opens the app.
  cards.launchSmartLink = () => openApp({ fhirContext: [{ reference: `RiskAssessment/sepsis-${chart.id}` }], intent: 'explain-risk' });
  form.addEventListener('submit', () => {
    setWorkflow('order-sign'); // a critical point: the fatigue guard keeps everything unsolicited away
    setTimeout(() => setWorkflow('patient-view'), 1500);
  });
  return view;
}

// ——— Host analytics: what the host receives from ehr-guide's events ———

const log = document.getElementById('event-log')!;
const guide = document.querySelector('ehr-guide')!;
// Demo settings: relaxed so each patient's guidance shows as soon as their chart opens. The protective defaults
// (one new tip a minute, six a session) are what a production page gets without this line.
guide.policy = { minIntervalMs: 0, maxNewAtOnce: 3, sessionBudget: 30 };
// This hospital's prevalence of each model's outcome, as a site configures it once (demo figures): every
// explainer recomputes what a flag means here with it.
guide.localPrevalence = { 'example-deterioration-index': 0.06, 'example-sepsis-model': 0.04 };

function setWorkflow(point: string): void {
  if (guide.workflow !== point) guide.workflow = point;
  document.getElementById('workflow')!.textContent = point;
}

for (const type of ['ehr-tip-show', 'ehr-tip-hide', 'ehr-tip-dismiss', 'ehr-problem', 'ehr-guide-match', 'ehr-guide-suppressed', 'ehr-ai-feedback', 'ehr-cds-card-action', 'ehr-guide-open-item', 'ehr-lesson-complete', 'ehr-tour-start', 'ehr-tour-end', 'ehr-tour-pause', 'ehr-tour-action', 'ehr-checklist-change'] as const) {
  document.addEventListener(type, (event) => {
    const detail = (event as CustomEvent).detail as Record<string, unknown>;
    if (type === 'ehr-guide-suppressed' && detail.reason === 'not-on-page') return; // noise: items of other screens
    const line = h('li', {}, `${type.replace('ehr-', '')} ${JSON.stringify(detail)}`);
    log.prepend(line);
    while (log.children.length > 40) log.lastElementChild!.remove();
  });
}

document.getElementById('reset-tips')!.addEventListener('click', () => {
  // Forget this device's progress and session (a training-environment control), then start over.
  for (const key of Object.keys(localStorage)) if (key.startsWith('ehr-guide:')) localStorage.removeItem(key);
  sessionStorage.removeItem('ehr-guide:session');
  location.reload();
});

// The demo's "signed in as" survives a reload for this tab (a real EHR knows who signed in; the demo remembers it).
const ROLE_KEY = 'demo-ehr:role';
const roleSelect = document.getElementById('user-role') as HTMLSelectElement;
const savedRole = sessionStorage.getItem(ROLE_KEY);
if (savedRole && [...roleSelect.options].some((option) => option.value === savedRole)) {
  roleSelect.value = savedRole;
  guide.userRole = savedRole as typeof guide.userRole;
}
roleSelect.addEventListener('change', () => {
  guide.userRole = roleSelect.value as typeof guide.userRole;
  sessionStorage.setItem(ROLE_KEY, roleSelect.value);
});

async function main(): Promise<void> {
  const list = document.getElementById('patient-list')!;
  const chartEl = document.getElementById('chart')!;
  const urls = (await (await fetch('/demo/patients.json')).json()) as string[];
  const charts = await Promise.all(urls.map(async (url) => toChart((await (await fetch(url)).json()) as Bundle)));
  list.replaceChildren();
  for (const chart of charts) {
    const button = h('button', { type: 'button', 'data-patient': chart.id }, chart.name, h('small', {}, `${chart.age} y · ${chart.problems.slice(0, 2).join(', ') || 'no active problems'}`));
    button.addEventListener('click', () => {
      list.querySelectorAll('button').forEach((b) => b.setAttribute('aria-current', String(b === button)));
      // Context first (whose chart, which resources), then the screen: tips render against the new patient.
      const dropped = Object.keys(guide.engine.context.resources).filter((type) => !(type in chart.resources));
      guide.setContext({ patient: chart.patient as never, resources: { ...chart.resources, ...Object.fromEntries(dropped.map((t) => [t, null])) } as never });
      setWorkflow('patient-view');
      chartEl.replaceChildren(renderChart(chart));
    });
    list.append(h('li', {}, button));
  }
  const wanted = new URLSearchParams(location.search).get('patient');
  (list.querySelector<HTMLButtonElement>(`button[data-patient="${CSS.escape(wanted ?? '')}"]`) ?? list.querySelector('button'))?.click();
}

main().catch((error: Error) => {
  document.getElementById('chart')!.replaceChildren(h('p', { class: 'empty' }, `The demo could not load its patients: ${error.message}`));
});
