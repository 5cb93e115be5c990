/**
 * A cmi5 assignable unit (cmi5 spec, "AU" rules) over @xapi/cmi5: launched by an LMS with the launch parameters in
 * the URL (`endpoint`, `fetch`, `actor`, `registration`, `activityId`), it fetches its auth token, reads
 * LMS.LaunchData, sends `initialized`, then — in Normal launch mode — `passed` or `failed` (against the LMS's
 * mastery score when it sets one) and `completed` as the unit's `moveOn` needs them, and `terminated` last.
 * Loaded only on a cmi5 launch: @xapi/cmi5 (with its HTTP client) never weighs on other pages.
 */
export interface Cmi5Result {
  /** 0–1; omit for a unit without a score (a checklist). */
  score?: number;
  /** The unit's own verdict (its pass mark); the LMS's mastery score wins when it sets one. */
  passed: boolean;
}

export interface Cmi5Session {
  readonly moveOn: string;
  readonly launchMode: string;
  readonly masteryScore?: number;
  /** Reports the result (passed/failed, completed, as moveOn and the launch mode allow); once. */
  finish(result: Cmi5Result): Promise<void>;
  /** Sends `terminated` (once; also on leaving the page). */
  terminate(): Promise<void>;
}

const PARAMS = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const;

/** Whether the page was launched by a cmi5 LMS (all five launch parameters in the query). */
export function isCmi5Launch(search: string = globalThis.location?.search ?? ''): boolean {
  const q = new URLSearchParams(search);
  return PARAMS.every((p) => !!q.get(p));
}

/** Starts the AU session: token, launch data, `initialized`. Rejects with a message naming the step that failed. */
export async function startCmi5Session(): Promise<Cmi5Session> {
  const { default: Cmi5 } = await import('@xapi/cmi5');
  const cmi5 = new Cmi5();
  try {
    await cmi5.initialize();
  } catch (error) {
    throw new Error(`cmi5 initialization failed (auth token from "fetch", LMS.LaunchData, or the initialized statement): ${describe(error)}`);
  }
  const data = cmi5.getLaunchData();
  const moveOn = String(data.moveOn ?? 'NotApplicable');
  const launchMode = String(data.launchMode ?? 'Normal');
  const masteryScore = typeof data.masteryScore === 'number' ? data.masteryScore : undefined;
  let finishing: Promise<void> | undefined;
  let terminated: Promise<void> | undefined;
  const session: Cmi5Session = {
    moveOn,
    launchMode,
    masteryScore,
    finish(result) {
      // Once: a second call (the unit re-rendered) waits for the first; nothing after terminated.
      if (terminated) return Promise.resolve();
      finishing ??= (async () => {
        // Browse and Review launches record nothing but initialized and terminated (the library refuses the rest).
        if (launchMode !== 'Normal') return;
        const needsVerdict = moveOn !== 'Completed';
        const passed = masteryScore !== undefined && result.score !== undefined ? result.score >= masteryScore : result.passed;
        try {
          if (needsVerdict) {
            if (passed) await cmi5.pass(result.score);
            else await cmi5.fail(result.score);
          }
          await cmi5.complete();
        } catch (error) {
          throw new Error(`cmi5 result not sent: ${describe(error)}`);
        }
      })();
      return finishing;
    },
    terminate() {
      // After the result (cmi5: terminated is the session's last statement), whether or not it could be sent.
      terminated ??= (finishing ?? Promise.resolve()).catch(() => undefined).then(() => cmi5.terminate()).then(
        () => undefined,
        (error: unknown) => {
          throw new Error(`cmi5 terminated not sent: ${describe(error)}`);
        },
      );
      return terminated;
    },
  };
  return session;
}

function describe(error: unknown): string {
  const e = error as { response?: { status?: number }; message?: string };
  return e?.response?.status ? `HTTP ${e.response.status}` : (e?.message ?? String(error));
}
