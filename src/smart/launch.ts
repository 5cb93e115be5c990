import { SmartError, toSmartError } from './errors.js';

export interface SmartLaunchOptions {
  /** The client id registered with the EHR. */
  clientId: string;
  /** Where the EHR sends the browser back (registered with the EHR); default: `index.html` beside the launch page. */
  redirectUri?: string;
  /** For a standalone launch: the FHIR base URL to launch against. An EHR launch takes `iss` from the URL. */
  iss?: string;
  /** Scopes; by default chosen from the server's smart-configuration (SMART v2 `patient/*.rs`, else v1 `patient/*.read`). */
  scope?: string;
}

async function defaultScope(iss: string, ehrLaunch: boolean): Promise<string> {
  let v2 = true;
  try {
    const config = await (await fetch(`${iss.replace(/\/$/, '')}/.well-known/smart-configuration`, { headers: { Accept: 'application/json' } })).json();
    const caps: string[] = Array.isArray(config.capabilities) ? config.capabilities : [];
    v2 = caps.includes('permission-v2') || !caps.includes('permission-v1');
  } catch {
    // No smart-configuration: fhirclient will fail with its own message; keep the v2 default.
  }
  // online_access: tokens are refreshed while the clinician works (short EHR token lifetimes are common).
  return [ehrLaunch ? 'launch' : 'launch/patient', 'openid', 'fhirUser', v2 ? 'patient/*.rs' : 'patient/*.read', v2 ? 'user/Practitioner.rs user/PractitionerRole.rs' : 'user/Practitioner.read user/PractitionerRole.read', 'online_access'].join(' ');
}

/**
 * Starts a SMART App Launch 2 authorization (PKCE S256 required) through fhirclient, loaded only now. An EHR
 * launch reads `iss` and `launch` from the page URL; a standalone launch needs `options.iss`.
 */
export async function startLaunch(options: SmartLaunchOptions, location: Location = globalThis.location): Promise<void> {
  const params = new URLSearchParams(location.search);
  const iss = params.get('iss') ?? options.iss;
  const ehrLaunch = params.has('launch');
  if (!iss) throw new SmartError('no-launch', 'no iss: open this page from the EHR, or give a FHIR server for a standalone launch');
  const { default: FHIR } = await import('fhirclient');
  try {
    await FHIR.oauth2.authorize({
      clientId: options.clientId,
      scope: options.scope ?? (await defaultScope(iss, ehrLaunch)),
      redirectUri: options.redirectUri ?? new URL('index.html', location.href).href,
      pkceMode: 'required',
      // Inside the EHR's app frame, finish the flow in the frame itself.
      completeInTarget: true,
      ...(ehrLaunch ? {} : { iss }),
    });
  } catch (error) {
    throw toSmartError(error, 'authorization');
  }
}
