// A 1,000+-resource patient for the benchmark, derived from a Synthea record (the fixtures hold 107–161
// resources; real chronic-care records run to thousands). Every resource except the Patient is repeated `copies`
// times with a new id and its dates moved back one year per copy, so the record reads as years of the same care:
// the resource-type mix stays Synthea's (observations most), and recent data stays where it was.
import type { FhirResource } from '../src/core/context/fhir-types.js';

const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

function shiftYears(value: unknown, years: number): unknown {
  if (typeof value === 'string' && DATE.test(value)) return String(Number(value.slice(0, 4)) - years).padStart(4, '0') + value.slice(4);
  if (Array.isArray(value)) return value.map((v) => shiftYears(v, years));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftYears(v, years)]));
  return value;
}

export function largeRecord(record: { patient: FhirResource; resources: Record<string, FhirResource[]> }, minimum = 1000) {
  const count = Object.values(record.resources).flat().length;
  const copies = Math.ceil(minimum / count);
  const resources: Record<string, FhirResource[]> = {};
  for (const [type, list] of Object.entries(record.resources)) {
    resources[type] = [];
    for (let k = 0; k < copies; k++) for (const r of list) resources[type].push(k === 0 ? r : { ...(shiftYears(r, k) as FhirResource), id: `${r.id}-y${k}` });
  }
  return { patient: record.patient, resources };
}
