// A patient's vital status and age, read from the Patient resource: what the engine's deceased rule, the population
// checks and the `ageInYears()` function of conditions all use.
import type { FhirResource } from './fhir-types.js';

/** Milliseconds of a FHIR date or dateTime (a year or year-month at its start); undefined when it is not one. */
export const fhirTime = (text: string): number | undefined => {
  const ms = Date.parse(/^\d{4}$/.test(text) ? `${text}-01-01` : /^\d{4}-\d{2}$/.test(text) ? `${text}-01` : text);
  return Number.isNaN(ms) ? undefined : ms;
};

/** The day of death, or undefined for a living patient (`deceasedBoolean: true` without a date: now). */
export function deathTime(patient: FhirResource | undefined, now: number): number | undefined {
  if (!patient) return undefined;
  const p = patient as { deceasedDateTime?: string; deceasedBoolean?: boolean };
  if (typeof p.deceasedDateTime === 'string') return fhirTime(p.deceasedDateTime) ?? now;
  return p.deceasedBoolean === true ? now : undefined;
}

/** Whole years between a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD) and `today`; undefined when it cannot be read or is negative. */
export function ageInYears(birthDate: unknown, today: Date = new Date()): number | undefined {
  const age = wholeYears(birthDate, today);
  return age !== undefined && age >= 0 ? age : undefined;
}

/** Whole years from a FHIR date to `at` (negative when `at` is earlier, e.g. a death recorded before the birth date). */
export function wholeYears(birthDate: unknown, at: Date): number | undefined {
  if (typeof birthDate !== 'string') return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(birthDate);
  if (!m) return undefined;
  // A partial date is taken at its latest possible day, so an age is never overstated.
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 12;
  const day = m[3] ? Number(m[3]) : new Date(Date.UTC(year, month, 0)).getUTCDate();
  let age = at.getUTCFullYear() - year;
  if (at.getUTCMonth() + 1 < month || (at.getUTCMonth() + 1 === month && at.getUTCDate() < day)) age--;
  return age;
}

