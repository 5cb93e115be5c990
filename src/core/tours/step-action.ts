import type { StepAction, StepCheck } from '../packs/step-schema.js';

/** What the clinician did that a step may be waiting for, as the element observed it. */
export type Observation =
  | { kind: 'click' }
  /** The control's value after typing (`input`) or a choice (`change`). */
  | { kind: 'value'; value: string; via: 'input' | 'change' }
  | { kind: 'workflow'; workflow: string }
  | { kind: 'event'; name: string };

/** A step's condition that cannot be evaluated (a pattern that does not compile): the step falls back to Next. */
export class StepConditionError extends Error {}

const patterns = new Map<string, RegExp>();

/** A pack pattern compiled once (Unicode mode); throws StepConditionError when it does not compile. */
export function pattern(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) {
    try {
      re = new RegExp(source, 'u');
    } catch (error) {
      throw new StepConditionError(`the pattern ${JSON.stringify(source)} does not compile: ${(error as Error).message}`);
    }
    patterns.set(source, re);
  }
  return re;
}

/**
 * Whether an observation is the action the step waits for: a click for `click`; a value that matches for
 * `input` (any non-blank text without `matches`); a chosen value among `values` for `select` (any without);
 * the named workflow point or event. Pure; throws StepConditionError for a pattern that does not compile.
 */
export function actionMet(action: StepAction, observation: Observation): boolean {
  switch (action.on) {
    case 'click':
      return observation.kind === 'click';
    case 'input':
      if (observation.kind !== 'value') return false;
      return action.matches === undefined ? observation.value.trim() !== '' : pattern(action.matches).test(observation.value);
    case 'select':
      if (observation.kind !== 'value' || observation.via !== 'change') return false;
      return action.values === undefined ? observation.value !== '' : action.values.includes(observation.value);
    case 'workflow':
      return observation.kind === 'workflow' && observation.workflow === action.workflow;
    case 'event':
      return observation.kind === 'event' && observation.name === action.name;
  }
}

/** The DOM events an action listens for on its control (none: it listens to the guide or the document). */
export function controlEvents(action: StepAction): readonly string[] {
  if (action.on === 'click') return ['click'];
  if (action.on === 'input') return ['input', 'change'];
  if (action.on === 'select') return ['change'];
  return [];
}

/** The value half of a step's check (the condition half is FHIRPath, evaluated by the engine). */
export function valueCheckPasses(check: StepCheck, value: string | undefined): boolean {
  if (check.value === undefined) return true;
  return value !== undefined && pattern(check.value).test(value);
}

/** The message key of the default hint for an action. */
export function hintKey(action: StepAction): 'hintClick' | 'hintInput' | 'hintSelect' | 'hintWorkflow' | 'hintEvent' {
  return ({ click: 'hintClick', input: 'hintInput', select: 'hintSelect', workflow: 'hintWorkflow', event: 'hintEvent' } as const)[action.on];
}

export const DEFAULT_HINT_SECONDS = 20;
