import type { Role } from '../packs/schema.js';
import type { FhirCodeableConcept, FhirResource } from './fhir-types.js';

/**
 * Maps a PractitionerRole's `code` to an ehr-guide audience role. Codes from HL7's practitioner-role code system
 * and SNOMED CT occupations commonly sent by EHRs; anything unknown maps to `undefined` (the host can set `role`).
 */
const BY_CODE: Record<string, Role> = {
  // http://terminology.hl7.org/CodeSystem/practitioner-role
  doctor: 'physician',
  nurse: 'nurse',
  pharmacist: 'pharmacist',
  // SNOMED CT
  '158965000': 'physician', // medical practitioner
  '309343006': 'physician', // physician
  '62247001': 'physician', // general practitioner / family medicine specialist
  '405277009': 'resident', // resident physician
  '224535009': 'nurse', // registered nurse
  '106292003': 'nurse', // professional nurse
  '224571005': 'nurse', // nurse practitioner
  '46255001': 'pharmacist', // pharmacist
  '159033005': 'pharmacist', // pharmacist
  '65853000': 'student', // student (health professional)
  '224608005': 'administrative', // administrative healthcare staff
  '394572006': 'administrative', // medical secretary
};

const BY_WORD: Array<[RegExp, Role]> = [
  [/\bresident|intern|registrar\b/i, 'resident'],
  [/\bstudent\b/i, 'student'],
  [/\bpharmac/i, 'pharmacist'],
  [/\bnurs/i, 'nurse'],
  [/\b(physician|doctor|surgeon|hospitalist|attending|consultant)\b/i, 'physician'],
  [/\b(clerk|admin|registration|scheduler|secretary)\b/i, 'administrative'],
];

/** Codes a health system maps itself: `system|code` or a bare code → role (checked before the built-in codes). */
export type RoleCodes = Readonly<Record<string, Role>>;

export function roleFromConcept(concept: FhirCodeableConcept | undefined, codes: RoleCodes = {}): Role | undefined {
  for (const coding of concept?.coding ?? []) {
    const own = (coding.system && coding.code ? codes[`${coding.system}|${coding.code}`] : undefined) ?? (coding.code ? codes[coding.code] : undefined);
    const role = own ?? (coding.code ? BY_CODE[coding.code] : undefined);
    if (role) return role;
  }
  const words = [concept?.text, ...(concept?.coding ?? []).map((c) => c.display)].filter(Boolean).join(' ');
  return BY_WORD.find(([pattern]) => pattern.test(words))?.[1];
}

/** The role of the signed-in user from their PractitionerRole(s), or `undefined` when none says. */
export function roleFromPractitionerRoles(roles: readonly FhirResource[], codes: RoleCodes = {}): Role | undefined {
  for (const resource of roles) {
    if (resource.resourceType !== 'PractitionerRole' || resource.active === false) continue;
    for (const concept of (resource.code as FhirCodeableConcept[] | undefined) ?? []) {
      const role = roleFromConcept(concept, codes);
      if (role) return role;
    }
  }
  return undefined;
}

/** Where a role came from, so an app can say it and the clinician can correct it. */
export type RoleSource = 'PractitionerRole' | 'Practitioner.qualification' | 'fhirUser' | 'configuration' | 'none';

/**
 * The signed-in user's role: from their PractitionerRole(s), else their Practitioner's `qualification`, else the
 * kind of user (a Patient or RelatedPerson is `other`: not a clinician), else the configured default.
 */
export function roleOfUser(user: FhirResource | undefined, practitionerRoles: readonly FhirResource[], options: { codes?: RoleCodes; fallback?: Role } = {}): { role?: Role; source: RoleSource } {
  const candidates = user?.resourceType === 'PractitionerRole' ? [user, ...practitionerRoles] : practitionerRoles;
  const fromRoles = roleFromPractitionerRoles(candidates, options.codes);
  if (fromRoles) return { role: fromRoles, source: 'PractitionerRole' };
  if (user?.resourceType === 'Practitioner') {
    for (const q of (user.qualification as Array<{ code?: FhirCodeableConcept }> | undefined) ?? []) {
      const role = roleFromConcept(q?.code, options.codes);
      if (role) return { role, source: 'Practitioner.qualification' };
    }
  }
  if (user?.resourceType === 'Patient' || user?.resourceType === 'RelatedPerson') return { role: 'other', source: 'fhirUser' };
  if (options.fallback) return { role: options.fallback, source: 'configuration' };
  return { source: 'none' };
}
