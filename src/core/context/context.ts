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
  locale?: string;
  launch?: Record<string, unknown> | null;
}

/** Which parts of the context changed, by name: `role`, `workflow`, `patient`, `resource:Condition`, … */
export type ContextChanges = ReadonlySet<string>;

let versionCounter = 0;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

export function createContext(patch: ContextPatch = {}): GuideContext {
  return applyContext({ resources: {}, locale: 'en', versions: {} }, patch).context;
}

/**
 * Returns a new context with `patch` applied, and the set of parts that changed. Resources passed in are frozen
 * (they are shared with the engine's worker and must not change under it), so hosts should pass copies they no
 * longer mutate.
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
    next[key] = deepFreeze(value);
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
      if (list === base.resources[type]) continue;
      list.forEach((r, i) => {
        if (!r || r.resourceType !== type) throw new TypeError(`context.resources.${type}[${i}] is not a ${type} (resourceType ${JSON.stringify(r?.resourceType)})`);
      });
      (next.resources as Record<string, readonly FhirResource[]>)[type] = deepFreeze(list);
      bump(`resource:${type}`);
    }
  }
  for (const key of ['role', 'proficiency', 'workflow', 'launch'] as const) {
    if (!(key in patch)) continue;
    const value = patch[key] ?? undefined;
    if (value === base[key]) continue;
    (next as Record<string, unknown>)[key] = key === 'launch' ? deepFreeze(value) : value;
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
