// One hand-made synthetic patient the Synthea fixtures lack: a living older adult on an opioid and an
// anticoagulant, with recent kidney function — so the demo and the sandbox show the medication-safety tips on a
// record shaped the way many EHRs send it (the opioid by medicationReference to a Medication resource, the
// anticoagulant coded without text, eGFR in the MDRD LOINC code). Not derived from any real person; every
// resource is tagged synthetic. Dates are relative to today, so "the last year" stays true.
const SYNTHETIC = { system: 'https://ehr-guide.example/tags', code: 'synthetic', display: 'Synthetic training data' };
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const SNOMED = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';
const ID = 'demo-rosa-alvarez';

const daysAgo = (n, now) => new Date(now - n * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const yearsAgo = (n, now) => {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - n);
  return d.toISOString().slice(0, 10);
};

/** The patient's resources (a Patient first), ids stable, dates relative to `now`. */
export function demoOlderAdult(now = Date.now()) {
  const meta = { tag: [SYNTHETIC] };
  const subject = { reference: `Patient/${ID}` };
  const encounter = { reference: `Encounter/${ID}-visit` };
  const condition = (id, code, display, onsetYears) => ({
    resourceType: 'Condition', id: `${ID}-${id}`, meta, subject,
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
    code: { coding: [{ system: SNOMED, code, display }], text: display },
    onsetDateTime: daysAgo(onsetYears * 365, now), recordedDate: daysAgo(onsetYears * 365, now),
  });
  const lab = (id, code, display, value, unit, ucum, days) => ({
    resourceType: 'Observation', id: `${ID}-${id}`, meta, subject, encounter, status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
    code: { coding: [{ system: LOINC, code, display }], text: display },
    effectiveDateTime: daysAgo(days, now), issued: daysAgo(days, now),
    valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: ucum },
  });
  return [
    {
      resourceType: 'Patient', id: ID, meta,
      name: [{ use: 'official', given: ['Rosa'], family: 'Alvarez', prefix: ['Mrs.'] }],
      gender: 'female', birthDate: yearsAgo(78, now),
      address: [{ city: 'Springfield', state: 'MA', country: 'US' }],
    },
    {
      resourceType: 'Encounter', id: `${ID}-visit`, meta, subject, status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      type: [{ coding: [{ system: SNOMED, code: '185345009', display: 'Encounter for symptom' }], text: 'Encounter for symptom' }],
      period: { start: daysAgo(14, now), end: daysAgo(14, now) },
    },
    condition('afib', '49436004', 'Atrial fibrillation', 6),
    condition('back-pain', '278860009', 'Chronic low back pain', 3),
    condition('hypertension', '59621000', 'Essential hypertension', 12),
    // The opioid as many EHRs send it: an order pointing at a Medication resource.
    { resourceType: 'Medication', id: `${ID}-med-hydrocodone`, meta, code: { coding: [{ system: RXNORM, code: '856980', display: 'acetaminophen 300 MG / hydrocodone bitartrate 10 MG Oral Tablet' }] } },
    {
      resourceType: 'MedicationRequest', id: `${ID}-hydrocodone`, meta, subject, encounter, status: 'active', intent: 'order',
      medicationReference: { reference: `Medication/${ID}-med-hydrocodone` }, authoredOn: daysAgo(14, now),
      dosageInstruction: [{ text: '1 tablet by mouth every 6 hours as needed for pain' }],
      reasonReference: [{ reference: `Condition/${ID}-back-pain` }],
    },
    // The anticoagulant coded, without text (the order list shows the coding's display).
    {
      resourceType: 'MedicationRequest', id: `${ID}-warfarin`, meta, subject, status: 'active', intent: 'order',
      medicationCodeableConcept: { coding: [{ system: RXNORM, code: '855332', display: 'warfarin sodium 5 MG Oral Tablet' }] },
      authoredOn: daysAgo(400, now), dosageInstruction: [{ text: '5 mg by mouth once daily' }],
      reasonReference: [{ reference: `Condition/${ID}-afib` }],
    },
    lab('egfr', '33914-3', 'Glomerular filtration rate/1.73 sq M.predicted (MDRD)', 52, 'mL/min/1.73m2', 'mL/min/{1.73_m2}', 14),
    lab('potassium', '2823-3', 'Potassium [Moles/volume] in Serum or Plasma', 4.1, 'mmol/L', 'mmol/L', 14),
    lab('sodium', '2951-2', 'Sodium [Moles/volume] in Serum or Plasma', 139, 'mmol/L', 'mmol/L', 14),
    lab('inr', '6301-6', 'INR in Platelet poor plasma by Coagulation assay', 2.6, '{INR}', '{INR}', 14),
  ];
}

/** The same as a FHIR collection Bundle, the shape the demo page reads its patients in. */
export function demoOlderAdultBundle(now = Date.now()) {
  return { resourceType: 'Bundle', type: 'collection', entry: demoOlderAdult(now).map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })) };
}
