import type { KeyValueStorage } from '../adapters.js';

type WebStorageLike = Pick<KeyValueStorage, 'getItem' | 'setItem'>;

function randomId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

function stored(storage: WebStorageLike | undefined, key: string): string {
  try {
    const existing = storage?.getItem(key);
    if (existing && /^[A-Za-z0-9._:-]{1,128}$/.test(existing)) return existing;
    const id = randomId();
    storage?.setItem(key, id);
    return id;
  } catch {
    return randomId(); // storage blocked: a fresh id, progress kept for this page only
  }
}

/**
 * A random learner id kept in `storage` (the device's localStorage in browsers): pseudonymous by construction
 * (derived from nothing about the user). Without storage, a fresh id each time.
 */
export function deviceLearnerId(storage: WebStorageLike | null | undefined): string {
  return stored(storage ?? undefined, 'ehr-guide:learner');
}

/** A session id kept in `storage` (the tab's sessionStorage in browsers: it survives reloads and ends with the tab). */
export function tabSessionId(storage: WebStorageLike | null | undefined): string {
  return stored(storage ?? undefined, 'ehr-guide:session');
}

/**
 * A stable pseudonymous learner id for a signed-in user: SHA-256 of the organisation's secret salt and the
 * user's FHIR identity (e.g. SMART `fhirUser`), so the LRS can link one clinician's records across devices
 * without ever receiving who they are. Without the salt the id cannot be reversed by a dictionary of user URLs.
 */
export async function pseudonymousLearnerId(fhirUser: string, salt: string): Promise<string> {
  if (!salt || salt.length < 16) throw new RangeError('pseudonymousLearnerId: the salt must be a secret of at least 16 characters');
  const bytes = new TextEncoder().encode(`${salt}\u0000${fhirUser}`);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return `lrn-${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('').slice(0, 32)}`;
}
