// The SMART app's run-time configuration: one JSON file beside the app (`ehr-guide.config.json`), so a health
// system deploys the same built files to any static host and registers them with any EHR without a rebuild.
import * as v from 'valibot';
import { jsonPath } from '../core/validate.js';
import { ROLES, type Role } from '../core/packs/schema.js';

const url = (what: string) => v.pipe(v.string(), v.check((s) => /^https?:\/\/[^\s]+$/i.test(s), `must be an http(s) URL (${what})`));
const relativeOrAbsolute = v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.check((s) => !/^\s*(javascript|data|vbscript):/i.test(s), 'must be a relative path or an http(s) URL'));
const prevalence = v.pipe(v.number(), v.check((n) => n > 0 && n < 1, 'must be a proportion between 0 and 1 (0.04 for 4 %)'));
const role = v.picklist(ROLES as unknown as readonly Role[], `must be one of ${ROLES.join(', ')}`);

const ConfigSchema = v.strictObject({
  $schema: v.optional(v.string()),
  /** The client id registered with the EHR when no issuer-specific one applies. */
  clientId: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  /** Client ids per issuer (the FHIR base URL the EHR launches with): one registration per EHR or tenant. */
  clients: v.optional(v.record(url('an issuer, the FHIR base URL'), v.pipe(v.string(), v.minLength(1, 'must not be empty')))),
  /** Where the EHR sends the browser back; default `index.html` beside the launch page. Register exactly this. */
  redirectUri: v.optional(url('the redirect URI registered with the EHR')),
  scopes: v.optional(
    v.strictObject({
      /** SMART v2 granular scopes (`patient/Observation.rs`), v1 (`patient/Observation.read`), or by the server's capabilities. */
      version: v.optional(v.picklist(['auto', 'v1', 'v2'], 'must be auto, v1 or v2'), 'auto'),
      /** Ask for `online_access` (refresh tokens while the EHR session lasts) — EHR launch only. */
      onlineAccess: v.optional(v.boolean('must be true or false'), false),
      /** Resource types to read beyond what the packs and model cards need. */
      extraResourceTypes: v.optional(v.array(v.pipe(v.string(), v.regex(/^[A-Z][A-Za-z]+$/, 'must be a FHIR resource type')))),
    }),
    {},
  ),
  /** Content packs, relative to this file or absolute. */
  packs: v.pipe(v.array(relativeOrAbsolute), v.minLength(1, 'must list at least one pack')),
  lrs: v.optional(
    v.strictObject({
      endpoint: url('the xAPI LRS endpoint'),
      homePage: v.optional(url("the learners' account home page")),
      /** Salt of the pseudonymous learner ids (≥ 16 characters; served to browsers with this file). */
      learnerIdSalt: v.optional(v.pipe(v.string(), v.minLength(16, 'must be at least 16 characters'))),
    }),
  ),
  /** This site's prevalence of each model's outcome, by model card id. */
  prevalences: v.optional(v.record(v.string(), prevalence)),
  roles: v.optional(
    v.strictObject({
      /** Codes (`system|code`, or a bare code) of PractitionerRole or Practitioner.qualification → audience role. */
      codes: v.optional(v.record(v.string(), role)),
      /** The role when the EHR's record says nothing usable. */
      default: v.optional(role),
    }),
  ),
  /** The clinician's locale when the launch gives none (BCP 47). */
  locale: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as en or es-MX'))),
  /** The workflow point the app opens on (a CDS Hooks hook or a screen id). */
  workflow: v.optional(v.string(), 'patient-view'),
});

export type SmartAppConfig = v.InferOutput<typeof ConfigSchema>;

export interface ConfigProblem {
  path: string;
  message: string;
}

/** Validates a parsed config file; every problem with the field's JSON path (`$.scopes.version`). */
export function parseAppConfig(value: unknown): { config?: SmartAppConfig; problems: ConfigProblem[] } {
  const parsed = v.safeParse(ConfigSchema, value);
  if (parsed.success) return { config: parsed.output, problems: [] };
  return { problems: parsed.issues.map((issue) => ({ path: jsonPath('$', issue), message: issue.message })) };
}

/** The client id for an issuer: its own registration, else the default. Trailing slashes do not matter. */
export function clientIdFor(config: SmartAppConfig, iss: string): string {
  const norm = (s: string) => s.replace(/\/+$/, '');
  const own = Object.entries(config.clients ?? {}).find(([issuer]) => norm(issuer) === norm(iss));
  return own?.[1] ?? config.clientId;
}

/** Pack URLs resolved against the config file's own URL. */
export function packUrls(config: SmartAppConfig, configUrl: string): string[] {
  return config.packs.map((p) => new URL(p, configUrl).href);
}
