import { expect } from '@open-wc/testing';
import { aiOutputFromCdsCard, aiOutputFromResource, findModelCard, MODEL_SCORE_EXTENSION, valueOnCardScale } from '../../../src/core/models/ai-output.js';
import { describeOutput } from '../../../src/core/models/describe.js';
import { loadPack } from '../../../src/core/packs/load-pack.js';
import type { ModelCard } from '../../../src/core/models/model-card.js';

const ra = async (name: string) => (await fetch(`/test/fixtures/riskassessment/RiskAssessment-${name}.json`)).json();

async function cards(): Promise<ModelCard[]> {
  const { pack, errors } = loadPack(await (await fetch("/packs/model-cards.json")).json());
  expect(errors).to.deep.equal([]);
  return pack!.modelCards;
}

describe('reading AI outputs', () => {
  it('reads the official FHIR R4 RiskAssessment examples, and says why one cannot be read', async () => {
    const cardiac = aiOutputFromResource(await ra('cardiac'));
    expect(cardiac).to.include({ kind: 'risk-assessment', probability: 0.02, outcome: 'Heart Attack' });
    expect(describeOutput(cardiac)).to.equal('2 % estimated probability for heart Attack'); // "Heart Attack", as the example writes it
    const prognosis = aiOutputFromResource(await ra('prognosis'));
    expect(prognosis.qualitative).to.equal('moderate likelihood');
    expect(prognosis.probability).to.equal(undefined);
    const genetic = aiOutputFromResource(await ra('genetic'));
    expect(genetic.modelCodings.map((c) => c.code)).to.include('BRCAPRO');
    expect(describeOutput(genetic)).to.match(/^< 1 % estimated probability/);
    const population = await ra('population');
    expect(() => aiOutputFromResource(population)).to.throw('RiskAssessment.prediction is missing');
    const unknownRisk = await ra('breastcancer-risk');
    expect(() => aiOutputFromResource(unknownRisk)).to.throw(/prediction\[0\] has no probabilityDecimal/);
  });

  it('rejects malformed input with the path of what is wrong', () => {
    expect(() => aiOutputFromResource({ resourceType: 'RiskAssessment', prediction: [{ probabilityDecimal: 1.7 }] })).to.throw('RiskAssessment.prediction[0].probabilityDecimal must be a number from 0 to 1');
    expect(() => aiOutputFromResource({ resourceType: 'Patient' })).to.throw('resourceType "Patient" is not an AI output');
    expect(() => aiOutputFromResource('<script>')).to.throw('must be a FHIR resource object');
    expect(() => aiOutputFromResource({ resourceType: 'Observation', valueQuantity: { value: 'high' } })).to.throw('Observation.valueQuantity.value must be a number');
    expect(() => aiOutputFromCdsCard({ summary: 'x', extension: { [MODEL_SCORE_EXTENSION]: 'high' } })).to.throw(/must be a number/);
  });

  it('matches outputs to model cards by method coding, identifier, direct id and CDS topic', async () => {
    const all = await cards();
    const sandboxRa = { resourceType: 'RiskAssessment', method: { coding: [{ system: 'https://ehr-guide.example/model-cards', code: 'example-deterioration-index' }] }, prediction: [{ extension: [{ url: MODEL_SCORE_EXTENSION, valueDecimal: 72 }] }] };
    const output = aiOutputFromResource(sandboxRa);
    const card = findModelCard(output, all)!;
    expect(card.id).to.equal('example-deterioration-index');
    expect(valueOnCardScale(output, card)).to.deep.equal({ value: 72 });
    expect(describeOutput(output, card)).to.equal('Score 72 on a 0–100 scale (not a probability)');
    // A system that differs from the identifier's does not match; the card's id as a code always does.
    expect(findModelCard(aiOutputFromResource({ ...sandboxRa, method: { coding: [{ system: 'urn:other', code: 'example-sepsis-model' }] } }), all)?.id).to.equal('example-sepsis-model');
    expect(findModelCard(aiOutputFromResource({ ...sandboxRa, method: { coding: [{ system: 'urn:other', code: 'unknown-model' }] } }), all)).to.equal(undefined);
    const fromCard = aiOutputFromCdsCard({ summary: 'Sepsis alert', source: { label: 'Sepsis service', topic: { code: 'example-sepsis-model' } }, extension: { [MODEL_SCORE_EXTENSION]: 8 } });
    expect(findModelCard(fromCard, all)?.id).to.equal('example-sepsis-model');
    expect(fromCard.score).to.equal(8);
  });

  it('never turns a probability into a score: it says why the output cannot be placed', async () => {
    const sepsis = (await cards()).find((c) => c.id === 'example-sepsis-model')!;
    const probabilityOnly = aiOutputFromResource({ resourceType: 'RiskAssessment', prediction: [{ probabilityDecimal: 0.31 }] });
    expect(valueOnCardScale(probabilityOnly, sepsis).reason).to.equal("the output gives a probability, but this model's output is a score (0–100), not a probability");
    const outOfRange = aiOutputFromResource({ resourceType: 'RiskAssessment', prediction: [{ extension: [{ url: MODEL_SCORE_EXTENSION, valueDecimal: 140 }] }] });
    expect(valueOnCardScale(outOfRange, sepsis).reason).to.match(/outside this model's range \(0 to 100\)/);
    const observation = aiOutputFromResource({ resourceType: 'Observation', code: { text: 'Sepsis risk' }, valueQuantity: { value: 31, unit: '%' }, device: { display: 'example-sepsis-model' } });
    expect(observation.probability).to.be.closeTo(0.31, 1e-12);
    expect(findModelCard(observation, [sepsis])?.id).to.equal('example-sepsis-model');
  });
});
