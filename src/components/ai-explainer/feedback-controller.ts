import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CdsCoding } from '../../core/cds/cds-response.js';
import { chosenReason, type FeedbackView } from './ai-explainer.render.js';
import { reasonWords, type Words } from './explainer-words.js';

/**
 * The explainer's agree / override controls as state: idle, asking for a reason, or sent (and what was sent).
 * Sending itself — the events, the learning record, CDS Hooks feedback — is the host's `send`, which answers
 * false when the host page vetoed it.
 */
export class FeedbackController implements ReactiveController {
  state: 'idle' | 'reasons' | 'sent' = 'idle';
  sent?: { outcome: 'agree' | 'override'; reason?: CdsCoding };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
    private readonly send: (outcome: 'agree' | 'override', reason?: CdsCoding) => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Back to the controls (a new output). */
  reset(): void {
    this.#set('idle');
  }

  #set(state: FeedbackController['state'], sent?: FeedbackController['sent']): void {
    this.state = state;
    if (sent) this.sent = sent;
    this.host.requestUpdate();
  }

  #submit(outcome: 'agree' | 'override', reason?: CdsCoding): void {
    if (this.send(outcome, reason)) this.#set('sent', { outcome, reason });
  }

  /** The view the templates render, in the clinician's words. */
  view(w: Words, reasons: CdsCoding[]): FeedbackView {
    const sent = this.sent;
    return {
      w,
      state: this.state,
      sentOutcome: !sent ? undefined : sent.outcome === 'agree' ? w.t('agreed') : sent.reason ? w.t('overrodeReason', { reason: reasonWords(w, sent.reason) }) : w.t('overrode'),
      reasons,
      agree: () => this.#submit('agree'),
      askReason: async () => {
        this.#set('reasons');
        await this.host.updateComplete;
        this.host.renderRoot.querySelector<HTMLInputElement>('input[name="reason"]')?.focus();
      },
      cancel: () => this.#set('idle'),
      submitReason: (event: SubmitEvent) => {
        const reason = chosenReason(event, reasons);
        if (reason) this.#submit('override', reason);
      },
    };
  }
}
