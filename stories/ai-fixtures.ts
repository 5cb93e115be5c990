// Synthetic data for the AI stories: the example model cards of packs/model-cards.json (training examples built
// from published figures) and hand-made, clearly synthetic patients. No real patient data.
import pack from '../packs/model-cards.json';
import pregnancy from '../packs/value-sets/pregnancy__valueset-2.16.840.1.113883.3.600.1.1623.json';
import type { ModelCard } from '../src/core/models/model-card.js';
import { MODEL_SCORE_EXTENSION } from '../src/core/models/ai-output.js';

export const modelCards = pack.modelCards as unknown as ModelCard[];
export const card = (id: string) => modelCards.find((c) => c.id === id)!;

export const adult = { resourceType: 'Patient', id: 'synthetic-adult', gender: 'female', birthDate: '1961-04-02' };
export const child = { resourceType: 'Patient', id: 'synthetic-child', gender: 'male', birthDate: '2019-08-15' };
/** The value set the sepsis card's pregnancy criterion reads (a standalone explainer is given it). */
export const valueSets = [pregnancy];
export const adultData = { patient: adult, resources: { Condition: [] }, valueSets };
export const childData = { patient: child, resources: { Condition: [] }, valueSets };

export const sepsisRiskAssessment = (score: number) => ({
  resourceType: 'RiskAssessment',
  id: 'synthetic-sepsis',
  status: 'final',
  method: { coding: [{ system: 'https://ehr-guide.example/model-cards', code: 'example-sepsis-model' }] },
  prediction: [{ outcome: { text: 'Sepsis within 6 hours' }, extension: [{ url: MODEL_SCORE_EXTENSION, valueDecimal: score }] }],
});
