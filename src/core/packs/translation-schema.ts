import * as v from 'valibot';

/**
 * An item's words in other languages (`translations: { "es": { … } }`): the same shape as the item's own words,
 * each field optional — what is left out stays in the item's language. Only words: ids, conditions, selectors,
 * correct answers and timings are the item's and cannot be translated away.
 */
const T = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));
const BODY = v.union([T(20000), v.looseObject({ format: v.literal('ehr-md/1'), blocks: v.array(v.unknown()) })], 'must be markdown text or compiled markdown');

export const TranslationSchema = v.strictObject({
  title: v.optional(T(200)),
  body: v.optional(BODY),
  tags: v.optional(v.array(T(60))),
  steps: v.optional(v.array(v.strictObject({ title: v.optional(T(200)), body: v.optional(BODY), hint: v.optional(T(500)), fix: v.optional(T(1000)), screenName: v.optional(T(100)) }))),
  entries: v.optional(v.array(v.strictObject({ title: v.optional(T(200)), description: v.optional(T(1000)) }))),
  questions: v.optional(
    v.array(
      v.strictObject({
        prompt: v.optional(T(1000)),
        explanation: v.optional(T(2000)),
        options: v.optional(v.array(v.strictObject({ text: v.optional(T(500)), feedback: v.optional(T(1000)) }))),
      }),
    ),
  ),
});
export type Translation = v.InferOutput<typeof TranslationSchema>;
