import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StepAction } from '../../core/packs/step-schema.js';
import { actionMet, controlEvents, DEFAULT_HINT_SECONDS, StepConditionError, type Observation } from '../../core/tours/step-action.js';

/** How long typing must pause before the value is judged. */
const TYPING_PAUSE_MS = 700;

export interface StepActionCallbacks {
  /** The action happened (the element checks it, then moves on or says what to fix). */
  onMet: (value: string | undefined) => void;
  /** The clinician has not acted for the hint's delay. */
  onHint: () => void;
  /** The action's condition cannot be evaluated: the step falls back to Next. */
  onInvalid: (message: string) => void;
}

/** The value of a form control, or of a custom element with a string `value` (`undefined`: not a control). */
export function controlValue(el: EventTarget | null | undefined): string | undefined {
  if (el instanceof HTMLInputElement) return el.type === 'checkbox' || el.type === 'radio' ? (el.checked ? el.value : '') : el.value;
  if (el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) return el.value;
  if (el instanceof HTMLElement && el.isContentEditable) return el.textContent ?? '';
  if (el instanceof HTMLElement && el.localName.includes('-') && typeof (el as unknown as { value?: unknown }).value === 'string') return (el as unknown as { value: string }).value;
  return undefined;
}

/**
 * Waits for the clinician's own action on a tour step: a click, typing or a choice on the step's control (heard in
 * the capture phase on the control, so a host handler that stops propagation does not hide it), a workflow point
 * the host reports, or an event the host page dispatches (heard on window in the capture phase). It never acts on
 * the control itself. A hint timer runs while it waits.
 */
export class StepActionController implements ReactiveController {
  #action?: StepAction;
  #anchor?: Element | null;
  #callbacks?: StepActionCallbacks;
  #listeners: Array<[EventTarget, string, EventListener]> = [];
  #hintTimer?: ReturnType<typeof setTimeout>;
  #typing?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  get waiting(): boolean {
    return this.#action !== undefined;
  }

  /** Starts waiting for `action` on `anchor` (for control actions) — again from scratch if already waiting. */
  arm(action: StepAction, anchor: Element | null, callbacks: StepActionCallbacks): void {
    this.disarm();
    this.#action = action;
    this.#anchor = anchor;
    this.#callbacks = callbacks;
    const types = controlEvents(action);
    if (types.length && anchor) for (const type of types) this.#listen(anchor, type, (event) => this.#fromControl(event));
    if (action.on === 'event') this.#listen(window, action.name, () => this.observe({ kind: 'event', name: action.name }));
    this.#hintTimer = setTimeout(() => this.#callbacks?.onHint(), (action.hintAfterSeconds ?? DEFAULT_HINT_SECONDS) * 1000);
  }

  /** The step's control was replaced (the host re-rendered it): listen on the new one. */
  rebind(anchor: Element | null): void {
    if (!this.#action || anchor === this.#anchor || !controlEvents(this.#action).length) return;
    const { action, callbacks } = { action: this.#action, callbacks: this.#callbacks! };
    this.arm(action, anchor, callbacks);
  }

  /** Something happened that may be the action (the element passes workflow points here). */
  observe(observation: Observation, value?: string): void {
    const action = this.#action;
    if (!action) return;
    let met: boolean;
    try {
      met = actionMet(action, observation);
    } catch (error) {
      if (!(error instanceof StepConditionError)) throw error;
      const callbacks = this.#callbacks;
      this.disarm();
      callbacks?.onInvalid(error.message);
      return;
    }
    if (met) this.#callbacks?.onMet(observation.kind === 'value' ? observation.value : value);
  }

  #fromControl(event: Event): void {
    if (event.type === 'click') return this.observe({ kind: 'click' }, controlValue(this.#anchor));
    // The value of the control the event came from (inside the anchor), else of the anchor itself.
    const source = event.composedPath().find((t) => controlValue(t) !== undefined);
    const value = controlValue(source) ?? controlValue(this.#anchor) ?? '';
    clearTimeout(this.#typing);
    if (event.type === 'change') return this.observe({ kind: 'value', value, via: 'change' });
    // Typing: judged once the clinician pauses (or commits with a change), never in the middle of a word.
    this.#typing = setTimeout(() => this.observe({ kind: 'value', value: controlValue(source) ?? controlValue(this.#anchor) ?? value, via: 'input' }), TYPING_PAUSE_MS);
  }

  #listen(target: EventTarget, type: string, listener: EventListener): void {
    target.addEventListener(type, listener, { capture: true });
    this.#listeners.push([target, type, listener]);
  }

  /** Stops waiting: every listener and timer let go. */
  disarm(): void {
    for (const [target, type, listener] of this.#listeners) target.removeEventListener(type, listener, { capture: true });
    this.#listeners = [];
    clearTimeout(this.#hintTimer);
    clearTimeout(this.#typing);
    this.#action = undefined;
    this.#anchor = undefined;
    this.#callbacks = undefined;
  }

  hostDisconnected(): void {
    this.disarm();
  }
}
