import { bundleResources, resourcesByType } from '../../../src/core/context/context.js';
import type { FhirResource } from '../../../src/core/context/fhir-types.js';

export const SYNTHEA = [
  'Chet_Thompson_eda17701-070d-4fae-9f7d-c8cd6263b63a.json',
  'Joaquin_Rodriguez_69ee9841-f4a6-427a-a2fd-f5a891682057.json',
  'Patria_Schimmel_d2f8f862-3856-490d-b56f-98e0ed984b1e.json',
];

export interface Record_ {
  name: string;
  patient: FhirResource;
  resources: Record<string, FhirResource[]>;
}

export async function loadSynthea(file: string): Promise<Record_> {
  const bundle = await (await fetch(`/test/fixtures/synthea/${file}`)).json();
  const byType = resourcesByType(bundleResources(bundle));
  const patient = byType.Patient[0];
  delete byType.Patient;
  return { name: file.split('_')[0], patient, resources: byType };
}

/** Adds a MedicationRequest to a copy of a record: the small fixtures that make the anticoagulant case real. */
export function withMedication(record: Record_, name: string, rxnorm: string, display: string, status: string): Record_ {
  const med: FhirResource = {
    resourceType: 'MedicationRequest',
    id: `${name}-${rxnorm}-${status}`,
    status,
    intent: 'order',
    medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: rxnorm, display }], text: display },
    subject: { reference: `Patient/${record.patient.id}` },
  };
  return { name, patient: record.patient, resources: { ...record.resources, MedicationRequest: [...(record.resources.MedicationRequest ?? []), med] } };
}

export function withBirthDate(record: Record_, name: string, birthDate: string): Record_ {
  return { ...record, name, patient: { ...record.patient, birthDate } };
}

/** RxNorm codes of oral and injectable anticoagulants used in the tests' trigger. */
export const ANTICOAGULANTS = ['855332', '855288', '1364435', '1364445', '1114198', '1232082', '1037045', '854228', '854235', '1361615'];

export const ANTICOAGULANT_65_CONDITIONS = [
  'birthDate <= today() - 65 years',
  `%MedicationRequest.where(status = 'active' and medicationCodeableConcept.coding.where(system = 'http://www.nlm.nih.gov/research/umls/rxnorm' and (${ANTICOAGULANTS.map((c) => `code = '${c}'`).join(' or ')})).exists()).exists()`,
];

/**
 * The record as if the patient were alive: `deceased[x]` removed. Chet's Synthea record says he died in 1968 (and,
 * as Synthea does, leaves his orders active); tests that need a living older adult on these medications use this.
 */
export function alive(record: Record_): Record_ {
  const { deceasedDateTime: _d, deceasedBoolean: _b, ...patient } = record.patient as FhirResource & { deceasedDateTime?: string; deceasedBoolean?: boolean };
  return { ...record, name: `${record.name}-alive`, patient: patient as FhirResource };
}
