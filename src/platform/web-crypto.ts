import type { IdSource, Sha256 } from '../core/adapters.js';
import { pseudonymousLearnerId as pseudonymousWith } from '../core/progress/identity.js';

/** Web Crypto's UUID generator (browsers, workers, Node 20). */
export const webUuid: IdSource = () => globalThis.crypto.randomUUID();

/** Web Crypto's SHA-256. */
export const webSha256: Sha256 = (bytes) => globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);

/**
 * A stable pseudonymous learner id for a signed-in user, hashed with Web Crypto: see the core's
 * `pseudonymousLearnerId(fhirUser, salt, sha256)`.
 */
export function pseudonymousLearnerId(fhirUser: string, salt: string): Promise<string> {
  return pseudonymousWith(fhirUser, salt, webSha256);
}
