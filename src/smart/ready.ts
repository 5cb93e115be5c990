import { smartStyleTokens } from './style.js';
import type Client from 'fhirclient/lib/Client';
import { kindOfOAuthError, SmartError, toSmartError } from './errors.js';
import { launchExtras, smartDataSource, type LaunchExtras, type SmartDataOptions } from './data-source.js';
import type { GuideDataSource } from '../core/context/data-source.js';

export interface SmartSession {
  client: Client;
  dataSource: GuideDataSource;
  launch: LaunchExtras;
}

/** What fhirclient keeps in sessionStorage (JSON values): the launch state under its `state` key, and SMART_KEY. */
function stored(key: string): Record<string, unknown> | string | undefined {
  try {
    const raw = globalThis.sessionStorage?.getItem(key);
    return raw ? (JSON.parse(raw) as Record<string, unknown> | string) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks the redirect before anything else (RFC 6749 §10.12, SMART App Launch 2.2 §"Obtain authorization code"):
 * a `state` this browser did not start is refused before `error` or `code` are looked at; a page opened with
 * neither and no earlier session here is "opened without a launch".
 */
export function checkRedirect(search: string): void {
  const params = new URLSearchParams(search);
  const state = params.get('state');
  if (state !== null) {
    if (typeof stored(state) !== 'object') throw new SmartError('state-mismatch', 'authorization: the state parameter names no launch started in this browser');
  } else if (params.has('code') || params.has('error')) {
    throw new SmartError('state-mismatch', 'authorization: the redirect carries no state parameter');
  } else {
    const key = stored('SMART_KEY');
    const session = typeof key === 'string' ? stored(key) : undefined;
    const token = typeof session === 'object' ? (session.tokenResponse as { access_token?: unknown } | undefined) : undefined;
    if (!token?.access_token) throw new SmartError('no-launch', 'no launch: the page has no code or state, and no session is kept here');
  }
  const error = params.get('error');
  if (error) throw new SmartError(kindOfOAuthError(error, params.get('error_description') ?? ''), `authorization: ${error}`);
}

/** A failed token exchange or ready(), as the cause it names (the token endpoint's OAuth error code). */
async function readyError(error: unknown): Promise<SmartError> {
  const e = error as { status?: number; parse?: () => Promise<unknown>; message?: string };
  if (typeof e?.parse === 'function') await e.parse().catch(() => undefined);
  const message = String(e?.message ?? '');
  const code = /\b(invalid_client|unauthorized_client|invalid_grant|invalid_scope|invalid_request|access_denied|server_error|temporarily_unavailable)\b/.exec(message)?.[1];
  if (code) return new SmartError(kindOfOAuthError(code, message), `token: ${code}`, e.status);
  if (e?.status === 401) return new SmartError('client-unknown', 'token: HTTP 401', 401);
  return toSmartError(error, 'authorization');
}

/**
 * Completes the launch on the redirect page (fhirclient's `ready()`, loaded now): the redirect is checked first
 * (`checkRedirect`), then the code is exchanged. Every failure is a SmartError whose kind names the cause.
 */
export async function completeLaunch(options: SmartDataOptions = {}, location: Location = globalThis.location): Promise<SmartSession> {
  checkRedirect(location.search);
  const { default: FHIR } = await import('fhirclient');
  let client: Client;
  try {
    client = (await FHIR.oauth2.ready()) as unknown as Client;
    performance.mark('ehr-guide:smart-ready'); // the performance timeline: launch completed (bench/startup.mjs)
  } catch (error) {
    throw await readyError(error);
  }
  return { client, dataSource: smartDataSource(client, options), launch: launchExtras(client) };
}

/** A session over a fhirclient Client the host already holds (its own launch). */
export function sessionFromClient(client: Client, options: SmartDataOptions = {}): SmartSession {
  return { client, dataSource: smartDataSource(client, options), launch: launchExtras(client) };
}

/**
 * Applies the SMART style (smart_style_url) to `target` as ehr-guide's tokens; returns the fields refused. A
 * document that cannot be fetched or read rejects (the caller keeps the defaults).
 */
export async function applySmartStyle(url: string, target: HTMLElement): Promise<string[]> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`smart_style_url answered ${response.status}`);
  const { tokens, refused } = smartStyleTokens(await response.json());
  for (const [token, value] of Object.entries(tokens)) target.style.setProperty(token, value);
  return refused;
}
