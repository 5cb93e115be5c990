import * as v from 'valibot';
import { LessonSchema, TourSchema, type Lesson, type Tour } from './schema.js';

export type Validated<T> = { ok: true; value: T } | { ok: false; message: string };

function validate<T>(schema: v.GenericSchema<unknown, T>, value: unknown, name: string): Validated<T> {
  const parsed = v.safeParse(schema, value);
  if (parsed.success) return { ok: true, value: parsed.output };
  const issue = parsed.issues[0];
  const path = (issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('');
  return { ok: false, message: `the ${name} is invalid at ${name}${path}: ${issue.message}` };
}

/**
 * Validation of a single tour or lesson handed to an element as an object (pack items were validated with their
 * pack). A module of its own so elements load it, and valibot, only when they need it.
 */
export const validateTour = (value: unknown): Validated<Tour> => validate(TourSchema, value, 'tour');
export const validateLesson = (value: unknown): Validated<Lesson> => validate(LessonSchema, value, 'lesson');
