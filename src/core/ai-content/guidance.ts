import * as v from 'valibot';
import { BodySchema } from '../packs/body-schema.js';
import { bestLocale, canonicalLocale } from '../i18n/locale.js';

/**
 * A pack's review guidance for AI-produced content (`aiContentGuidance`): what a clinician should check before
 * relying on a kind of AI content — "check every medication and dose the note mentions against the order list".
 * Chosen by the content's resource type (DocumentReference, Composition, Condition, MedicationRequest,
 * Observation…) and, optionally, the kinds of AI (AIdeviceTypeCS codes such as `Large-Language-Models`).
 */
const T = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));
const TAG = v.pipe(v.string(), v.check((t) => canonicalLocale(t) !== undefined, 'must be a BCP 47 language tag such as "es"'));

export const AiContentGuidanceSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._-]{0,127}$/, 'must be 1–128 characters of a–z, 0–9, ".", "_" or "-"')),
  resourceTypes: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[A-Z][A-Za-z]{1,63}$/, 'must be a FHIR resource type such as "DocumentReference"'))), v.minLength(1, 'must name at least one resource type')),
  aiKinds: v.optional(v.pipe(v.array(T(100)), v.minLength(1, 'must list at least one kind (omit it for any AI)'))),
  title: T(200),
  body: BodySchema,
  translations: v.optional(v.record(TAG, v.strictObject({ title: v.optional(T(200)), body: v.optional(BodySchema) }))),
});
export type AiContentGuidance = v.InferOutput<typeof AiContentGuidanceSchema>;

/** The guidance for content of `resourceType` produced by AI of `kinds` (any guidance without `aiKinds` applies to all). */
export function guidanceFor(all: readonly AiContentGuidance[], resourceType: string, kinds: readonly string[] = []): AiContentGuidance[] {
  return all.filter((g) => g.resourceTypes.includes(resourceType) && (!g.aiKinds || g.aiKinds.some((k) => kinds.includes(k))));
}

/** The guidance in the clinician's language (its translation for `locale`, else its own words). */
export function localizeGuidance(g: AiContentGuidance, locale: string): AiContentGuidance {
  const tags = Object.keys(g.translations ?? {});
  const tag = bestLocale(locale, tags);
  if (!tag) return g;
  const t = g.translations![tags.find((k) => canonicalLocale(k) === tag)!];
  return { ...g, ...(t.title ? { title: t.title } : {}), ...(t.body ? { body: t.body } : {}) };
}
