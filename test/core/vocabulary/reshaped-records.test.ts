// The example packs on the Synthea fixtures reshaped the way EHRs send records: medications by reference (a
// Medication of the record, by Bundle `urn:uuid:`, by absolute URL with a version, contained), coded without text,
// with a brand name as text; labs in the other LOINC code and in other units; the current encounter an inpatient
// stay or not. Every item's decision must not change with the shape, and the lab and encounter answers must follow
// the values, not the wording.
import { expect } from '@open-wc/testing';
import { GuideEngine } from '../../../src/core/engine/engine.js';
import { memoryStorage } from '../../../src/core/progress/storage.js';
import { InlineEvaluator } from '../../../src/core/triggers/inline-evaluator.js';
import { WorkerEvaluator } from '../../../src/platform/worker-evaluator.js';
import { fetchTransport } from '../../../src/platform/fetch-transport.js';
import { checkPopulation } from '../../../src/core/models/explain.js';
import { applyContext, createContext } from '../../../src/core/context/context.js';
import { evaluationData } from '../../../src/core/engine/conditions.js';
import type { FhirResource } from '../../../src/core/context/fhir-types.js';
import type { ConditionEvaluator, EvaluationData } from '../../../src/core/triggers/evaluator.js';
import { SYNTHEA, alive, loadSynthea, type Record_ } from '../engine/fixtures.js';

type Concept = { coding?: Array<{ system?: string; code?: string; display?: string }>; text?: string };
type MedRequest = FhirResource & { medicationCodeableConcept?: Concept; medicationReference?: { reference: string } };
const LOINC = 'http://loinc.org';
const DAY = 86_400_000;

/** Each reshaping of a record's medication orders, as one EHR or another sends them. */
const RESHAPES: Record<string, (record: Record_) => Record_> = {
  'coded, no text': (r) => mapOrders(r, (m, c) => ({ ...m, medicationCodeableConcept: { coding: c.coding } })),
  'a brand name as text': (r) => mapOrders(r, (m, c) => ({ ...m, medicationCodeableConcept: { coding: c.coding, text: 'Brandname 5 MG Oral Tablet' } })),
  'medicationReference to a Medication by urn:uuid (Bundle entry)': (r) => referenced(r, (id) => `urn:uuid:${id}`),
  'medicationReference by absolute URL with a version': (r) => referenced(r, (id) => `https://ehr.example/fhir/R4/Medication/${id}/_history/2`),
  'medicationReference to a contained Medication': (r) =>
    mapOrders(r, (m, c) => {
      const { medicationCodeableConcept: _drop, ...rest } = m;
      return { ...rest, contained: [{ resourceType: 'Medication', id: 'med', code: { coding: c.coding } }], medicationReference: { reference: '#med' } } as MedRequest;
    }),
  'a Medication with the drug only as an ingredient': (r) =>
    mapOrders(r, (m, c) => {
      const { medicationCodeableConcept: _drop, ...rest } = m;
      return { ...rest, contained: [{ resourceType: 'Medication', id: 'compounded', code: { text: 'Compounded product' }, ingredient: [{ itemCodeableConcept: { coding: c.coding } }] }], medicationReference: { reference: '#compounded' } } as MedRequest;
    }),
};

function mapOrders(record: Record_, change: (m: MedRequest, concept: Concept) => MedRequest): Record_ {
  const orders = (record.resources.MedicationRequest ?? []).map((m) => {
    const concept = (m as MedRequest).medicationCodeableConcept;
    return concept ? change(m as MedRequest, concept) : m;
  });
  return { ...record, resources: { ...record.resources, MedicationRequest: orders } };
}

function referenced(record: Record_, reference: (id: string) => string): Record_ {
  const medications: FhirResource[] = [];
  const reshaped = mapOrders(record, (m, c) => {
    const id = `med-${m.id}`;
    medications.push({ resourceType: 'Medication', id, code: { coding: c.coding } });
    const { medicationCodeableConcept: _drop, ...rest } = m;
    return { ...rest, medicationReference: { reference: reference(id) } } as MedRequest;
  });
  return { ...reshaped, resources: { ...reshaped.resources, Medication: medications } };
}

const observation = (id: string, code: string, value: number, unit: string, ucum: string, daysAgo: number): FhirResource => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: LOINC, code }] },
  effectiveDateTime: new Date(Date.now() - daysAgo * DAY).toISOString(),
  valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: ucum },
});
const withObservations = (record: Record_, ...obs: FhirResource[]): Record_ => ({ ...record, resources: { ...record.resources, Observation: [...(record.resources.Observation ?? []), ...obs] } });

let engine: GuideEngine;
let problems: string[];
before(async () => {
  problems = [];
  engine = new GuideEngine({ learnerId: 'reshaped', sessionId: 's', storage: memoryStorage(), transport: fetchTransport(), baseUrl: location.href, createEvaluator: () => new InlineEvaluator(), onProblem: (p) => problems.push(`${p.code}: ${p.message}`) });
  await engine.loadPacks(['/packs/ehr-skills.json', '/packs/model-cards.json']);
});
after(() => engine.dispose());

// The data as the engine hands it to its evaluator: the types the packs read, projected to the elements the
// clinical functions read where nothing else reads the type; every part under a new version.
const dataOf = (record: Record_, encounter?: FhirResource): EvaluationData =>
  evaluationData(applyContext(createContext(), { patient: record.patient, encounter, resources: record.resources }).context, () => engine.packs.valueSetMembers, engine.packs.readShape);
const ITEMS = () => engine.items.filter((i) => i.when?.conditions?.length);

/** item id → 'match' | 'no' | 'cannot tell' | 'error …' for one record. */
async function outcomes(record: Record_, evaluator: ConditionEvaluator): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const item of ITEMS()) {
    const results = await evaluator.evaluate(item.when!.conditions!, dataOf(record));
    const failed = results.find((r) => !r.ok);
    const answers = results.filter((r) => r.ok);
    out[item.id] = failed && !failed.ok ? `error ${failed.error}` : answers.every((r) => r.value) ? 'match' : answers.some((r) => !r.value && !r.unknown) ? 'no' : 'cannot tell';
  }
  return out;
}

describe('the example packs on records reshaped as EHRs send them', function () {
  this.timeout(60000);

  it('loads the packs and their value sets without a problem', () => {
    expect(problems).to.deep.equal([]);
    expect(ITEMS().length).to.be.greaterThan(3);
  });

  for (const [name, make] of [['worker', () => new WorkerEvaluator()], ['inline', () => new InlineEvaluator()]] as const) {
    it(`${name}: every item decides the same on every reshaping of every fixture, and the medication tips do match`, async () => {
      const evaluator = make();
      const records = [alive(await loadSynthea(SYNTHEA[0])), ...(await Promise.all(SYNTHEA.slice(1).map(loadSynthea)))];
      const matches = new Set<string>();
      for (const record of records) {
        const baseline = await outcomes(record, evaluator);
        for (const [id, outcome] of Object.entries(baseline)) {
          expect(outcome, `${record.name} ${id}`).not.to.match(/^error/);
          if (outcome === 'match') matches.add(id);
        }
        for (const [shape, reshape] of Object.entries(RESHAPES)) expect(await outcomes(reshape(record), evaluator), `${record.name}, ${shape}`).to.deep.equal(baseline);
      }
      // The baseline is not vacuous: an older adult on oxycodone (Chet as if alive), hydrochlorothiazide without
      // electrolytes (Joaquin), metformin with diabetes and no eGFR (Patria).
      expect([...matches].sort()).to.include.members(['orders.older-adult-opioid', 'results.metformin-renal', 'results.thiazide-electrolytes']);
      evaluator.dispose?.();
    });
  }

  it('reads the latest eGFR in either LOINC code and in any convertible unit; electrolytes in mmol/L or mEq/L', async () => {
    const evaluator = new InlineEvaluator();
    const patria = await loadSynthea(SYNTHEA[2]);
    const metformin = async (record: Record_) => (await outcomes(record, evaluator))['results.metformin-renal'];
    expect(await metformin(patria)).to.equal('match'); // no eGFR in the last year
    expect(await metformin(withObservations(patria, observation('mdrd', '33914-3', 60, 'mL/min/1.73m2', 'mL/min/{1.73_m2}', 30)))).to.equal('no');
    expect(await metformin(withObservations(patria, observation('ckdepi', '62238-1', 60, 'mL/min/1.73m2', 'mL/min/{1.73_m2}', 30)))).to.equal('no');
    // 1.5 L/h per 1.73 m² is 25 mL/min: below 45, the tip shows; the older, normal one does not count.
    expect(await metformin(withObservations(patria, observation('old', '33914-3', 70, 'mL/min/1.73m2', 'mL/min/{1.73_m2}', 90), observation('lph', '62238-1', 1.5, 'L/h/1.73m2', 'L/h/{1.73_m2}', 3)))).to.equal('match');
    // A result in a unit that is not a rate cannot say anything: cannot tell, never a silent "no".
    expect(await metformin(withObservations(patria, observation('odd', '62238-1', 60, 'mg/dL', 'mg/dL', 3)))).to.equal('cannot tell');

    const joaquin = await loadSynthea(SYNTHEA[1]);
    const thiazide = async (record: Record_) => (await outcomes(record, evaluator))['results.thiazide-electrolytes'];
    expect(await thiazide(joaquin)).to.equal('match'); // no potassium or sodium in the last year
    expect(await thiazide(withObservations(joaquin, observation('k', '6298-4', 4.2, 'mmol/L', 'mmol/L', 20), observation('na', '2947-0', 140, 'mmol/L', 'mmol/L', 20)))).to.equal('no');
    expect(await thiazide(withObservations(joaquin, observation('k', '2823-3', 3.1, 'mEq/L', 'meq/L', 20), observation('na', '2951-2', 140, 'mEq/L', 'meq/L', 20)))).to.equal('match');
    expect(await thiazide(withObservations(joaquin, observation('k', '2823-3', 4.1, 'mEq/L', 'meq/L', 20), observation('na', '2951-2', 132, 'mEq/L', 'meq/L', 20)))).to.equal('match');
  });

  it("the deterioration index's population reads the current encounter's class or type, and its status", async () => {
    const evaluator = new InlineEvaluator();
    const card = engine.modelCards.find((c) => c.id === 'example-deterioration-index')!;
    const chet = alive(await loadSynthea(SYNTHEA[0]));
    const emergency = (chet.resources.Encounter ?? []).find((e) => (e as { class?: { code?: string } }).class?.code === 'EMER')! as FhirResource & { class: object; type: Concept[]; status: string };
    const check = async (encounter?: FhirResource) => (await checkPopulation(card, dataOf(chet, encounter), evaluator)).status;
    const v3 = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
    // By class, as most EHRs say it.
    expect(await check({ ...emergency, status: 'in-progress', class: { system: v3, code: 'IMP', display: 'inpatient encounter' } })).to.equal('inside');
    expect(await check({ ...emergency, status: 'in-progress', class: { system: v3, code: 'ACUTE' } })).to.equal('inside');
    // By type only (the class in a local code system): the published Encounter Inpatient set.
    expect(await check({ ...emergency, status: 'in-progress', class: { system: 'urn:local', code: 'H' }, type: [{ coding: [{ system: 'http://snomed.info/sct', code: '32485007' }] }] })).to.equal('inside');
    // An emergency or ambulatory visit, or a finished stay, is outside; no encounter in context cannot tell.
    expect(await check({ ...emergency, status: 'in-progress' })).to.equal('outside');
    expect(await check({ ...emergency, status: 'finished', class: { system: v3, code: 'IMP' } })).to.equal('outside');
    expect(await check(undefined)).to.equal('cannot-tell');
  });
});
