/** What went wrong with a SMART launch or a FHIR read, as a kind the elements can show quietly. */
export type SmartErrorKind = 'denied' | 'no-launch' | 'unauthorized' | 'forbidden' | 'not-found' | 'rate-limited' | 'server' | 'timeout' | 'network' | 'invalid';

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
  return new SmartError('network', `${what}: ${e?.message ?? String(error)}`);
}

/** A sentence a clinician can read, for each kind. */
export function describeSmartError(kind: SmartErrorKind): string {
  return {
    denied: 'The EHR did not allow this launch. Guidance is off for now; the chart is unaffected.',
    'no-launch': 'This page was opened without a launch from the EHR.',
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
