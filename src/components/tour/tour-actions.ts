import type { ReactiveControllerHost } from 'lit';
import type { TourStep } from '../../core/packs/step-schema.js';
import type { InteractionHost, StepInteraction } from './step-interaction.js';

/**
 * What the actions of a running tour read from, and tell, their `<ehr-tour>`: what StepInteraction asks of it,
 * except the step's state, which TourActions keeps itself.
 */
export type TourActionsHost = Omit<InteractionHost, 'state'>;

/** Whether the step waits for an action on its control (click, typing, a choice), not on the host. */
export const controlAction = (step: TourStep) => step.action?.on === 'click' || step.action?.on === 'input' || step.action?.on === 'select';

/**
 * The interactive side of `<ehr-tour>`'s steps, as the tour element sees it: the state its step shows (the hint
 * after a while, what to fix, "Checking…", a step whose action cannot be evaluated and falls back to Next), and
 * StepInteraction — waiting for the clinician's action, running the step's check — loaded on the first step that
 * has an action or a check, so a tour that only reads to the clinician never fetches it.
 */
export class TourActions {
  /** The hint is due (the clinician has not acted for a while). */
  hint = false;
  /** What to fix, after the step's check failed. */
  fix?: string;
  /** The step's check is running. */
  checking = false;
  /** The step's action (or check) cannot be evaluated: the step goes on with Next. */
  invalid = false;
  #interaction?: StepInteraction;
  #loading?: Promise<StepInteraction>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly tour: TourActionsHost,
  ) {}

  /** Whether `step` waits for the clinician's action (and its Next is "Skip this step"). */
  interactive(step: TourStep): boolean {
    return !!step.action && !this.invalid;
  }

  /** Whether Next may go on from `step`: its check passes (a step without a check, or an interactive one, always may). */
  async mayGoOn(step: TourStep | undefined): Promise<boolean> {
    if (!step?.check || step.action || this.invalid || !this.tour.running()) return true;
    return (await this.#load()).check(step);
  }

  /** Another step comes: nothing of the last one's state stays. */
  reset(): void {
    this.#interaction?.disarm();
    this.#set({ hint: false, fix: undefined, checking: false, invalid: false });
  }

  /** `step` shows: an action on the host's side (a workflow point, an event) is awaited now, one on its control once it is there. */
  shown(step: TourStep): void {
    if (step.action && (step.action.on === 'workflow' || step.action.on === 'event')) this.#arm(step, null);
  }

  /** The step's control came (or came back, re-rendered by the host): a control action listens on it. */
  anchored(step: TourStep, anchor: Element | null): void {
    if (!controlAction(step) || this.invalid) return;
    if (this.#interaction?.waiting) this.#interaction.rebind(anchor);
    else this.#arm(step, anchor);
  }

  /** The host reported a workflow point (a `workflow` action may be met). */
  workflow(workflow: string): void {
    this.#interaction?.workflow(workflow);
  }

  /** A condition of step `index` cannot be evaluated: reported, and that step falls back to Next. */
  fail(index: number, message: string): void {
    this.tour.invalid(index, message);
    if (this.tour.index() === index) this.#set({ invalid: true });
  }

  disarm(): void {
    this.#interaction?.disarm();
  }

  #set(change: Partial<Pick<TourActions, 'hint' | 'fix' | 'checking' | 'invalid'>>): void {
    Object.assign(this, change);
    this.host.requestUpdate();
  }

  /** Waits for the step's action (once the interactive part is in, and if the step is still the one showing). */
  #arm(step: TourStep, anchor: Element | null): void {
    if (!step.action || this.invalid) return;
    const index = this.tour.index();
    void this.#load().then((interaction) => {
      if (this.tour.running() && this.tour.index() === index && this.tour.step() === step && !this.invalid) interaction.arm(step, anchor ?? (controlAction(step) ? this.tour.anchor() : null));
    });
  }

  #load(): Promise<StepInteraction> {
    this.#loading ??= import('./step-interaction.js').then(({ StepInteraction }) => {
      this.#interaction = new StepInteraction(this.host, { ...this.tour, state: (change) => this.#set(change), invalid: (index, message) => this.fail(index, message) });
      return this.#interaction;
    });
    return this.#loading;
  }
}
