import { missingTransport, randomUuid, runUnlocked, type HttpTransport, type IdSource, type KeyValueStorage, type LockRunner } from '../adapters.js';
import type { XapiStatement } from './statements.js';
import { StoredList } from '../stored-list.js';

export interface LearningRecordsOptions {
  config?: LrsConfig;
  /** Where the queue survives a closed tab (durable storage from the platform); memory when absent. */
  storage?: KeyValueStorage | null;
  /** How statements reach the LRS (the platform's HTTP transport). */
  transport?: HttpTransport;
  /** Statement ids (the platform's UUID generator; a Math.random one when absent). */
  newId?: IdSource;
  /** Serialises sending between tabs over one stored queue (Web Locks in browsers). */
  lock?: LockRunner;
  /** What a relative LRS endpoint is resolved against (the page's URL in browsers). */
  baseUrl?: string;
  onProblem?: (message: string) => void;
  /**
   * Milliseconds to wait before sending again after the LRS could not be reached, one per consecutive failure (the
   * last repeats). Without a retry the queue would wait for the clinician's next action; `[]` turns retries off.
   */
  retryDelays?: readonly number[];
}

/** 5 s, 30 s, 2 min, then every 5 min while the LRS stays unreachable. */
export const DEFAULT_RETRY_DELAYS: readonly number[] = [5_000, 30_000, 120_000, 300_000];

export interface LrsConfig {
  /** The LRS's xAPI endpoint (ends in `/xapi/` or similar; `statements` is appended). */
  endpoint: string;
  /** Authorization header value (e.g. `Basic …`), when the LRS needs one. */
  auth?: string;
}

const QUEUE_KEY = 'ehr-guide:xapi-queue';
/** Statements kept while the LRS cannot be reached; beyond this the oldest are reported and dropped. */
export const MAX_QUEUED_STATEMENTS = 1000;

/**
 * Sends xAPI statements to the health system's LRS with @xapi/xapi (loaded only when the first statement is
 * sent). Every statement is written to a persistent queue first and leaves it only when the LRS has taken it,
 * so a network error, a closed tab or an LRS outage loses nothing; the queue is retried on the next record or
 * `flush()`.
 */
export class LearningRecords {
  #config?: LrsConfig;
  #queue: StoredList<XapiStatement>;
  #rejected: StoredList<XapiStatement>;
  #flushing?: Promise<void>;
  #onProblem: (message: string) => void;
  readonly #transport: HttpTransport;
  readonly #lock: LockRunner;
  readonly #baseUrl?: string;
  readonly #newId: IdSource;
  readonly #retryDelays: readonly number[];
  #failures = 0;
  #retry?: ReturnType<typeof setTimeout>;

  constructor(options: LearningRecordsOptions = {}) {
    this.#retryDelays = options.retryDelays ?? DEFAULT_RETRY_DELAYS;
    this.#onProblem = options.onProblem ?? (() => undefined);
    this.#transport = options.transport ?? missingTransport('learning records');
    this.#lock = options.lock ?? runUnlocked;
    this.#baseUrl = options.baseUrl;
    this.#newId = options.newId ?? randomUuid;
    this.#config = options.config;
    const storage = options.storage ?? null;
    this.#queue = new StoredList(storage, QUEUE_KEY, (error) =>
      this.#onProblem(`learning records could not be kept in storage (${error.message}); they are kept in memory until sent`),
    );
    this.#rejected = new StoredList(storage, REJECTED_KEY);
    if (this.#config) this.#validate(this.#config);
  }

  set config(config: LrsConfig | undefined) {
    if (config) this.#validate(config);
    this.#config = config;
  }

  get config(): LrsConfig | undefined {
    return this.#config;
  }

  #validate(config: LrsConfig): void {
    let url: URL;
    try {
      url = new URL(config.endpoint, this.#baseUrl);
    } catch {
      throw new TypeError(`LRS endpoint ${JSON.stringify(config.endpoint)} is not a URL${this.#baseUrl ? '' : ' (a relative endpoint needs a base URL)'}`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`LRS endpoint must be http(s), got ${url.protocol}`);
  }

  /** Statements waiting for the LRS. */
  get queued(): XapiStatement[] {
    return this.#queue.read();
  }

  #save(queue: XapiStatement[]): void {
    if (queue.length > MAX_QUEUED_STATEMENTS) {
      this.#onProblem(`the LRS has been unreachable for ${queue.length} statements; the oldest ${queue.length - MAX_QUEUED_STATEMENTS} were dropped`);
      queue = queue.slice(-MAX_QUEUED_STATEMENTS);
    }
    this.#queue.write(queue);
  }

  /** Queues a statement (with a fresh id and timestamp) and tries to send the queue. Resolves when queued. */
  record(statement: XapiStatement): XapiStatement {
    const full: XapiStatement = { ...statement, id: statement.id ?? this.#newId(), timestamp: statement.timestamp ?? new Date().toISOString() };
    this.#save([...this.queued, full]);
    void this.flush();
    return full;
  }

  /** Sends what is queued; resolves when done (or when it failed: the problem is reported, the queue kept). */
  flush(): Promise<void> {
    if (!this.#config) return Promise.resolve();
    // A statement queued while a send is in flight is not in that batch: one more send follows it (not the next
    // statement or retry, which may be minutes away).
    if (this.#flushing) {
      this.#again ??= this.#flushing.then(() => {
        this.#again = undefined;
        return this.flush();
      });
      return this.#again;
    }
    this.#flushing = this.#lock('ehr-guide:xapi-queue', () => this.#send()).finally(() => (this.#flushing = undefined));
    return this.#flushing;
  }

  #again?: Promise<void>;

  async #send(): Promise<void> {
    const config = this.#config;
    const batch = this.queued;
    if (!config || batch.length === 0) return;
    let xapi: { sendStatements(params: { statements: never }): Promise<unknown> };
    try {
      const { default: XAPI } = await import('@xapi/xapi');
      xapi = new XAPI({ endpoint: new URL(config.endpoint, this.#baseUrl).href, auth: config.auth, adapter: statusAdapter(this.#transport) as never });
    } catch (error) {
      this.#onProblem(`the xAPI client could not be loaded (${(error as Error).message}); ${batch.length} statement(s) kept to send again`);
      return;
    }
    try {
      await xapi.sendStatements({ statements: batch as never });
      this.#forget(batch);
      this.#failures = 0;
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 400 && batch.length > 1) {
        // The LRS rejects a whole batch for one statement it will never take: send one by one to find it.
        for (const statement of batch) {
          try {
            await xapi.sendStatements({ statements: [statement] as never });
            this.#forget([statement]);
          } catch (single) {
            if ((single as { status?: number }).status !== 400) {
              this.#onProblem(`the LRS did not take a statement (${describe(single)}); kept to send again`);
              return;
            }
            this.#reject(statement, single);
          }
        }
        return;
      }
      if (status === 400) return this.#reject(batch[0], error);
      // Unreachable, unauthorised, busy or failing: keep everything, report without the statements.
      this.#onProblem(`the LRS did not take ${batch.length} statement(s) (${describe(error)}); kept to send again`);
      this.#scheduleRetry();
    }
  }

  /** Sends again after the next delay, so records reach an LRS that comes back even if the clinician does nothing. */
  #scheduleRetry(): void {
    if (this.#retryDelays.length === 0 || this.#retry !== undefined) return;
    const delay = this.#retryDelays[Math.min(this.#failures, this.#retryDelays.length - 1)];
    this.#failures++;
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      void this.flush();
    }, delay);
    // In Node (the CLI), a pending retry must not keep the process alive.
    (this.#retry as { unref?: () => void }).unref?.();
  }

  /** Stops a pending retry (the element holding these records left the page). */
  dispose(): void {
    if (this.#retry !== undefined) clearTimeout(this.#retry);
    this.#retry = undefined;
  }

  #forget(sent: readonly XapiStatement[]): void {
    const ids = new Set(sent.map((s) => s.id));
    this.#save(this.queued.filter((s) => !ids.has(s.id)));
  }

  /**
   * A statement the LRS refuses as invalid (400) would block the queue forever: it moves to a kept list of
   * rejected statements (`rejected`, in storage too) instead of being retried — set aside, not lost.
   */
  #reject(statement: XapiStatement, error: unknown): void {
    this.#forget([statement]);
    this.#rejected.write([...this.rejected, statement].slice(-MAX_QUEUED_STATEMENTS));
    this.#onProblem(`the LRS refused statement ${statement.id} as invalid (${describe(error)}); it is kept with the rejected statements, not retried`);
  }

  /** Statements the LRS refused as invalid (kept for an administrator; never sent again automatically). */
  get rejected(): XapiStatement[] {
    return this.#rejected.read();
  }
}

const REJECTED_KEY = 'ehr-guide:xapi-rejected';

function describe(error: unknown): string {
  const status = (error as { status?: number }).status;
  const message = String((error as Error)?.message ?? error).slice(0, 160);
  return status ? `HTTP ${status}: ${message}` : message;
}

/** @xapi/xapi's request adapter over the core's transport, keeping the HTTP status on errors (its own adapter drops it). */
function statusAdapter(transport: HttpTransport) {
  return async ({ url, method, data, headers }: { url: string; method: string; data?: unknown; headers: Record<string, string> }) => {
    const body = data === undefined ? undefined : typeof data === 'string' ? data : JSON.stringify(data);
    const response = await transport({ url, method: method.toUpperCase() as 'GET' | 'POST' | 'PUT', headers, body });
    const ok = response.status >= 200 && response.status < 300;
    if (!ok) throw Object.assign(new Error(response.text.slice(0, 200) || `HTTP ${response.status}`), { status: response.status });
    return { data: parseJson(response.text), headers: response.headers, status: response.status };
  };
}

function parseJson(text: string): unknown {
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return parsed;
}
