// The sandbox's FHIR data: the Synthea patients in test/fixtures/synthea (synthetic; provenance in its README)
// with their transaction bundles' urn:uuid references rewritten to Type/id, plus what the demo needs that Synthea
// lacks: Practitioners with PractitionerRoles (physician, nurse, pharmacist) and AI outputs (RiskAssessments from
// a sepsis and a deterioration model). Those additions are illustrative training data, marked as such.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const SYNTHETIC = { system: 'https://ehr-guide.example/tags', code: 'synthetic', display: 'Synthetic training data' };

function rewriteReferences(value, map) {
  if (Array.isArray(value)) return value.map((v) => rewriteReferences(v, map));
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === 'reference' && typeof v === 'string' && map.has(v) ? map.get(v) : rewriteReferences(v, map);
    return out;
  }
  return value;
}

export function syntheaResources(dir) {
  const resources = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const bundle = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const map = new Map();
    for (const entry of bundle.entry ?? []) {
      const r = entry.resource;
      if (!r?.id && entry.fullUrl?.startsWith('urn:uuid:')) r.id = entry.fullUrl.slice(9);
      if (entry.fullUrl) map.set(entry.fullUrl, `${r.resourceType}/${r.id}`);
    }
    for (const entry of bundle.entry ?? []) resources.push(rewriteReferences(entry.resource, map));
  }
  return resources;
}

export const PRACTITIONERS = [
  { id: 'dr-demo', name: 'Dana Demo', prefix: 'Dr.', role: { system: 'http://terminology.hl7.org/CodeSystem/practitioner-role', code: 'doctor', display: 'Doctor' } },
  { id: 'rn-demo', name: 'Noor Nurse', prefix: 'RN', role: { system: 'http://terminology.hl7.org/CodeSystem/practitioner-role', code: 'nurse', display: 'Nurse' } },
  { id: 'rph-demo', name: 'Pat Pharmacist', prefix: 'PharmD', role: { system: 'http://terminology.hl7.org/CodeSystem/practitioner-role', code: 'pharmacist', display: 'Pharmacist' } },
];

/** A clinician whose EHR keeps no PractitionerRole: only a Practitioner with a qualification (nurse practitioner). */
export const QUALIFIED_ONLY = { id: 'np-demo', name: 'Quinn Practitioner', prefix: 'NP' };

export function staffResources() {
  const qualifiedOnly = {
    resourceType: 'Practitioner', id: QUALIFIED_ONLY.id, meta: { tag: [SYNTHETIC] }, active: true,
    name: [{ given: ['Quinn'], family: 'Practitioner', prefix: [QUALIFIED_ONLY.prefix] }],
    qualification: [{ code: { coding: [{ system: 'http://snomed.info/sct', code: '224571005', display: 'Nurse practitioner' }], text: 'Nurse practitioner' } }],
  };
  return [qualifiedOnly, ...PRACTITIONERS.flatMap((p) => {
    const [given, family] = p.name.split(' ');
    return [
      { resourceType: 'Practitioner', id: p.id, meta: { tag: [SYNTHETIC] }, active: true, name: [{ given: [given], family, prefix: [p.prefix] }] },
      { resourceType: 'PractitionerRole', id: `${p.id}-role`, meta: { tag: [SYNTHETIC] }, active: true, practitioner: { reference: `Practitioner/${p.id}` }, code: [{ coding: [p.role], text: p.role.display }] },
    ];
  })];
}

/** The extension ehr-guide reads a model's own score from (see src/core/models/ai-output.ts). */
export const MODEL_SCORE_EXTENSION = 'https://ehr-guide.dev/fhir/StructureDefinition/model-score';

/** Deterministic, clearly synthetic model outputs for each patient: something for the explainers to explain. */
export function riskAssessments(patients) {
  return patients.flatMap((patient, i) => {
    // Both example models output scores on their own 0–100 scale, not probabilities: the score travels in the
    // model-score extension (a probabilityDecimal would claim a probability the model does not produce).
    const sepsis = [3, 8, 17][i % 3];
    const deterioration = [72, 22, 35][i % 3];
    const score = (value) => [{ url: MODEL_SCORE_EXTENSION, valueDecimal: value }];
    const risk = (high) => ({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/risk-probability', code: high ? 'high' : 'low', display: high ? 'High likelihood' : 'Low likelihood' }] });
    const common = { status: 'final', subject: { reference: `Patient/${patient.id}` }, occurrenceDateTime: '2026-11-20T08:00:00Z', meta: { tag: [SYNTHETIC] } };
    return [
      {
        resourceType: 'RiskAssessment',
        id: `sepsis-${patient.id}`,
        ...common,
        method: { coding: [{ system: 'https://ehr-guide.example/model-cards', code: 'example-sepsis-model', display: 'Example sepsis prediction model (training example)' }] },
        code: { text: 'Sepsis risk (synthetic training output)' },
        prediction: [{ outcome: { text: 'Sepsis within 6 hours' }, qualitativeRisk: risk(sepsis >= 6), extension: score(sepsis) }],
      },
      {
        resourceType: 'RiskAssessment',
        id: `deterioration-${patient.id}`,
        ...common,
        method: { coding: [{ system: 'https://ehr-guide.example/model-cards', code: 'example-deterioration-index', display: 'Example deterioration index (training example)' }] },
        code: { text: 'Deterioration index (synthetic training output)' },
        prediction: [{ outcome: { text: 'ICU-level care, mechanical ventilation or death' }, qualitativeRisk: risk(deterioration >= 68.8), extension: score(deterioration) }],
      },
    ];
  });
}
