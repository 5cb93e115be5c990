import type { HttpTransport } from '../adapters.js';

/**
 * Reads statements from any conformant xAPI LRS through the Statements API (xAPI 1.0.3 §2.1.3 "GET
 * Statements"): filters as query parameters, the `X-Experience-API-Version` header, and `more` followed page by
 * page (a relative IRL on the LRS's host). An LRS that refuses, times out, or pages forever (the same `more`
 * again, or past `maxPages`) ends the read with a stated reason; what was read until then is kept.
 */
export interface LrsQuery {
  /**
   * The LRS's xAPI endpoint (`https://lrs.example.org/xapi/`, as `<ehr-guide lrs-endpoint>` takes it) or its
   * statements resource (`…/xapi/statements`); the statements resource is read either way.
   */
  endpoint: string;
  /** The Authorization header value (e.g. `Basic …`). */
  auth?: string;
  since?: string;
  until?: string;
  verb?: string;
  activity?: string;
  /** Statements per page asked for (the LRS may send fewer). */
  limit?: number;
  /** Give up after this many pages (default 2,000). */
  maxPages?: number;
  /** Each request's time limit in ms (default 30,000). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface LrsRead {
  statements: unknown[];
  pages: number;
  /** Why the read stopped before the end, if it did. */
  stopped?: string;
}

/** Reads every page; `onPage` hears each page as it comes (for a report that fills progressively). */
/** The Statements API resource of an xAPI endpoint: `…/xapi/` → `…/xapi/statements`; `…/statements` stays. */
export function statementsResource(endpoint: string): URL {
  const url = new URL(endpoint);
  if (!/\/statements\/?$/.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/?$/, '/')}statements`;
  return url;
}

export async function readLrs(transport: HttpTransport, query: LrsQuery, onPage?: (statements: unknown[], pages: number) => void): Promise<LrsRead> {
  let url: URL;
  try {
    url = statementsResource(query.endpoint);
  } catch {
    return { statements: [], pages: 0, stopped: `the LRS endpoint ${JSON.stringify(query.endpoint)} is not a URL` };
  }
  for (const [key, value] of Object.entries({ since: query.since, until: query.until, verb: query.verb, activity: query.activity, limit: query.limit ? String(query.limit) : undefined })) {
    if (value) url.searchParams.set(key, value);
  }
  const statements: unknown[] = [];
  const seen = new Set<string>();
  const maxPages = query.maxPages ?? 2000;
  let pages = 0;
  let next: string | undefined = url.href;
  while (next) {
    if (seen.has(next)) return { statements, pages, stopped: 'the LRS sent the same "more" link again (it pages forever)' };
    if (pages >= maxPages) return { statements, pages, stopped: `stopped after ${maxPages} pages (the LRS keeps paging)` };
    seen.add(next);
    const controller = new AbortController();
    const abort = () => controller.abort();
    query.signal?.addEventListener('abort', abort, { once: true });
    const timer = setTimeout(abort, query.timeoutMs ?? 30_000);
    let response;
    try {
      response = await transport({ url: next, method: 'GET', headers: { 'X-Experience-API-Version': '1.0.3', Accept: 'application/json', ...(query.auth ? { Authorization: query.auth } : {}) }, signal: controller.signal });
    } catch (error) {
      const why = query.signal?.aborted ? 'the read was cancelled' : controller.signal.aborted ? `the LRS did not answer within ${(query.timeoutMs ?? 30_000) / 1000} s` : `the LRS could not be reached (${(error as Error).message})`;
      return { statements, pages, stopped: why };
    } finally {
      clearTimeout(timer);
      query.signal?.removeEventListener('abort', abort);
    }
    if (response.status === 401 || response.status === 403) return { statements, pages, stopped: `the LRS refused the credentials (HTTP ${response.status})` };
    if (response.status !== 200) return { statements, pages, stopped: `the LRS answered HTTP ${response.status}` };
    let body: { statements?: unknown; more?: unknown };
    try {
      body = JSON.parse(response.text);
    } catch {
      return { statements, pages, stopped: 'the LRS answered with something that is not JSON' };
    }
    if (!Array.isArray(body?.statements)) return { statements, pages, stopped: 'the LRS answer has no "statements" array (not a StatementResult)' };
    pages++;
    statements.push(...body.statements);
    onPage?.(body.statements, pages);
    next = typeof body.more === 'string' && body.more ? new URL(body.more, url).href : undefined;
  }
  return { statements, pages };
}
