import { randomUuid, type IdSource, type KeyValueStorage, type Sha256 } from '../adapters.js';

type WebStorageLike = Pick<KeyValueStorage, 'getItem' | 'setItem'>;

function stored(storage: WebStorageLike | undefined, key: string, newId: IdSource): string {
  try {
    const existing = storage?.getItem(key);
    if (existing && /^[A-Za-z0-9._:-]{1,128}$/.test(existing)) return existing;
    const id = newId();
    storage?.setItem(key, id);
    return id;
  } catch {
    return newId(); // storage blocked: a fresh id, progress kept for this page only
  }
}

/**
 * A random learner id kept in `storage` (the device's durable storage in browsers): pseudonymous by construction
 * (derived from nothing about the user). Without storage, a fresh id each time.
 */
export function deviceLearnerId(storage: WebStorageLike | null | undefined, newId: IdSource = randomUuid): string {
  return stored(storage ?? undefined, 'ehr-guide:learner', newId);
}

/** A session id kept in `storage` (the tab's own storage in browsers: it survives reloads and ends with the tab). */
export function tabSessionId(storage: WebStorageLike | null | undefined, newId: IdSource = randomUuid): string {
  return stored(storage ?? undefined, 'ehr-guide:session', newId);
}

/**
 * A stable pseudonymous learner id for a signed-in user: SHA-256 of the organisation's secret salt and the
 * user's FHIR identity (e.g. SMART `fhirUser`), so the LRS can link one clinician's records across devices
 * without ever receiving who they are. Without the salt the id cannot be reversed by a dictionary of user URLs.
 */
export async function pseudonymousLearnerId(fhirUser: string, salt: string, sha256: Sha256): Promise<string> {
  if (!salt || salt.length < 16) throw new RangeError('pseudonymousLearnerId: the salt must be a secret of at least 16 characters');
  const digest = await sha256(new TextEncoder().encode(`${salt}\u0000${fhirUser}`));
  return `lrn-${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('').slice(0, 32)}`;
}
