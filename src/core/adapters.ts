/**
 * What the core needs from the platform it runs on, as small interfaces: HTTP, key-value storage, locks, ids and
 * hashing. The core never reaches for a platform global itself: the element layer hands it the adapters of
 * `src/platform/`, the CLI hands it Node's, tests hand it fakes. So the same core runs unchanged in a page, in a
 * worker and in Node.
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

/** A fresh unique id (RFC 4122 version 4 UUID): statement ids, device and session ids. */
export type IdSource = () => string;

/** SHA-256 of some bytes (Web Crypto's `subtle.digest` in browsers, workers and Node). */
export type Sha256 = (bytes: Uint8Array) => Promise<ArrayBuffer>;

/**
 * A version 4 UUID from `Math.random`: unique enough for record ids when the platform gives no id source (never
 * used where an id must be unguessable; the platform adapter uses the platform's cryptographic generator).
 */
export const randomUuid: IdSource = () => {
  const hex = Array.from({ length: 32 }, () => Math.floor(Math.random() * 16));
  hex[12] = 4;
  hex[16] = (hex[16] & 0x3) | 0x8;
  const s = hex.map((n) => n.toString(16)).join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
};

/** No locking: the task runs at once (one process, or a platform without locks). */
export const runUnlocked: LockRunner = (_name, task) => task();

/** A transport for a core object built without one: every send fails, saying what to configure. */
export function missingTransport(what: string): HttpTransport {
  return () => Promise.reject(new Error(`${what}: no HTTP transport was configured (pass one: ehr-guide/platform has the browser's)`));
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
