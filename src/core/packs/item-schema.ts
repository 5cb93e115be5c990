import * as v from 'valibot';
import { TranslationSchema } from './translation-schema.js';
import { FHIRPATH, ID, TEXT, WORKFLOW } from './fields.js';
import { EHR_VERSION_PATTERN } from '../patterns.js';

/**
 * The items of a content pack — tips, tours, lessons, checklists — as valibot schemas, apart from the pack around
 * them (schema.ts): an element validating a tour or lesson it was handed as an object loads these alone, not the
 * model-card, value-set and AI-content schemas of whole packs.
 */

export const ROLES = ['physician', 'nurse', 'pharmacist', 'resident', 'student', 'administrative', 'other'] as const;
export const PROFICIENCIES = ['novice', 'intermediate', 'advanced'] as const;
/** CDS Hooks hook names (cds-hooks.hl7.org 2.0 and the hooks library) usable as workflow points. */
export const CDS_HOOKS = [
  'patient-view',
  'order-select',
  'order-sign',
  'order-dispatch',
  'order-verify',
  'encounter-start',
  'encounter-discharge',
  'appointment-book',
  'medication-refill',
  'medication-verify',
  'allergyintolerance-create',
  'problem-list-item-create',
] as const;

export type Role = (typeof ROLES)[number];
export type Proficiency = (typeof PROFICIENCIES)[number];

export const SEMVER = v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'must be a semantic version such as "1.2.0"'));
const DATE = v.pipe(v.string(), v.isoDate('must be a date written YYYY-MM-DD'));
export const LOCALE = v.pipe(v.string(), v.regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as "en" or "en-GB"'));

export { BodySchema } from './body-schema.js';
import { BodySchema } from './body-schema.js';

export const AudienceSchema = v.strictObject({
  roles: v.optional(v.pipe(v.array(v.picklist(ROLES, `must be one of ${ROLES.join(', ')}`)), v.minLength(1, 'must list at least one role (omit it for everyone)'))),
  proficiency: v.optional(v.pipe(v.array(v.picklist(PROFICIENCIES, `must be one of ${PROFICIENCIES.join(', ')}`)), v.minLength(1, 'must list at least one level (omit it for everyone)'))),
});

export const WhenSchema = v.strictObject({
  /** Workflow points (CDS Hooks hook names or host screen ids) where the item applies; omitted = anywhere. */
  workflow: v.optional(v.pipe(v.array(WORKFLOW), v.minLength(1, 'must list at least one workflow point (omit it for anywhere)'))),
  /** FHIRPath expressions that must all be true (evaluated with the R4 model; see the pack docs for variables). */
  conditions: v.optional(v.array(FHIRPATH)),
  /** CSS selector of the host element the item attaches to. */
  selector: v.optional(TEXT(500)),
  /** Only during the session of the learner's first visit to the current workflow point (onboarding a screen). */
  firstVisit: v.optional(v.boolean()),
  /** Only once the EHR reports this version or a later one (`<ehr-guide ehr-version>`): "What's new" after an upgrade. */
  ehrVersion: v.optional(v.pipe(v.string(), v.regex(EHR_VERSION_PATTERN, 'must be a version of up to four numbers such as "2026.2" or "12.4.1"'))),
});

export const FrequencySchema = v.strictObject({
  perSession: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  perDay: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  total: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  /** Minutes a "Remind me later" keeps the item away. */
  snoozeMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(60 * 24 * 90))),
});

const itemBase = {
  id: ID,
  version: SEMVER,
  title: TEXT(200),
  locale: v.optional(LOCALE),
  reviewBy: DATE,
  audience: v.optional(AudienceSchema),
  when: v.optional(WhenSchema),
  frequency: v.optional(FrequencySchema),
  /** 0–100, higher first when several items match. */
  priority: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100))),
  /** `false` for items shown only on request (help panel), never pushed. */
  unsolicited: v.optional(v.boolean()),
  tags: v.optional(v.array(TEXT(60))),
  body: BodySchema,
  /** The item's words in other languages, by BCP 47 tag (`es`, `es-MX`); what a translation leaves out stays in the item's language. */
  translations: v.optional(v.record(v.pipe(v.string(), v.regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as "es" or "es-MX"')), TranslationSchema)),
};

export const TipSchema = v.strictObject({
  kind: v.literal('tip'),
  ...itemBase,
  presentation: v.optional(v.picklist(['beacon', 'tooltip', 'callout'], 'must be beacon, tooltip or callout')),
  placement: v.optional(v.picklist(['top', 'bottom', 'left', 'right', 'top-start', 'top-end', 'bottom-start', 'bottom-end', 'left-start', 'left-end', 'right-start', 'right-end'])),
});

export { TourStepSchema } from './step-schema.js';
import { TourStepSchema } from './step-schema.js';
import { ChecklistEntriesSchema } from './checklist-schema.js';

export const TourSchema = v.strictObject({
  kind: v.literal('tour'),
  ...itemBase,
  steps: v.pipe(v.array(TourStepSchema), v.minLength(1, 'a tour needs at least one step')),
  /** A dimmed cut-out around each step's control (off by default: it must never hide clinical information unasked). */
  spotlight: v.optional(v.boolean()),
});

export const ChecklistSchema = v.strictObject({
  kind: v.literal('checklist'),
  ...itemBase,
  entries: ChecklistEntriesSchema,
});

export const QuestionSchema = v.pipe(
  v.strictObject({
    id: ID,
    prompt: TEXT(1000),
    type: v.picklist(['single', 'multiple'], 'must be single or multiple'),
    options: v.pipe(
      v.array(v.strictObject({ id: ID, text: TEXT(500), correct: v.optional(v.boolean()), feedback: v.optional(TEXT(1000)) })),
      v.minLength(2, 'a question needs at least two options'),
    ),
    explanation: v.optional(TEXT(2000)),
  }),
  v.check((q) => q.options.some((o) => o.correct), 'a question needs at least one correct option'),
  v.check((q) => q.type === 'multiple' || q.options.filter((o) => o.correct).length === 1, 'a single-choice question needs exactly one correct option'),
);

export const LessonSchema = v.strictObject({
  kind: v.literal('lesson'),
  ...itemBase,
  durationMinutes: v.optional(v.pipe(v.number(), v.minValue(0.5), v.maxValue(15))),
  questions: v.pipe(v.array(QuestionSchema), v.minLength(1, 'a lesson needs at least one question')),
  /** Share of questions to answer correctly to pass, 0–1. */
  passMark: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
});

export const ItemSchema = v.variant('kind', [TipSchema, TourSchema, LessonSchema, ChecklistSchema], 'kind must be "tip", "tour", "lesson" or "checklist"');

export type Tip = v.InferOutput<typeof TipSchema>;
export type Tour = v.InferOutput<typeof TourSchema>;
export type Lesson = v.InferOutput<typeof LessonSchema>;
export type Checklist = v.InferOutput<typeof ChecklistSchema>;
export type PackItem = v.InferOutput<typeof ItemSchema>;
