interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): unknown };
}

type Policy = { createScriptURL(url: string): unknown };
let policy: Policy | null | undefined;
/**
 * Where the policy is kept for every copy of ehr-guide on the page: a second copy (another version, bundled by a
 * vendor's widget) cannot create a second policy of the same name under a CSP without 'allow-duplicates', so it
 * uses the first copy's, which admits the same worker file names.
 */
const SHARED = Symbol.for('ehr-guide.trusted-types-policy');

/**
 * Under a CSP with `require-trusted-types-for 'script'`, a worker URL must be a TrustedScriptURL. The policy
 * `ehr-guide` (add it to the page's `trusted-types` directive) passes only ehr-guide's own worker modules
 * (`fhirpath.worker.js`, `report.worker.js`); any other URL is refused. One policy for both.
 */
export function workerUrl(url: URL): unknown {
  const tt = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  if (!tt) return url;
  if (policy === undefined) {
    const shared = (globalThis as { [SHARED]?: Policy })[SHARED];
    if (typeof shared?.createScriptURL === 'function') policy = shared;
  }
  if (policy === undefined) {
    try {
      policy = tt.createPolicy('ehr-guide', {
        createScriptURL(candidate: string) {
          if (!/\/(fhirpath|report)\.worker\.js(?:[?#].*)?$/.test(new URL(candidate).pathname)) throw new TypeError(`ehr-guide's Trusted Types policy only allows its own workers (FHIRPath, report), not ${candidate}`);
          return candidate;
        },
      });
      (globalThis as { [SHARED]?: Policy })[SHARED] = policy;
    } catch {
      policy = null; // the page's CSP does not allow the policy: try the plain URL (fails loudly if TT is enforced)
    }
  }
  return policy ? policy.createScriptURL(url.href) : url;
}

