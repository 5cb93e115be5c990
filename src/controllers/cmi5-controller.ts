import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isCmi5Launch, type Cmi5Result, type Cmi5Session } from '../platform/cmi5-session.js';

/** The page's one cmi5 unit: the first lesson or checklist that connects on a cmi5 launch claims it. */
const claim: { by?: object } = {};

/**
 * Runs a lesson or checklist as a cmi5 assignable unit when the page was launched by an LMS with cmi5 launch
 * parameters (and as plain xAPI through `<ehr-guide>` otherwise): starts the session on connect (the cmi5 code
 * loads only then), reports the unit's result once, and terminates when the result is in or the page is left.
 */
export class Cmi5Controller implements ReactiveController {
  #session?: Promise<Cmi5Session | undefined>;

  constructor(
    host: ReactiveControllerHost,
    private readonly onProblem: (message: string) => void,
  ) {
    host.addController(this);
  }

  /** Whether this element is the page's cmi5 unit. */
  get active(): boolean {
    return claim.by === this;
  }

  hostConnected(): void {
    if (this.#session || !isCmi5Launch()) return;
    if (claim.by && claim.by !== this) return;
    claim.by = this;
    this.#session = import('../platform/cmi5-session.js')
      .then((m) => m.startCmi5Session())
      .then(
        (session) => {
          addEventListener('pagehide', () => void session.terminate().catch(() => undefined), { once: true });
          return session;
        },
        (error: Error) => {
          this.onProblem(error.message);
          return undefined;
        },
      );
  }

  /** The unit's result: sent to the LMS's LRS as moveOn needs it, then `terminated`. */
  finish(result: Cmi5Result): Promise<void> {
    // The first result is the unit's (a checklist re-renders complete; a lesson retried after a fail is not re-sent).
    this.#finished ??= (async () => {
      const session = await this.#session;
      if (!session) return;
      try {
        await session.finish(result);
        await session.terminate();
      } catch (error) {
        this.onProblem((error as Error).message);
      }
    })();
    return this.#finished;
  }

  #finished?: Promise<void>;
}
