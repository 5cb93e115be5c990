import { expect } from '@open-wc/testing';
import { GuideEngine } from '../../../src/core/engine/engine.js';
import { memoryStorage } from '../../../src/core/progress/storage.js';
import { InlineEvaluator } from '../../../src/core/triggers/inline-evaluator.js';
import { WorkerEvaluator } from '../../../src/platform/worker-evaluator.js';
import { MAX_VALUE_SET_CODES, resolveValueSets, type ValueSetEntry } from '../../../src/core/vocabulary/value-sets.js';
import type { FhirResource } from '../../../src/core/context/fhir-types.js';
import type { ConditionEvaluator } from '../../../src/core/triggers/evaluator.js';
import { SYNTHEA, alive, loadSynthea } from '../engine/fixtures.js';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const LOINC = 'http://loinc.org';
// Published sets (CDC opioid CDS IG; VSAC diuretics), copied byte for byte with provenance: test/fixtures/value-sets/.
const fixture = async (name: string) => (await fetch(`/test/fixtures/value-sets/${name}`)).json();
const OPIOIDS = 'http://fhir.org/guides/cdc/opioid-cds/ValueSet/opioid-analgesics-with-ambulatory-misuse-potential';
const DIURETICS = 'http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113762.1.4.1248.170';

const entry = (e: Partial<ValueSetEntry> & { url: string }, path = '$.valueSets[0]') => ({ entry: { version: '1', provenance: 'test', ...e } as ValueSetEntry, path });

describe('value sets', () => {
  it('resolves published expansions and composed sets (include with a display filter, add with a reason, exclude)', async () => {
    const diuretics = await fixture('thiazides__ValueSet-2.16.840.1.113762.1.4.1248.170-20240118.json');
    const { sets, problems } = resolveValueSets([
      entry({ url: 'https://ehr-guide.dev/ValueSet/thiazides', compose: { include: [{ valueSet: DIURETICS, displayMatches: 'hydrochlorothiazide|chlorthalidone|indapamide|metolazone|chlorothiazide' }], add: [{ system: RXNORM, code: '316049', display: 'Hydrochlorothiazide 25 MG', reason: 'Synthea sends this clinical drug; the published set lists other HCTZ products only' }], exclude: [{ system: RXNORM, code: '000000' }] } }),
      entry({ url: DIURETICS, valueSet: diuretics }, '$.valueSets[1]'),
    ]);
    expect(problems).to.deep.equal([]);
    const thiazides = sets.get('https://ehr-guide.dev/ValueSet/thiazides')!;
    expect(thiazides.members.has(`${RXNORM}|316049`)).to.equal(true);
    expect([...thiazides.displays.values()].every((d) => /hydrochlorothiazide|chlorthalidone|indapamide|metolazone|chlorothiazide/i.test(d))).to.equal(true);
    expect(thiazides.members.size).to.be.greaterThan(5);
    expect(thiazides.members.size).to.be.lessThan(sets.get(DIURETICS)!.members.size); // the loop diuretics are filtered out
  });

  it('names every problem with its path: unknown include, missing reason, bad pattern, a cycle, a set over the cap', () => {
    const big = { resourceType: 'ValueSet', url: 'urn:oid:1.2.3', expansion: { contains: Array.from({ length: MAX_VALUE_SET_CODES + 1 }, (_, i) => ({ system: 'x', code: String(i) })) } };
    const { sets, problems } = resolveValueSets([
      entry({ url: 'https://a.example/a', compose: { include: [{ valueSet: 'https://nowhere.example/vs' }] } }),
      entry({ url: 'https://a.example/b', compose: { add: [{ system: RXNORM, code: '1' }] } }, '$.valueSets[1]'),
      entry({ url: 'https://a.example/c', compose: { include: [{ valueSet: 'https://a.example/d', displayMatches: '(' }] } }, '$.valueSets[2]'),
      entry({ url: 'https://a.example/d', compose: { include: [{ valueSet: 'https://a.example/e' }] } }, '$.valueSets[3]'),
      entry({ url: 'https://a.example/e', compose: { include: [{ valueSet: 'https://a.example/d' }] } }, '$.valueSets[4]'),
      entry({ url: 'urn:oid:1.2.3', valueSet: big }, '$.valueSets[5]'),
    ]);
    const messages = problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages.some((m) => m.startsWith('$.valueSets[0].compose.include[0].valueSet: includes https://nowhere.example/vs'))).to.equal(true);
    expect(messages.some((m) => m.startsWith('$.valueSets[1].compose.add[0].reason: an added code needs the reason'))).to.equal(true);
    expect(messages.some((m) => m.startsWith('$.valueSets[2].compose.include[0].displayMatches: is not a valid regular expression'))).to.equal(true);
    expect(messages.some((m) => /includes itself/.test(m))).to.equal(true);
    expect(messages.some((m) => m.startsWith(`$.valueSets[5]: value set urn:oid:1.2.3 has ${MAX_VALUE_SET_CODES + 1} codes, over the limit`))).to.equal(true);
    expect(sets.has('urn:oid:1.2.3')).to.equal(false);
  });
});

async function engineWith(conditions: string[], createEvaluator: () => ConditionEvaluator = () => new WorkerEvaluator()) {
  const opioids = await fixture('opioids__opioid-analgesics-with-ambulatory-misuse-potential.json');
  const problems: string[] = [];
  const engine = new GuideEngine({ learnerId: 'vocab', sessionId: 's', storage: memoryStorage(), createEvaluator, onProblem: (p) => problems.push(`${p.code}: ${p.message}`) });
  engine.addPack({
    format: 'ehr-guide-pack/1', id: 'vocab', version: '1.0.0', title: 'Vocabulary', locale: 'en',
    valueSets: [
      { url: OPIOIDS, version: '2025-02-24', provenance: 'CDC opioid CDS IG via cqframework/opioid-cds-r4 (CC0-1.0)', valueSet: opioids },
      { url: 'https://ehr-guide.dev/ValueSet/egfr', version: '1.0.0', provenance: 'test: the two LOINC codes real systems send', compose: { add: [{ system: LOINC, code: '33914-3', reason: 'MDRD eGFR, still sent by real systems' }, { system: LOINC, code: '62238-1', reason: 'CKD-EPI eGFR' }] } },
    ],
    items: [{ kind: 'tip', id: 't', version: '1.0.0', title: 't', reviewBy: '2030-01-01', body: 'b', when: { conditions } }],
  });
  engine.mount('t');
  return { engine, problems };
}

const decide = async (engine: GuideEngine, patient: FhirResource, resources: Record<string, FhirResource[]>) => {
  engine.setContext({ patient, resources });
  return (await engine.explain()).find((d) => d.itemId === 't')!;
};

describe('clinical functions in conditions (worker and in-process alike)', function () {
  this.timeout(20000);
  for (const [name, make] of [['worker', () => new WorkerEvaluator()], ['inline', () => new InlineEvaluator()]] as const) {
    it(`${name}: onMedication() reads codes, contained and referenced Medications, honours status and intent, and says "cannot tell"`, async () => {
      const chet = alive(await loadSynthea(SYNTHEA[0]));
      const { engine } = await engineWith([`onMedication('${OPIOIDS}')`], make);
      const oxycodone = chet.resources.MedicationRequest.find((m) => m.status === 'active')! as FhirResource & { medicationCodeableConcept: { coding: Array<{ system: string; code: string; display?: string }>; text?: string } };
      // As Synthea sends it: coded, with text.
      expect((await decide(engine, chet.patient, { MedicationRequest: [oxycodone] })).show).to.equal(true);
      // Coded without text; a brand name as text.
      const coded = { ...oxycodone, medicationCodeableConcept: { coding: oxycodone.medicationCodeableConcept.coding } };
      expect((await decide(engine, chet.patient, { MedicationRequest: [{ ...coded, id: 'no-text' }] })).show).to.equal(true);
      // medicationReference to a contained Medication, and to a Medication resource of the record.
      const { medicationCodeableConcept, ...rest } = oxycodone;
      const contained = { ...rest, id: 'contained', contained: [{ resourceType: 'Medication', id: 'm1', code: { coding: medicationCodeableConcept.coding } }], medicationReference: { reference: '#m1' } };
      expect((await decide(engine, chet.patient, { MedicationRequest: [contained as FhirResource] })).show).to.equal(true);
      const referenced = { ...rest, id: 'referenced', medicationReference: { reference: 'https://ehr.example/fhir/Medication/m2/_history/3' } };
      expect((await decide(engine, chet.patient, { MedicationRequest: [referenced as FhirResource], Medication: [{ resourceType: 'Medication', id: 'm2', code: { coding: medicationCodeableConcept.coding } }] })).show).to.equal(true);
      // A plan, or a stopped order, is not a current medication.
      expect((await decide(engine, chet.patient, { MedicationRequest: [{ ...oxycodone, id: 'plan', intent: 'plan' }] })).reason).to.equal('condition-false');
      expect((await decide(engine, chet.patient, { MedicationRequest: [{ ...oxycodone, id: 'stopped', status: 'stopped' }] })).reason).to.equal('condition-false');
      // A reference the record does not hold: cannot tell, not false.
      const unresolved = await decide(engine, chet.patient, { MedicationRequest: [{ ...rest, id: 'dangling', medicationReference: { reference: 'Medication/absent' } } as FhirResource] });
      expect(unresolved.reason).to.equal('condition-unknown');
      expect(unresolved.detail).to.match(/cannot tell: MedicationRequest\/dangling names a medication the record does not hold/);
      // One order in the set is a definite yes, whatever else cannot be read.
      expect((await decide(engine, chet.patient, { MedicationRequest: [{ ...rest, id: 'dangling', medicationReference: { reference: 'Medication/absent' } } as FhirResource, oxycodone] })).show).to.equal(true);
      engine.dispose();
      // "Not on an opioid" over an order whose drug cannot be read is cannot tell too, never a silent yes.
      const negated = await engineWith([`onMedication('${OPIOIDS}').not()`], make);
      expect((await decide(negated.engine, chet.patient, { MedicationRequest: [{ ...rest, id: 'dangling', medicationReference: { reference: 'Medication/absent' } } as FhirResource] })).reason).to.equal('condition-unknown');
      negated.engine.dispose();
    });
  }

  it('latestValue() converts units through UCUM, and a unit that does not convert is "cannot tell"', async () => {
    const { engine } = await engineWith(["latestValue('https://ehr-guide.dev/ValueSet/egfr', 365, 'mL/min/{1.73_m2}') < 30"]);
    const patient = { resourceType: 'Patient', id: 'p', birthDate: '1950-01-01' } as FhirResource;
    const egfr = (id: string, code: string, value: number, unit: string, daysAgo: number) => ({ resourceType: 'Observation', id, status: 'final', code: { coding: [{ system: LOINC, code }] }, effectiveDateTime: new Date(Date.now() - daysAgo * 86_400_000).toISOString(), valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit } }) as FhirResource;
    // The latest counts (in the other LOINC code), not the older one.
    expect((await decide(engine, patient, { Observation: [egfr('old', '62238-1', 80, 'mL/min/{1.73_m2}', 200), egfr('new', '33914-3', 25, 'mL/min/{1.73_m2}', 10)] })).show).to.equal(true);
    // The same value in L/h per 1.73 m² converts: 1.5 L/h = 25 mL/min.
    expect((await decide(engine, patient, { Observation: [egfr('lph', '62238-1', 1.5, 'L/h/{1.73_m2}', 5)] })).show).to.equal(true);
    // Outside the look-back window: nothing to read.
    expect((await decide(engine, patient, { Observation: [egfr('ancient', '62238-1', 20, 'mL/min/{1.73_m2}', 900)] })).reason).to.equal('condition-false');
    const odd = await decide(engine, patient, { Observation: [egfr('odd', '62238-1', 20, 'mg/dL', 5)] });
    expect(odd.reason).to.equal('condition-unknown');
    engine.dispose();
  });

  it('a deceased patient gets no unsolicited patient-specific guidance, and ages are taken at death', async () => {
    const chet = await loadSynthea(SYNTHEA[0]); // died 1968, aged 29, with his oxycodone order still "active"
    const { engine } = await engineWith([`onMedication('${OPIOIDS}')`, 'ageInYears() < 30', 'isDeceased()']);
    const decision = await decide(engine, chet.patient, chet.resources as Record<string, FhirResource[]>);
    expect(decision.reason).to.equal('patient-deceased');
    engine.setPolicy({ onRequest: true }); // asked for (the help panel, the debug API): the facts still evaluate
    const asked = (await engine.explain()).find((d) => d.itemId === 't')!;
    expect(asked.show, asked.detail).to.equal(true); // on an opioid, 29 at death (not 87), deceased
    engine.dispose();
  });

  it('an unknown value set is an error with the item id, never a silent false', async () => {
    const { engine, problems } = await engineWith(["%Condition.where(code.memberOf('https://nowhere.example/vs')).exists()"]);
    const d = await decide(engine, { resourceType: 'Patient', id: 'p' } as FhirResource, { Condition: [{ resourceType: 'Condition', id: 'c', code: { coding: [{ system: 'x', code: 'y' }] } } as FhirResource] });
    expect(d.reason).to.equal('condition-error');
    expect(problems.some((p) => p.startsWith('condition-error: item "t" condition 1') && p.includes('unknown value set "https://nowhere.example/vs"'))).to.equal(true);
    engine.dispose();
  });
});
