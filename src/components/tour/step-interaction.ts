import type { ReactiveControllerHost } from 'lit';
import type { GuideApi } from '../../core/engine/guide-api.js';
import type { TourStep } from '../../core/packs/step-schema.js';
import { StepConditionError, valueCheckPasses } from '../../core/tours/step-action.js';
import type { EhrTourActionDetail } from '../../events.js';
import { StepActionController, controlValue } from './step-action-controller.js';

/** What the interactive part of a tour reads from, and tells, its `<ehr-tour>`. */
export interface InteractionHost {
  /** The index of the step showing now, whether the tour runs, and the step. */
  index(): number;
  running(): boolean;
  step(): TourStep | undefined;
  /** The step's control, when on the page. */
  anchor(): Element | null;
  guide(): GuideApi | undefined;
  /** The step's interactive state changed: the hint is due, a fix shows, a check runs, its condition is unusable. */
  state(change: { hint?: boolean; fix?: string; checking?: boolean; invalid?: boolean }): void;
  /** A condition of step `index` cannot be evaluated (reported as `step-condition-invalid`). */
  invalid(index: number, message: string): void;
  action(index: number, outcome: EhrTourActionDetail['outcome']): void;
  /** The action was done right: go on from step `index`. */
  advance(index: number): void;
}

/**
 * The interactive part of a tour, loaded only when a step has an action or a check (tours that read to the
 * clinician never pay for it): waits for the clinician's own action through StepActionController, runs the step's
 * check — its value pattern, then its FHIRPath condition over the guide's live context — and says what to fix.
 */
export class StepInteraction {
  readonly #actions: StepActionController;

  constructor(
    host: ReactiveControllerHost,
    private readonly tour: InteractionHost,
  ) {
    this.#actions = new StepActionController(host);
  }

  get waiting(): boolean {
    return this.#actions.waiting;
  }

  /** Waits for `step`'s action (on `anchor` for control actions). */
  arm(step: TourStep, anchor: Element | null): void {
    if (!step.action) return;
    const index = this.tour.index();
    this.#actions.arm(step.action, anchor, {
      onMet: (value) => void this.#met(index, value),
      onHint: () => this.tour.index() === index && this.tour.state({ hint: true }),
      onInvalid: (message) => this.tour.invalid(index, message),
    });
  }

  /** The step's control was re-rendered by the host: listen on the new one. */
  rebind(anchor: Element | null): void {
    this.#actions.rebind(anchor);
  }

  /** The host reported a workflow point (a `workflow` action may be met). */
  workflow(workflow: string): void {
    this.#actions.observe({ kind: 'workflow', workflow });
  }

  disarm(): void {
    this.#actions.disarm();
  }

  async #met(index: number, value: string | undefined): Promise<void> {
    const step = this.tour.step();
    if (!step || this.tour.index() !== index || !this.tour.running()) return;
    if (step.check) {
      // The host's own handlers run after ours (we listen in the capture phase): let them update the context first.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (!(await this.check(step, value)) || this.tour.index() !== index || !this.tour.running()) return;
    }
    this.tour.action(index, 'done');
    this.tour.advance(index);
  }

  /** Runs a step's check: true when it passes; otherwise the fix shows (or the check cannot run, and Next takes over). */
  async check(step: TourStep, value: string | undefined = controlValue(this.tour.anchor())): Promise<boolean> {
    const check = step.check!;
    const index = this.tour.index();
    this.tour.state({ checking: true });
    let passed: boolean;
    try {
      passed = valueCheckPasses(check, value);
      if (passed && check.condition) {
        const guide = this.tour.guide();
        if (!guide) throw new StepConditionError('a condition check needs the tour inside <ehr-guide> (the live context)');
        const result = await guide.checkCondition(check.condition);
        if (!result.ok) throw new StepConditionError(`the check ${JSON.stringify(check.condition)} cannot be evaluated: ${result.error}`);
        passed = result.value;
      }
    } catch (error) {
      this.tour.state({ checking: false });
      if (!(error instanceof StepConditionError)) throw error;
      this.tour.invalid(index, error.message);
      this.disarm();
      return false;
    }
    this.tour.state({ checking: false });
    if (this.tour.index() !== index) return false;
    this.tour.state({ fix: passed ? undefined : check.fix });
    if (!passed) this.tour.action(index, 'fix-needed');
    return passed;
  }
}
