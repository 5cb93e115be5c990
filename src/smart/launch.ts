import { SmartError, toSmartError } from './errors.js';
import { scopesFor, scopeVersionOf, type ScopeVersion } from './scopes.js';

export interface SmartLaunchOptions {
  /** The client id registered with the EHR. */
  clientId: string;
  /** Where the EHR sends the browser back (registered with the EHR); default: `index.html` beside the launch page. */
  redirectUri?: string;
  /** For a standalone launch: the FHIR base URL to launch against. An EHR launch takes `iss` from the URL. */
  iss?: string;
  /** The exact scope string; else derived from `reads` (least privilege). */
  scope?: string;
  /** What the app will read, for the derived scope: resource types, whether user context is needed. */
  reads?: { resourceTypes: readonly string[]; userContext: boolean };
  /** SMART v1 or v2 scopes, or `auto` (the server's `capabilities`). */
  scopeVersion?: ScopeVersion | 'auto';
  /** Ask for `online_access` (EHR launch only). */
  onlineAccess?: boolean;
}

/** Where a launch is going: the issuer and whether the EHR launched it (`launch` parameter). */
export function launchTarget(options: { iss?: string }, location: Location = globalThis.location): { iss: string; ehrLaunch: boolean } {
  const params = new URLSearchParams(location.search);
  const iss = params.get('iss') ?? options.iss;
  if (!iss) throw new SmartError('no-launch', 'no iss: open this page from the EHR, or give a FHIR server for a standalone launch');
  if (!/^https?:\/\//i.test(iss)) throw new SmartError('invalid', 'iss is not an http(s) URL');
  return { iss, ehrLaunch: params.has('launch') };
}

/**
 * Starts a SMART App Launch 2.2 authorization (PKCE S256 required) through fhirclient, loaded only now. The
 * server's `.well-known/smart-configuration` is fetched once, through fhirclient's own cache, and read for the
 * scope version before fhirclient uses it for the endpoints.
 */
export async function startLaunch(options: SmartLaunchOptions, location: Location = globalThis.location): Promise<{ scope: string }> {
  const { iss, ehrLaunch } = launchTarget(options, location);
  const [{ default: FHIR }, smartModule] = await Promise.all([import('fhirclient'), import('fhirclient/lib/smart')]);
  // A CommonJS module: its exports arrive as `default` when bundled, as named exports elsewhere.
  type Smart = { fetchWellKnownJson(iss: string): Promise<unknown> };
  const smart = ((smartModule as unknown as { default?: Smart }).default ?? smartModule) as unknown as Smart;
  let scope = options.scope;
  if (!scope) {
    let version: ScopeVersion = options.scopeVersion === 'v1' ? 'v1' : 'v2';
    if (!options.scopeVersion || options.scopeVersion === 'auto') {
      const configuration = await (smart.fetchWellKnownJson(iss) as Promise<{ capabilities?: unknown }>).catch(() => undefined);
      version = scopeVersionOf(configuration);
    }
    const reads = options.reads ?? { resourceTypes: [], userContext: true };
    scope = scopesFor({ resourceTypes: reads.resourceTypes, userContext: reads.userContext, ehrLaunch, onlineAccess: Boolean(options.onlineAccess), version });
  }
  try {
    await FHIR.oauth2.authorize({
      clientId: options.clientId,
      scope,
      redirectUri: options.redirectUri ?? new URL('index.html', location.href).href,
      pkceMode: 'required',
      // Inside the EHR's app frame, finish the flow in the frame itself.
      completeInTarget: true,
      ...(ehrLaunch ? {} : { iss }),
    });
  } catch (error) {
    throw toSmartError(error, 'authorization');
  }
  return { scope };
}
