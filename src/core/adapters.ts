/**
 * What the core needs from the platform it runs on, as small interfaces. The core never reaches for a browser
 * global itself (no `fetch`, `localStorage`, `Worker` or `navigator`): the element layer hands it browser
 * adapters (`src/platform/`), the CLI hands it Node's, tests hand it fakes. So the same core runs unchanged in
 * a page, in a worker and in Node.
 */

/** The part of the Web Storage API the stores use, so tests and hosts can hand in their own. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** One HTTP request, as the core's senders (LRS, CDS feedback, pack loading) make it. */
export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST' | 'PUT';
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

/** The answer, read in full: status, headers (lower-case names) and the body as text. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** Sends one HTTP request. Rejects only when no answer came (network, abort); any HTTP status resolves. */
export type HttpTransport = (request: HttpRequest) => Promise<HttpResponse>;

/** Runs `task` while holding the named lock (Web Locks in browsers, so two tabs take turns on one stored queue). */
export type LockRunner = <T>(name: string, task: () => Promise<T>) => Promise<T>;

/** No locking: the task runs at once (one process, or a platform without locks). */
export const runUnlocked: LockRunner = (_name, task) => task();

/** A transport for a core object built without one: every send fails, saying what to configure. */
export function missingTransport(what: string): HttpTransport {
  return () => Promise.reject(new Error(`${what}: no HTTP transport was configured (pass one, e.g. fetchTransport() from ehr-guide/platform)`));
}

/** A Web Storage look-alike kept in memory: what stores fall back to when no storage is given or storage fails. */
export function memoryKeyValueStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}
