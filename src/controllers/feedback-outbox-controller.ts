import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CdsFeedbackOutbox } from '../core/cds/feedback-outbox.js';
import { sharedCdsFeedbackOutbox } from '../platform/shared-outbox.js';

/**
 * The page's CDS feedback outbox, for an element that sends feedback: while the element is connected it hears the
 * outbox's problems (a service that refused or could not be reached) and, on connecting, sends what an earlier
 * page or outage left queued.
 */
export class FeedbackOutboxController implements ReactiveController {
  readonly outbox: CdsFeedbackOutbox = sharedCdsFeedbackOutbox();
  #stopHearing?: () => void;

  constructor(
    host: ReactiveControllerHost,
    private readonly onProblem: (message: string) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#stopHearing = this.outbox.onProblem(this.onProblem);
    void this.outbox.flush();
  }

  hostDisconnected(): void {
    this.#stopHearing?.();
    this.#stopHearing = undefined;
  }
}
