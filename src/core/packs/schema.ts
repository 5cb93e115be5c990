import * as v from 'valibot';
import { ModelCardSchema } from '../models/model-card.js';
import { AiContentGuidanceSchema } from '../ai-content/guidance.js';
import { ItemSchema, LOCALE, SEMVER } from './item-schema.js';
import { ID, TEXT } from './fields.js';

/**
 * The content-pack format (`ehr-guide-pack/1`): a versioned JSON file of tips, tours and lessons that a training
 * lead authors, reviews and publishes as a static file. Validated with valibot; `schemas/content-pack.schema.json`
 * (generated from these schemas) gives authors editor completion. The items' own schemas are in item-schema.ts.
 */
export const PACK_FORMAT = 'ehr-guide-pack/1';

export * from './item-schema.js';

const packFields = {
  $schema: v.optional(v.string()),
  format: v.literal(PACK_FORMAT, `must be "${PACK_FORMAT}"`),
  id: ID,
  version: SEMVER,
  title: TEXT(200),
  locale: LOCALE,
  publisher: v.optional(TEXT(200)),
  description: v.optional(TEXT(2000)),
};

const CANONICAL = v.pipe(v.string(), v.regex(/^(https?:\/\/|urn:oid:)\S{3,500}$/, 'must be a canonical URL (http, https or urn:oid)'));
const Concept = v.strictObject({ system: v.pipe(v.string(), v.minLength(1)), code: v.pipe(v.string(), v.minLength(1)), display: v.optional(TEXT(500)), reason: v.optional(TEXT(500)) });

/**
 * One of a pack's value sets: a FHIR R4 ValueSet carried inline (`valueSet`), a ValueSet file served beside the
 * pack (`href`, relative to the pack), or a set composed from others (`compose`). Each says where it comes from.
 */
export const ValueSetEntrySchema = v.pipe(
  v.strictObject({
    url: CANONICAL,
    version: TEXT(64),
    title: v.optional(TEXT(300)),
    provenance: v.union([TEXT(2000), v.record(v.string(), v.unknown())], 'must say where the value set comes from (text, or an object of its source fields)'),
    valueSet: v.optional(v.looseObject({ resourceType: v.literal('ValueSet', 'must be a FHIR ValueSet') })),
    href: v.optional(v.pipe(v.string(), v.regex(/^(?![a-z][a-z0-9+.-]*:|\/\/)[^\s]{1,300}\.json$/i, 'must be a relative path to a .json file beside the pack'))),
    compose: v.optional(
      v.strictObject({
        include: v.optional(v.array(v.strictObject({ valueSet: CANONICAL, displayMatches: v.optional(v.pipe(v.string(), v.maxLength(500))), codes: v.optional(v.array(v.pipe(v.string(), v.minLength(1)))) }))),
        add: v.optional(v.array(Concept)),
        exclude: v.optional(v.array(Concept)),
      }),
    ),
  }),
  v.check((e) => [e.valueSet, e.href, e.compose].filter((x) => x !== undefined).length === 1, 'needs exactly one of valueSet, href or compose'),
);

/** The pack without its items: items are validated one by one so a bad item never sinks the pack. */
export const PackHeaderSchema = v.looseObject({ ...packFields, items: v.array(v.unknown(), 'must be an array of items') });

/** The full pack, items included: what the JSON Schema file describes. */
export const PackSchema = v.strictObject({
  ...packFields,
  items: v.array(ItemSchema),
  modelCards: v.optional(v.array(ModelCardSchema)),
  valueSets: v.optional(v.array(ValueSetEntrySchema)),
  aiContentGuidance: v.optional(v.array(AiContentGuidanceSchema)),
});

export type Pack = v.InferOutput<typeof PackSchema>;
