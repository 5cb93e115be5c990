import * as v from 'valibot';
import { BodySchema } from './body-schema.js';
import { EVENT_NAME, FHIRPATH, TEXT, WORKFLOW } from './fields.js';

/**
 * What a tour step may ask of the clinician and check afterwards (`ehr-guide-pack/1`, since 0.3): the step waits
 * for the clinician's own action on the real control — never acts for them — and may check that it was done right.
 */
/** A regular expression (JavaScript syntax, Unicode mode) that a value must match somewhere; anchor it with ^…$. */
export const PATTERN = v.pipe(
  v.string(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(300, 'must be at most 300 characters'),
  v.check((source) => {
    try {
      new RegExp(source, 'u');
      return true;
    } catch {
      return false;
    }
  }, 'must be a valid regular expression (JavaScript syntax, Unicode mode)'),
);

const hint = {
  /** Shown when the clinician has not acted after `hintAfterSeconds` (default: a sentence naming the action). */
  hint: v.optional(TEXT(500)),
  /** Seconds before the hint shows (default 20). */
  hintAfterSeconds: v.optional(v.pipe(v.number(), v.minValue(1, 'must be at least 1 second'), v.maxValue(600, 'must be at most 600 seconds'))),
};

/** The clinician's action that moves the step on. */
export const StepActionSchema = v.variant(
  'on',
  [
    /** A click (or Enter/Space) on the step's control. */
    v.strictObject({ on: v.literal('click'), ...hint }),
    /** Typing into the step's control (input, textarea, contenteditable) until its value matches `matches` (any text when omitted). */
    v.strictObject({ on: v.literal('input'), matches: v.optional(PATTERN), ...hint }),
    /** A value chosen in the step's control (select, radio group, checkbox); one of `values` when given. */
    v.strictObject({ on: v.literal('select'), values: v.optional(v.pipe(v.array(TEXT(200)), v.minLength(1, 'must list at least one value (omit it for any)'))), ...hint }),
    /** The host reports this workflow point (a CDS Hooks hook such as order-sign, or a screen id). */
    v.strictObject({ on: v.literal('workflow'), workflow: WORKFLOW, ...hint }),
    /** The host page dispatches this DOM event (on any element; it must bubble, or be dispatched on document). */
    v.strictObject({ on: v.literal('event'), name: EVENT_NAME, ...hint }),
  ],
  'on must be "click", "input", "select", "workflow" or "event"',
);

/** After the action: was it done right? If not, `fix` says what to change, and the step waits again. */
export const StepCheckSchema = v.pipe(
  v.strictObject({
    /** The step's control's value must match this (e.g. a frequency field filled in). */
    value: v.optional(PATTERN),
    /** A FHIRPath expression over the live context that must be true (e.g. the draft order has a frequency). */
    condition: v.optional(FHIRPATH),
    /** What to fix, when the check fails. */
    fix: TEXT(1000),
  }),
  v.check((c) => c.value !== undefined || c.condition !== undefined, 'a check needs a value pattern, a condition, or both'),
);

export const TourStepSchema = v.strictObject({
  selector: TEXT(500),
  title: TEXT(200),
  body: BodySchema,
  /** The screen (workflow point) the step is on: the tour pauses elsewhere and resumes here. */
  screen: v.optional(WORKFLOW),
  /** The screen as clinicians know it ("Orders"), for the paused tour's card (default: the screen id). */
  screenName: v.optional(TEXT(100)),
  /** The clinician's own action that moves the step on (instead of Next). */
  action: v.optional(StepActionSchema),
  /** A check once the action happened. */
  check: v.optional(StepCheckSchema),
  /** A dimmed cut-out around the control for this step (overrides the tour's `spotlight`). */
  spotlight: v.optional(v.boolean()),
});

export type TourStep = v.InferOutput<typeof TourStepSchema>;
export type StepAction = v.InferOutput<typeof StepActionSchema>;
export type StepCheck = v.InferOutput<typeof StepCheckSchema>;
