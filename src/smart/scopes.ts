// Least privilege: the scopes a launch asks for follow from what the configured packs and model cards read
// (SMART App Launch 2.2 §3 "Scopes and Launch Context": granular `patient/<Type>.rs` in v2, `patient/<Type>.read`
// in v1), and the scope the EHR granted is read back, so content that needs an ungranted type is shown as
// unavailable instead of failing.

export type ScopeVersion = 'v1' | 'v2';

export interface ScopeRequest {
  /** Resource types the patient-level reads need (the packs' conditions, model cards, AI outputs). */
  resourceTypes: readonly string[];
  /** Whether user context is needed (an item with an audience): `openid fhirUser` and the user's own resources. */
  userContext: boolean;
  /** An EHR launch (`launch`) or a standalone one (`launch/patient`). */
  ehrLaunch: boolean;
  /** `online_access`, only for an EHR launch and only when configured. */
  onlineAccess: boolean;
  version: ScopeVersion;
}

/** The scope string to ask for. The Patient and (in an EHR launch) the Encounter in context are always read. */
export function scopesFor(request: ScopeRequest): string {
  const read = request.version === 'v2' ? 'rs' : 'read';
  const types = new Set(['Patient', ...(request.ehrLaunch ? ['Encounter'] : []), ...request.resourceTypes]);
  const scopes = [request.ehrLaunch ? 'launch' : 'launch/patient'];
  if (request.userContext) scopes.push('openid', 'fhirUser');
  for (const type of [...types].sort()) scopes.push(`patient/${type}.${read}`);
  // The signed-in user's own record and roles: only when some content is for an audience (a role).
  if (request.userContext) scopes.push(`user/Practitioner.${read}`, `user/PractitionerRole.${read}`);
  if (request.onlineAccess && request.ehrLaunch) scopes.push('online_access');
  return scopes.join(' ');
}

/** SMART v2 when the server says `permission-v2` or does not say `permission-v1` only. */
export function scopeVersionOf(configuration: { capabilities?: unknown } | undefined): ScopeVersion {
  const caps = Array.isArray(configuration?.capabilities) ? (configuration!.capabilities as unknown[]) : [];
  return caps.includes('permission-v2') || !caps.includes('permission-v1') ? 'v2' : 'v1';
}

/**
 * Whether the granted scope lets the app read `type` for the patient: `patient/` or `user/` (which covers the
 * user's patients), the type or `*`, v2 `r`/`s` permissions (with `?` parameters) or v1 `read`/`*`.
 * An absent scope in the token response means the requested scope was granted (RFC 6749 §5.1).
 */
export function grantsRead(granted: string | undefined, requested: string, type: string): boolean {
  const scopes = (granted ?? requested).split(/\s+/).filter(Boolean);
  return scopes.some((scope) => {
    const m = /^(patient|user|system)\/([A-Za-z]+|\*)\.([a-z*]+)(\?.*)?$/.exec(scope);
    if (!m || m[1] === 'system' || (m[2] !== '*' && m[2] !== type)) return false;
    const permission = m[3];
    if (permission === 'read' || permission === '*') return true;
    return /^c?r?u?d?s?$/.test(permission) && permission.includes("r");
  });
}

/** The requested types the granted scope leaves out. */
export function ungrantedTypes(granted: string | undefined, requested: string, types: readonly string[]): string[] {
  return types.filter((type) => !grantsRead(granted, requested, type));
}
