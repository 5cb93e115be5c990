import type { Proficiency, Role } from '../packs/schema.js';
import type { FhirResource } from './fhir-types.js';

/**
 * Everything the engine decides from, as one immutable value: who the user is, where they are in the workflow,
 * and the patient's record. Each change produces a new context with bumped versions for the parts that changed,
 * so the engine re-evaluates only what those parts can affect.
 */
export interface GuideContext {
  readonly patient?: FhirResource;
  readonly encounter?: FhirResource;
  /** The signed-in user's resource (Practitioner, PractitionerRole, …); never sent anywhere. */
  readonly user?: FhirResource;
  /** Resources related to the patient, by resource type (Condition, MedicationRequest, Observation, …). */
  readonly resources: Readonly<Record<string, readonly FhirResource[]>>;
  readonly role?: Role;
  /** Set explicitly, or inferred from progress by the engine when absent. */
  readonly proficiency?: Proficiency;
  /** The current workflow point: a CDS Hooks hook name (patient-view, order-sign, …) or a host screen id. */
  readonly workflow?: string;
  /** The EHR's version as the host reports it (`2026.2`): items with `when.ehrVersion` apply from that version on. */
  readonly ehrVersion?: string;
  readonly locale: string;
  /** SMART launch extras the elements may use (`fhirContext`, `intent`, `tenant`, …); never PHI in events. */
  readonly launch?: Readonly<Record<string, unknown>>;
  /** Version of each data part: `patient`, `encounter`, `user`, and one per resource type. */
  readonly versions: Readonly<Record<string, number>>;
}

export interface ContextPatch {
  patient?: FhirResource | null;
  encounter?: FhirResource | null;
  user?: FhirResource | null;
  /** Replaces the resources of the types given; other types are kept. Use `null` to drop a type. */
  resources?: Record<string, readonly FhirResource[] | null>;
  role?: Role | null;
  proficiency?: Proficiency | null;
  workflow?: string | null;
  ehrVersion?: string | null;
  locale?: string;
  launch?: Record<string, unknown> | null;
}

/** Which parts of the context changed, by name: `role`, `workflow`, `patient`, `resource:Condition`, … */
export type ContextChanges = ReadonlySet<string>;

let versionCounter = 0;
/** Our frozen copy of a resource list → the host's array it was copied from (to notice an unchanged list). */
const origins = new WeakMap<readonly FhirResource[], readonly FhirResource[]>();


export function createContext(patch: ContextPatch = {}): GuideContext {
  return applyContext({ resources: {}, locale: 'en', versions: {} }, patch).context;
}

/**
 * Returns a new context with `patch` applied, and the set of parts that changed. The context and its lists are
 * frozen copies; the resources themselves belong to the host and are never modified (not even frozen). They are
 * read as snapshots: a host that changes a resource in place must pass it again so its version changes.
 */
export function applyContext(base: GuideContext, patch: ContextPatch): { context: GuideContext; changes: ContextChanges } {
  const changes = new Set<string>();
  const versions: Record<string, number> = { ...base.versions };
  const next: { -readonly [K in keyof GuideContext]: GuideContext[K] } = { ...base, resources: { ...base.resources } };
  const bump = (part: string) => {
    versions[part] = ++versionCounter;
    changes.add(part);
  };
  for (const key of ['patient', 'encounter', 'user'] as const) {
    if (!(key in patch)) continue;
    const value = patch[key] ?? undefined;
    if (value === base[key]) continue;
    if (value !== undefined && (typeof value !== 'object' || typeof value.resourceType !== 'string')) {
      throw new TypeError(`context.${key} must be a FHIR resource (an object with a resourceType), got ${value === null ? 'null' : typeof value}`);
    }
    next[key] = value;
    bump(key);
  }
  if (patch.resources) {
    for (const [type, list] of Object.entries(patch.resources)) {
      if (!/^[A-Z][A-Za-z]+$/.test(type)) throw new TypeError(`context.resources: "${type}" is not a FHIR resource type`);
      if (list === null) {
        if (type in next.resources) {
          delete (next.resources as Record<string, unknown>)[type];
          bump(`resource:${type}`);
        }
        continue;
      }
      if (!Array.isArray(list)) throw new TypeError(`context.resources.${type} must be an array of resources`);
      const current = base.resources[type];
      // The same array as before, or a new array of the very same resources (a host that re-sets its whole record
      // on every render): nothing changed, nothing is re-evaluated or cloned into the worker again.
      if (current && (list === current || origins.get(current) === list || sameResources(list, current))) continue;
      list.forEach((r, i) => {
        if (!r || r.resourceType !== type) throw new TypeError(`context.resources.${type}[${i}] is not a ${type} (resourceType ${JSON.stringify(r?.resourceType)})`);
      });
      const copy = Object.freeze([...list]);
      origins.set(copy, list);
      (next.resources as Record<string, readonly FhirResource[]>)[type] = copy;
      bump(`resource:${type}`);
    }
  }
  for (const key of ['role', 'proficiency', 'workflow', 'ehrVersion', 'launch'] as const) {
    if (!(key in patch)) continue;
    const value = patch[key] ?? undefined;
    if (value === base[key]) continue;
    (next as Record<string, unknown>)[key] = key === 'launch' && value ? Object.freeze({ ...(value as object) }) : value;
    changes.add(key);
  }
  if (patch.locale !== undefined && patch.locale !== base.locale) {
    next.locale = patch.locale;
    changes.add('locale');
  }
  next.versions = versions;
  Object.freeze(next.resources);
  return { context: Object.freeze(next) as GuideContext, changes };
}

function sameResources(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Groups a FHIR Bundle's (or any list's) resources by type, as the context holds them. */
export function resourcesByType(resources: Iterable<FhirResource>): Record<string, FhirResource[]> {
  const out: Record<string, FhirResource[]> = {};
  for (const r of resources) (out[r.resourceType] ??= []).push(r);
  return out;
}

/** The resources of a Bundle, skipping entries without one. */
export function bundleResources(bundle: { entry?: Array<{ resource?: FhirResource }> }): FhirResource[] {
  return (bundle.entry ?? []).map((e) => e.resource).filter((r): r is FhirResource => Boolean(r && typeof r.resourceType === 'string'));
}
