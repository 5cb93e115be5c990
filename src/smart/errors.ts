/** What went wrong with a SMART launch or a FHIR read, as a kind the elements can show quietly. */
export type SmartErrorKind =
  | 'denied'
  | 'no-launch'
  | 'state-mismatch'
  | 'client-unknown'
  | 'redirect-mismatch'
  | 'scope-refused'
  | 'launch-expired'
  | 'config-invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'server'
  | 'timeout'
  | 'network'
  | 'invalid';

export class SmartError extends Error {
  constructor(
    readonly kind: SmartErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SmartError';
  }
}

export function kindOfStatus(status: number): SmartErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'invalid';
}

/** Turns whatever fhirclient or fetch threw into a SmartError. Messages name the request, never patient data. */
export function toSmartError(error: unknown, what: string): SmartError {
  if (error instanceof SmartError) return error;
  const e = error as { status?: number; statusCode?: number; name?: string; message?: string };
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number') return new SmartError(kindOfStatus(status), `${what}: HTTP ${status}`, status);
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') return new SmartError('timeout', `${what}: timed out`);
  // A body that is not JSON (a proxy's HTML page, a truncated answer): the EHR answered, not in FHIR.
  if (e?.name === 'SyntaxError') return new SmartError('invalid', `${what}: the answer is not valid JSON`);
  return new SmartError('network', `${what}: ${e?.message ?? String(error)}`);
}

/**
 * One sentence per real cause, saying what the clinician (or, for a registration problem, the EHR's
 * administrator) can do. Never patient data.
 */
export function describeSmartError(kind: SmartErrorKind): string {
  return {
    denied: 'The EHR did not allow this launch. Guidance is off for now; the chart is unaffected.',
    'no-launch': 'ehr-guide was opened without a launch. Open it from the patient\'s chart in the EHR.',
    'state-mismatch': 'This sign-in did not match a launch started here (an old or copied link). Open ehr-guide again from the chart.',
    'client-unknown': 'The EHR does not recognise this app\'s registration (client id). Ask your EHR administrator to check the client id in ehr-guide.config.json.',
    'redirect-mismatch': 'The EHR refused the app\'s return address. Ask your EHR administrator to register this app\'s redirect URI exactly as configured.',
    'scope-refused': 'The EHR refused the access ehr-guide asked for. Ask your EHR administrator which scopes this app may have.',
    'launch-expired': 'The launch took too long or was already used. Open ehr-guide again from the chart.',
    'config-invalid': 'ehr-guide is not configured correctly on this server. Ask your administrator to check ehr-guide.config.json.',
    unauthorized: 'The session with the EHR has ended. Reopen ehr-guide from the chart.',
    forbidden: 'The EHR did not share the data guidance needs. General guidance only.',
    'not-found': 'Some of the record could not be found. General guidance only.',
    'rate-limited': 'The EHR is busy. Guidance will catch up shortly.',
    server: 'The EHR had a problem answering. General guidance only.',
    timeout: 'The EHR took too long to answer. General guidance only.',
    network: 'The EHR could not be reached. General guidance only.',
    invalid: 'The EHR answered in a way ehr-guide did not understand. General guidance only.',
  }[kind];
}

/** An OAuth 2.0 error code (RFC 6749 §4.1.2.1, §5.2) as the kind of launch failure it means. */
export function kindOfOAuthError(code: string, description = ''): SmartErrorKind {
  switch (code) {
    case 'access_denied':
      return 'denied';
    case 'invalid_client':
    case 'unauthorized_client':
      return 'client-unknown';
    case 'invalid_scope':
      return 'scope-refused';
    case 'invalid_grant':
      return /redirect/i.test(description) ? 'redirect-mismatch' : 'launch-expired';
    case 'invalid_request':
      return /redirect/i.test(description) ? 'redirect-mismatch' : 'invalid';
    case 'temporarily_unavailable':
    case 'server_error':
      return 'server';
    default:
      return 'denied';
  }
}
