// Clinical functions for trigger and population conditions, as fhirpath user-defined functions (fhirpath's
// `userInvocationTable`): code membership in the packs' value sets, medications as EHRs send them, active
// problems, the latest lab value in a unit converted through UCUM, ages (at death for a deceased patient) and
// recency. Each reads the patient's record the worker holds. When data a "false" rests on cannot be read (an
// unresolvable medication reference, a unit that does not convert), the function notes it, and the condition's
// result becomes "cannot tell" instead of a silent false.
import type { FhirResource } from '../context/fhir-types.js';
import { deathTime, fhirTime, wholeYears } from '../context/vital-status.js';

type Coding = { system?: string; code?: string };
type Concept = { coding?: Coding[]; text?: string };
type Ucum = { convertUnitTo(from: string, value: number, to: string, options?: { charge?: number }): { status: string; toVal?: number; msg?: string[] } };

/** What the functions read: the record, the value sets (url → `system|code` members), the clock, UCUM. */
export interface ClinicalData {
  patient?: FhirResource;
  resources: Readonly<Record<string, readonly FhirResource[]>>;
  valueSets: ReadonlyMap<string, ReadonlySet<string>>;
  now: number;
  ucum?: Ucum;
}

/** The functions fhirpath may call, and the resource types each reads (what a SMART launch must fetch). */
export const CLINICAL_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  memberOf: [],
  onMedication: ['MedicationRequest', 'MedicationStatement', 'Medication'],
  hasCondition: ['Condition'],
  latestValue: ['Observation'],
  ageInYears: [],
  isDeceased: [],
  withinDays: [],
};

/**
 * The elements the functions read of each resource type (besides `resourceType` and `id`). When no condition reads
 * a type other than through these functions, only these elements go to the worker: an Observation's components,
 * notes and references, a Condition's evidence and stages, never cross the thread boundary.
 */
export const CLINICAL_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  MedicationRequest: ['status', 'intent', 'medicationCodeableConcept', 'medicationReference', 'contained'],
  MedicationStatement: ['status', 'medicationCodeableConcept', 'medicationReference', 'contained'],
  Medication: ['code', 'ingredient'],
  Condition: ['clinicalStatus', 'verificationStatus', 'code', 'onsetDateTime', 'onsetPeriod', 'recordedDate', 'abatementDateTime', 'abatementPeriod', 'abatementString', 'abatementAge', 'abatementRange'],
  Observation: ['status', 'code', 'effectiveDateTime', 'effectivePeriod', 'issued', 'valueQuantity'],
};

type Slim = (value: unknown) => unknown;
const pick = (value: object, keys: readonly string[]) => {
  const out: Record<string, unknown> = {};
  for (const k of keys) if ((value as Record<string, unknown>)[k] !== undefined) out[k] = (value as Record<string, unknown>)[k];
  return out;
};
/** A CodeableConcept (or Coding) as the functions read it: codings' system and code only (no display, no text). */
const slimConcept: Slim = (value) => {
  if (!value || typeof value !== 'object') return value;
  const v = value as Concept & Coding;
  if (Array.isArray(v.coding)) return { coding: v.coding.map((c) => (c && typeof c === 'object' ? pick(c, ['system', 'code']) : c)) };
  return pick(v, ['system', 'code']);
};
const SLIM: Readonly<Record<string, Slim>> = {
  code: slimConcept,
  medicationCodeableConcept: slimConcept,
  clinicalStatus: slimConcept,
  verificationStatus: slimConcept,
  ingredient: (list) => (Array.isArray(list) ? list.map((i) => ({ itemCodeableConcept: slimConcept(i?.itemCodeableConcept) })) : list),
  valueQuantity: (q) => (q && typeof q === 'object' ? pick(q, ['value', 'unit', 'system', 'code']) : q),
};

/** A resource with only what the clinical functions read of it (`CLINICAL_ELEMENTS`), codings without displays. */
export function projectForFunctions(resource: FhirResource, elements: readonly string[]): FhirResource {
  const out: Record<string, unknown> = { resourceType: resource.resourceType, id: resource.id };
  for (const element of elements) {
    const value = (resource as Record<string, unknown>)[element];
    if (value !== undefined) out[element] = SLIM[element] ? SLIM[element](value) : value;
  }
  return out as FhirResource;
}

const DAY = 86_400_000;
const ORDER_INTENTS = new Set(['order', 'original-order', 'reflex-order', 'filler-order', 'instance-order']);
const CURRENT_REQUEST = new Set(['active', 'on-hold']);
const CURRENT_STATEMENT = new Set(['active', 'intended']);
const ACTIVE_CLINICAL = new Set(['active', 'recurrence', 'relapse']);
const RESULT_STATUS = new Set(['final', 'amended', 'corrected', 'preliminary']);

const unwrap = (value: unknown): unknown => (value && typeof value === 'object' && 'data' in value && 'path' in value ? (value as { data: unknown }).data : value);
const time = (value: unknown): number | undefined => {
  const v = unwrap(value);
  const text = typeof v === 'string' ? v : v && typeof v === 'object' && 'toString' in v ? String(v) : undefined;
  return text ? fhirTime(text) : undefined;
};

/** Per-evaluation notes of data that could not be read; the caller turns a false into "cannot tell" when any. */
export class Unknowns {
  readonly reasons: string[] = [];
  note(reason: string): void {
    if (!this.reasons.includes(reason)) this.reasons.push(reason);
  }
}

export function makeClinicalFunctions(data: () => ClinicalData, unknowns: () => Unknowns) {
  const set = (url: unknown): ReadonlySet<string> => {
    const members = data().valueSets.get(String(unwrap(url)));
    if (!members) throw new Error(`unknown value set ${JSON.stringify(String(unwrap(url)))}: no loaded pack defines it`);
    return members;
  };
  const codings = (value: unknown): Coding[] => {
    const v = unwrap(value) as Concept & Coding;
    if (!v || typeof v !== 'object') return [];
    if (Array.isArray(v.coding)) return v.coding;
    return typeof v.code === 'string' ? [v] : [];
  };
  const inSet = (concept: unknown, members: ReadonlySet<string>) => codings(concept).some((c) => typeof c.system === 'string' && typeof c.code === 'string' && members.has(`${c.system}|${c.code}`));

  /** The Medication a request names: contained (`#id`), relative or absolute (`…/Medication/id`), or `urn:uuid:`. */
  const medicationOf = (owner: FhirResource, reference: string): FhirResource | undefined => {
    if (reference.startsWith('#')) return ((owner as { contained?: FhirResource[] }).contained ?? []).find((r) => r.resourceType === 'Medication' && r.id === reference.slice(1));
    const id = /(?:^|\/)Medication\/([^/]+)(?:\/_history\/[^/]+)?$/.exec(reference)?.[1] ?? /^urn:uuid:(.+)$/.exec(reference)?.[1];
    return id ? (data().resources.Medication ?? []).find((m) => m.id === id) : undefined;
  };

  /** The concepts a medication request or statement is for: its code, or its Medication's code and ingredients. */
  const medicationConcepts = (r: FhirResource): Concept[] | undefined => {
    const m = r as { medicationCodeableConcept?: Concept; medicationReference?: { reference?: string; display?: string } };
    if (m.medicationCodeableConcept) return [m.medicationCodeableConcept];
    const reference = m.medicationReference?.reference;
    if (!reference) return undefined;
    const med = medicationOf(r, reference) as { code?: Concept; ingredient?: Array<{ itemCodeableConcept?: Concept }> } | undefined;
    if (!med) return undefined;
    return [med.code, ...(med.ingredient ?? []).map((i) => i.itemCodeableConcept)].filter((c): c is Concept => Boolean(c));
  };

  return {
    /** `concept.memberOf(url)`: whether a CodeableConcept, Coding or coded value is in a pack's value set. */
    memberOf: { fn: (inputs: unknown[], url: unknown) => inputs.map((c) => inSet(c, set(url))), arity: { 1: ['String'] } },

    /** `onMedication(url)`: an active or on-hold medication order (or active statement) for a drug in the set. */
    onMedication: {
      fn: (_inputs: unknown[], url: unknown) => {
        const members = set(url);
        const { resources } = data();
        const requests = (resources.MedicationRequest ?? []).filter((r) => CURRENT_REQUEST.has(String(r.status)) && ORDER_INTENTS.has(String(r.intent)));
        const statements = (resources.MedicationStatement ?? []).filter((r) => CURRENT_STATEMENT.has(String(r.status)));
        const unresolved: string[] = [];
        for (const r of [...requests, ...statements]) {
          const concepts = medicationConcepts(r);
          if (!concepts) unresolved.push(`${r.resourceType}/${r.id ?? '?'}`);
          else if (concepts.some((c) => inSet(c, members))) return [true];
        }
        // Only a "no" can rest on what could not be read: one order in the set is enough for a "yes".
        for (const id of unresolved) unknowns().note(`${id} names a medication the record does not hold`);
        return [false];
      },
      arity: { 1: ['String'] },
    },

    /**
     * `hasCondition(url[, days])`: an active, confirmed-or-unstated, unabated problem in the set (onset or recorded
     * within `days`; an undated one makes the answer empty: cannot tell).
     */
    hasCondition: {
      fn: (_inputs: unknown[], url: unknown, days?: unknown) => {
        const members = set(url);
        const { resources, now } = data();
        const window = days === undefined ? undefined : Number(unwrap(days)) * DAY;
        let undated = false;
        const found = (resources.Condition ?? []).some((c) => {
          const cond = c as { clinicalStatus?: Concept; verificationStatus?: Concept; code?: Concept; abatementDateTime?: string; abatementPeriod?: { end?: string }; abatementString?: string; abatementAge?: unknown; abatementRange?: unknown; onsetDateTime?: string; onsetPeriod?: { start?: string }; recordedDate?: string };
          const clinical = cond.clinicalStatus?.coding?.[0]?.code;
          if (clinical && !ACTIVE_CLINICAL.has(clinical)) return false;
          const verification = cond.verificationStatus?.coding?.[0]?.code;
          if (verification === 'refuted' || verification === 'entered-in-error') return false;
          const abated = time(cond.abatementDateTime ?? cond.abatementPeriod?.end);
          if ((abated !== undefined && abated <= now) || cond.abatementString || cond.abatementAge || cond.abatementRange) return false;
          if (!inSet(cond.code, members)) return false;
          if (window === undefined) return true;
          const since = time(cond.onsetDateTime ?? cond.onsetPeriod?.start) ?? time(cond.recordedDate);
          if (since === undefined) undated = true;
          return since !== undefined && now - since <= window;
        });
        if (found) return [true];
        // An active entry with no date cannot say whether it falls in the window: empty, so that a negated
        // criterion (`hasCondition(…).not()`) is "cannot tell" too, and a trigger's false is "cannot tell".
        if (undated) {
          unknowns().note('an active problem in the set has no onset or recorded date');
          return [];
        }
        return [false];
      },
      arity: { 1: ['String'], 2: ['String', 'Integer'] },
    },

    /**
     * `latestValue(url, days, unit[, charge])`: the latest result in the set within the last `days`, converted to
     * `unit` (UCUM); empty when there is none. A value whose unit does not convert makes the result "cannot tell".
     * `charge` is the substance's valence, which UCUM needs to convert equivalents and moles (1 for potassium and
     * sodium: 4 mEq/L is 4 mmol/L; 2 for calcium); without it, a result in `meq/L` read as `mmol/L` is "cannot tell".
     */
    latestValue: {
      fn: (_inputs: unknown[], url: unknown, days: unknown, unit: unknown, charge?: unknown) => {
        const members = set(url);
        const { resources, now, ucum } = data();
        const to = String(unwrap(unit));
        const window = Number(unwrap(days)) * DAY;
        const results = (resources.Observation ?? [])
          .map((o) => o as { status?: string; code?: Concept; effectiveDateTime?: string; effectivePeriod?: { start?: string }; issued?: string; valueQuantity?: { value?: number; code?: string; unit?: string; system?: string } })
          .filter((o) => RESULT_STATUS.has(String(o.status)) && typeof o.valueQuantity?.value === 'number' && inSet(o.code, members))
          .map((o) => ({ o, at: time(o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.issued) }))
          .filter((x): x is { o: (typeof x)['o']; at: number } => x.at !== undefined && now - x.at <= window && x.at <= now + DAY)
          .sort((a, b) => b.at - a.at);
        const latest = results[0]?.o.valueQuantity;
        if (!latest) return [];
        const from = latest.code ?? latest.unit ?? '';
        if (from === to) return [latest.value];
        const valence = charge === undefined ? undefined : Number(unwrap(charge));
        const converted = ucum?.convertUnitTo(from, latest.value!, to, valence ? { charge: valence } : undefined);
        if (converted?.status === 'succeeded' && typeof converted.toVal === 'number') return [converted.toVal];
        unknowns().note(`the latest result is in ${JSON.stringify(from)}, which does not convert to ${JSON.stringify(to)}`);
        return [];
      },
      arity: { 3: ['String', 'Integer', 'String'], 4: ['String', 'Integer', 'String', 'Integer'] },
    },

    /** `ageInYears()`: whole years today, or at death for a deceased patient; empty when the birth date is unknown. */
    ageInYears: {
      fn: () => {
        const { patient, now } = data();
        const age = wholeYears((patient as { birthDate?: unknown } | undefined)?.birthDate, new Date(deathTime(patient, now) ?? now));
        return age === undefined ? [] : [age];
      },
    },

    /** `isDeceased()`: the record says the patient has died (`deceasedBoolean` or `deceasedDateTime`). */
    isDeceased: { fn: () => [deathTime(data().patient, data().now) !== undefined] },

    /** `date.withinDays(n)`: a date or dateTime (or a Period's start) in the last `n` days (not in the future). */
    withinDays: {
      fn: (inputs: unknown[], days: unknown) => {
        const { now } = data();
        const window = Number(unwrap(days)) * DAY;
        return inputs.map((value) => {
          const v = unwrap(value) as { start?: string } | string;
          const at = time(typeof v === 'object' && v && 'start' in v ? v.start : v);
          return at !== undefined && at <= now + DAY && now - at <= window;
        });
      },
      arity: { 1: ['Integer'] },
    },
  };
}
