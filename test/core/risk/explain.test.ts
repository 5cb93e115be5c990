import { expect } from '@open-wc/testing';
import { loadPack } from '../../../src/core/packs/load-pack.js';
import { ageInYears, checkPopulation, explainScore, relevantSubgroups } from '../../../src/core/models/explain.js';
import { InlineEvaluator } from '../../../src/core/triggers/inline-evaluator.js';
import type { ModelCard } from '../../../src/core/models/model-card.js';
import { SYNTHEA, alive, loadSynthea } from '../engine/fixtures.js';

/** The packs' value sets as the evaluator takes them (the sepsis card's pregnancy criterion reads one). */
let valueSets: Record<string, string[]> = {};
before(async () => {
  const vs = await (await fetch('/packs/value-sets/pregnancy__valueset-2.16.840.1.113883.3.600.1.1623.json')).json();
  valueSets = { [vs.url]: vs.expansion.contains.map((c: { system: string; code: string }) => `${c.system}|${c.code}`) };
});

/** The pack's model cards, fetched and validated once for the file (the explanations read them, never change them). */
let loaded: Promise<Record<string, ModelCard>> | undefined;
function cards(): Promise<Record<string, ModelCard>> {
  loaded ??= fetch('/packs/model-cards.json').then(async (response) => {
    const { pack } = loadPack(await response.json());
    return Object.fromEntries(pack!.modelCards.map((c) => [c.id, c]));
  });
  return loaded;
}

describe('explaining a score with a model card', () => {
  it('explains a score above the threshold at the evaluation prevalence, then at this hospital\'s', async () => {
    const { 'example-sepsis-model': sepsis } = await cards();
    const evaluation = explainScore(sepsis, 8);
    expect(evaluation.band?.label).to.equal('Alert threshold');
    expect(evaluation.prevalenceSource).to.equal('evaluation');
    expect(evaluation.frequency?.withCondition).to.equal(12); // Wong et al. 2021: PPV 12 %
    expect(evaluation.summary).to.equal('Alert threshold: Of 100 patients flagged like this, about 12 have the condition and 88 do not (in the evaluation). Bedside assessment for sepsis within 1 hour; consider lactate and cultures if clinically suspected.');
    // A ward where 2 % have sepsis: 0.33 × 0.02 / (0.33 × 0.02 + 0.17 × 0.98) = 0.0066 / 0.1732 = 3.8 %.
    const ward = explainScore(sepsis, 8, { localPrevalence: 0.02 });
    expect(ward.ppv).to.be.closeTo(0.0066 / 0.1732, 1e-9);
    expect(ward.frequency?.withCondition).to.equal(4);
    expect(Math.round(ward.numberNeededToEvaluate!)).to.equal(26);
    expect(ward.summary).to.include('(at this hospital)');
  });

  it('explains a score below the threshold without implying it rules the condition out', async () => {
    const { 'example-sepsis-model': sepsis } = await cards();
    const low = explainScore(sepsis, 3);
    expect(low.band).to.equal(undefined);
    expect(low.summary).to.match(/^Below the alert threshold: about 95 of 100 .* a low score does not rule it out\.$/);
  });

  it('carries the card\'s confidence intervals into the PPV (imaging triage card)', async () => {
    const { 'example-ich-triage': ich } = await cards();
    const atEd = explainScore(ich, 1, { localPrevalence: 0.08 });
    expect(atEd.ppvInterval!.low).to.be.below(atEd.ppv!);
    expect(atEd.ppvInterval!.high).to.be.above(atEd.ppv!);
    // The enriched test set (47 % prevalence) flatters PPV; at 8 % it is much lower.
    expect(explainScore(ich, 1).ppv!).to.be.above(0.9);
    expect(atEd.ppv!).to.be.closeTo((0.9615 * 0.08) / (0.9615 * 0.08 + (1 - 0.9483) * 0.92), 1e-9);
  });
});

describe('intended-population check against Synthea records', () => {
  it('finds an adult inside, a child outside, and says "cannot tell" when the data it needs is missing', async () => {
    const { 'example-sepsis-model': sepsis } = await cards();
    const evaluator = new InlineEvaluator();
    const chet = await loadSynthea(SYNTHEA[0]);
    const inside = await checkPopulation(sepsis, { patient: chet.patient, resources: chet.resources, versions: { valueSets: 1 }, valueSets }, evaluator);
    expect(inside.status).to.equal('inside');
    expect(inside.criteria.map((c) => c.result)).to.deep.equal(['met', 'met']);

    const child = { ...chet.patient, birthDate: `${new Date().getFullYear() - 9}-03-01` };
    const outside = await checkPopulation(sepsis, { patient: child, resources: chet.resources, versions: { valueSets: 1 }, valueSets }, evaluator);
    expect(outside.status).to.equal('outside');
    expect(outside.criteria[0]).to.deep.equal({ description: 'Adult (18 or over)', result: 'not-met', reason: 'not met by the record', why: { code: 'not-met' } });

    const { Condition: _dropped, ...withoutConditions } = chet.resources;
    const unknown = await checkPopulation(sepsis, { patient: chet.patient, resources: withoutConditions, versions: { valueSets: 1 }, valueSets }, evaluator);
    expect(unknown.status).to.equal('cannot-tell');
    expect(unknown.criteria[1]).to.deep.include({ result: 'unknown', reason: "the record's Condition resources were not loaded" });

    const none = await checkPopulation(sepsis, { resources: {}, versions: { valueSets: 1 }, valueSets }, evaluator);
    expect(none.status).to.equal('cannot-tell');
  });

  it('finds a pregnancy as Synthea codes it (SNOMED 72892002) and as ICD-10-CM does, and never reads a missing birth date as "not met"', async () => {
    const { 'example-sepsis-model': sepsis } = await cards();
    const evaluator = new InlineEvaluator();
    const patria = await loadSynthea(SYNTHEA[2]);
    const monthsAgo = (n: number) => new Date(Date.now() - n * 30 * 86_400_000).toISOString();
    const pregnancy = (coding: { system: string; code: string; display: string }, onset: string | undefined = monthsAgo(2)) => ({
      resourceType: 'Condition',
      id: `preg-${coding.code}`,
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      code: { coding: [coding], text: coding.display },
      subject: { reference: `Patient/${patria.patient.id}` },
      ...(onset ? { onsetDateTime: onset } : {}),
    });
    for (const coding of [
      { system: 'http://snomed.info/sct', code: '72892002', display: 'Normal pregnancy' },
      { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'Z34.90', display: 'Encounter for supervision of normal pregnancy, unspecified' },
    ]) {
      const resources = { ...patria.resources, Condition: [...(patria.resources.Condition ?? []), pregnancy(coding)] };
      const check = await checkPopulation(sepsis, { patient: patria.patient, resources, versions: { valueSets: 1 }, valueSets }, evaluator);
      expect(check.status, coding.code).to.equal('outside');
      expect(check.criteria[1].result).to.equal('not-met');
    }
    // An "active" pregnancy entered years ago (Synthea leaves them so) is not a current pregnancy.
    const old = pregnancy({ system: 'http://snomed.info/sct', code: '72892002', display: 'Normal pregnancy' }, '2020-03-01T00:00:00Z');
    expect((await checkPopulation(sepsis, { patient: patria.patient, resources: { ...patria.resources, Condition: [old] }, versions: { valueSets: 1 }, valueSets }, evaluator)).status).to.equal('inside');
    // Ectopic (tubal) pregnancy is in the published set too.
    const tubal = pregnancy({ system: 'http://snomed.info/sct', code: '79586000', display: 'Tubal pregnancy' });
    expect((await checkPopulation(sepsis, { patient: patria.patient, resources: { ...patria.resources, Condition: [tubal] }, versions: { valueSets: 1 }, valueSets }, evaluator)).status).to.equal('outside');
    // Active but undated: cannot tell, never "met".
    const undated = pregnancy({ system: 'http://snomed.info/sct', code: '72892002', display: 'Normal pregnancy' }, '');
    const unsure = await checkPopulation(sepsis, { patient: patria.patient, resources: { ...patria.resources, Condition: [undated] }, versions: { valueSets: 1 }, valueSets }, evaluator);
    expect(unsure.status).to.equal('cannot-tell');
    expect(unsure.criteria[1].result).to.equal('unknown');
    // A resolved pregnancy does not count.
    const resolved = { ...pregnancy({ system: 'http://snomed.info/sct', code: '72892002', display: 'Normal pregnancy' }), clinicalStatus: { coding: [{ code: 'resolved' }] } };
    const after = await checkPopulation(sepsis, { patient: patria.patient, resources: { ...patria.resources, Condition: [resolved] }, versions: { valueSets: 1 }, valueSets }, evaluator);
    expect(after.status).to.equal('inside');
    // No birth date: the adult criterion cannot be checked.
    const { birthDate: _b, ...noBirthDate } = patria.patient;
    const unknown = await checkPopulation(sepsis, { patient: noBirthDate, resources: patria.resources, versions: { valueSets: 1 }, valueSets }, evaluator);
    expect(unknown.status).to.equal('cannot-tell');
    expect(unknown.criteria[0]).to.deep.equal({ description: 'Adult (18 or over)', result: 'unknown', reason: 'the record does not hold what this criterion reads', why: { code: 'not-held' } });
  });

  it('finds the subgroups a patient belongs to by age band, sex and criterion, and skips what the record lacks', async () => {
    const { 'example-ich-triage': ich } = await cards();
    const evaluator = new InlineEvaluator();
    const today = new Date('2026-11-23T12:00:00Z');
    // Hand-worked ages: born 1939-01-27 → 87; born 2008-11-24 → 17 (one day short of 18); born 1990 → 35 (taken as 31 Dec).
    expect(ageInYears('1939-01-27', today)).to.equal(87);
    expect(ageInYears('2008-11-24', today)).to.equal(17);
    expect(ageInYears('2008-11-23', today)).to.equal(18);
    expect(ageInYears('1990', today)).to.equal(35);
    expect(ageInYears('soon', today)).to.equal(undefined);
    const card = {
      ...ich,
      subgroups: [
        { attribute: 'age' as const, group: '18–64', ageRange: { min: 18, max: 64 }, sensitivity: 0.97 },
        { attribute: 'age' as const, group: '65 and over', ageRange: { min: 65 }, sensitivity: 0.94 },
        { attribute: 'sex' as const, group: 'Women', sex: 'female' as const, auroc: 0.9 },
        { attribute: 'other' as const, group: 'On anticoagulants', criterion: "%MedicationRequest.where(status = 'active').exists()" },
      ],
    };
    const recorded = await loadSynthea(SYNTHEA[0]);
    // Chet's record says he died in 1968, aged 29: his age is his age at death, never one that runs on after it.
    const atDeath = await relevantSubgroups(card, { patient: recorded.patient, resources: recorded.resources, versions: { valueSets: 1 }, valueSets }, evaluator, today);
    expect(atDeath.map((s) => s.subgroup.group)).to.not.include('65 and over');
    const chet = alive(recorded);
    const forChet = await relevantSubgroups(card, { patient: chet.patient, resources: chet.resources, versions: { valueSets: 1 }, valueSets }, evaluator, today);
    expect(forChet.map((s) => [s.subgroup.group, s.reason])).to.deep.equal([['65 and over', 'age'], ['On anticoagulants', 'meets-criterion']]);
    const patria = await loadSynthea(SYNTHEA[2]);
    const forPatria = await relevantSubgroups(card, { patient: patria.patient, resources: { MedicationRequest: [] }, versions: { valueSets: 1 }, valueSets }, evaluator, today);
    expect(forPatria.map((s) => s.subgroup.group)).to.deep.equal(['18–64', 'Women']);
    const { birthDate: _b, gender: _g, ...anonymous } = patria.patient;
    expect(await relevantSubgroups(card, { patient: anonymous, resources: {}, versions: { valueSets: 1 }, valueSets }, evaluator, today)).to.deep.equal([]);
  });
});
