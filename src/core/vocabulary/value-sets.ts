/**
 * Value sets for triggers and population checks: published FHIR R4 ValueSets (their `expansion`, or a `compose`
 * that enumerates concepts) carried by a pack or served beside it, and sets a pack composes the way a terminology
 * team does — include published sets (filtered by display, or by a code list), add codes each with a stated
 * reason, exclude codes. Resolved to `system|code` members, with every problem named by its JSON path.
 */

/** The most codes one value set may hold (the largest published set the packs use has about 560). */
export const MAX_VALUE_SET_CODES = 20_000;

/** A concept as a composed set names it. */
export interface ConceptRef {
  system: string;
  code: string;
  display?: string;
  /** Why a terminology team added (or removed) it: required for additions. */
  reason?: string;
}

/** What a composed set is made of. */
export interface ValueSetCompose {
  include?: Array<{ valueSet: string; displayMatches?: string; codes?: string[] }>;
  add?: ConceptRef[];
  exclude?: ConceptRef[];
}

/** One entry of a pack's `valueSets`. */
export interface ValueSetEntry {
  url: string;
  version: string;
  /** Where the set comes from and under which licence (text, or the source's fields). */
  provenance: string | Record<string, unknown>;
  title?: string;
  /** The FHIR ValueSet itself. */
  valueSet?: unknown;
  /** A ValueSet JSON file served beside the pack (relative to the pack's URL). */
  href?: string;
  /** A set composed from others. */
  compose?: ValueSetCompose;
}

/** A resolved value set: its members and what it was made from. */
export interface ResolvedValueSet {
  url: string;
  version: string;
  title?: string;
  provenance: ValueSetEntry['provenance'];
  /** `system|code` of every member. */
  members: Set<string>;
  /** Display of each member, when known (for `validate`'s listing). */
  displays: Map<string, string>;
  /** Added codes with their reasons, and excluded ones (composed sets). */
  added: ConceptRef[];
  excluded: ConceptRef[];
}

export interface ValueSetProblem {
  path: string;
  message: string;
  url?: string;
}

export const memberKey = (system: string, code: string) => `${system}|${code}`;

type Contains = { system?: unknown; code?: unknown; display?: unknown; contains?: unknown };

/** The concepts a FHIR ValueSet lists: its expansion (nested `contains` too), else enumerated `compose.include` concepts. */
export function valueSetConcepts(resource: unknown, path: string, problems: ValueSetProblem[]): Map<string, string> {
  const out = new Map<string, string>();
  const vs = resource as { resourceType?: unknown; expansion?: { contains?: unknown }; compose?: { include?: unknown } } | null;
  if (!vs || typeof vs !== 'object' || vs.resourceType !== 'ValueSet') {
    problems.push({ path, message: 'must be a FHIR ValueSet resource (resourceType "ValueSet")' });
    return out;
  }
  const walk = (list: unknown, at: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((c: Contains, i) => {
      if (typeof c?.system === 'string' && typeof c.code === 'string') out.set(memberKey(c.system, c.code), typeof c.display === 'string' ? c.display : '');
      if (c?.contains) walk(c.contains, `${at}[${i}].contains`);
    });
  };
  if (vs.expansion && Array.isArray(vs.expansion.contains)) walk(vs.expansion.contains, `${path}.expansion.contains`);
  else if (Array.isArray(vs.compose?.include)) {
    (vs.compose!.include as Array<{ system?: unknown; concept?: unknown; filter?: unknown; valueSet?: unknown }>).forEach((inc, i) => {
      if (inc.filter || inc.valueSet || !Array.isArray(inc.concept)) {
        problems.push({ path: `${path}.compose.include[${i}]`, message: 'is defined by a filter or another value set and cannot be expanded here: ship the ValueSet with its expansion' });
        return;
      }
      for (const c of inc.concept as Contains[]) if (typeof inc.system === 'string' && typeof c?.code === 'string') out.set(memberKey(inc.system, c.code), typeof c.display === 'string' ? c.display : '');
    });
  } else problems.push({ path, message: 'has neither an expansion nor enumerated compose.include concepts' });
  return out;
}

function conceptProblems(list: unknown, path: string, needReason: boolean, problems: ValueSetProblem[]): ConceptRef[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    problems.push({ path, message: 'must be an array of { system, code, display?, reason }' });
    return [];
  }
  const out: ConceptRef[] = [];
  list.forEach((c: ConceptRef, i) => {
    if (typeof c?.system !== 'string' || typeof c.code !== 'string' || !c.system || !c.code) problems.push({ path: `${path}[${i}]`, message: 'needs a system and a code' });
    else if (needReason && (typeof c.reason !== 'string' || c.reason.trim().length < 3)) problems.push({ path: `${path}[${i}].reason`, message: `an added code needs the reason it is added (${c.system}|${c.code})` });
    else out.push(c);
  });
  return out;
}

/**
 * Resolves every entry (fetched `href` files given in `fetched`, keyed by entry index) to its members. Composed
 * sets may include any other set of the list, in any order; a cycle, an unknown set, an invalid filter or a set
 * over the cap is a problem, and that set is left out (so a condition reading it says so, never a silent false).
 */
export function resolveValueSets(entries: ReadonlyArray<{ entry: ValueSetEntry; path: string; fetched?: unknown }>): { sets: Map<string, ResolvedValueSet>; problems: ValueSetProblem[] } {
  const problems: ValueSetProblem[] = [];
  const sets = new Map<string, ResolvedValueSet>();
  const byUrl = new Map<string, { entry: ValueSetEntry; path: string; fetched?: unknown }>();
  for (const e of entries) {
    if (byUrl.has(e.entry.url)) problems.push({ path: `${e.path}.url`, message: `value set ${e.entry.url} is defined twice; the later one is used`, url: e.entry.url });
    byUrl.set(e.entry.url, e);
  }
  const resolving = new Set<string>();
  const resolve = (url: string): ResolvedValueSet | undefined => {
    if (sets.has(url)) return sets.get(url);
    const e = byUrl.get(url);
    if (!e) return undefined;
    if (resolving.has(url)) {
      problems.push({ path: e.path, message: `value set ${url} includes itself (through ${[...resolving].join(' → ')})`, url });
      return undefined;
    }
    resolving.add(url);
    try {
      const made = build(e);
      if (made && made.members.size > MAX_VALUE_SET_CODES) {
        problems.push({ path: e.path, message: `value set ${url} has ${made.members.size} codes, over the limit of ${MAX_VALUE_SET_CODES}; it is not used`, url });
        return undefined;
      }
      if (made) sets.set(url, made);
      return made;
    } finally {
      resolving.delete(url);
    }
  };
  const build = ({ entry, path, fetched }: { entry: ValueSetEntry; path: string; fetched?: unknown }): ResolvedValueSet | undefined => {
    const before = problems.length;
    const result: ResolvedValueSet = { url: entry.url, version: entry.version, title: entry.title, provenance: entry.provenance, members: new Set(), displays: new Map(), added: [], excluded: [] };
    const resource = entry.valueSet ?? fetched;
    if (resource !== undefined) {
      const declared = (resource as { url?: unknown }).url;
      if (typeof declared === 'string' && declared !== entry.url) problems.push({ path: `${path}.url`, message: `does not match the ValueSet's own url ${declared}`, url: entry.url });
      for (const [key, display] of valueSetConcepts(resource, entry.valueSet !== undefined ? `${path}.valueSet` : `${path}.href`, problems)) {
        result.members.add(key);
        if (display) result.displays.set(key, display);
      }
    } else if (entry.compose) {
      (entry.compose.include ?? []).forEach((inc, i) => {
        const at = `${path}.compose.include[${i}]`;
        const source = resolve(inc.valueSet);
        if (!source) {
          problems.push({ path: `${at}.valueSet`, message: `includes ${inc.valueSet}, which no loaded pack defines (or which could not be resolved)`, url: entry.url });
          return;
        }
        let pattern: RegExp | undefined;
        if (inc.displayMatches !== undefined) {
          try {
            pattern = new RegExp(inc.displayMatches, 'i');
          } catch (error) {
            problems.push({ path: `${at}.displayMatches`, message: `is not a valid regular expression: ${(error as Error).message}`, url: entry.url });
            return;
          }
        }
        const codes = inc.codes ? new Set(inc.codes) : undefined;
        for (const key of source.members) {
          const display = source.displays.get(key) ?? '';
          if (pattern && !pattern.test(display)) continue;
          if (codes && !codes.has(key.slice(key.indexOf('|') + 1))) continue;
          result.members.add(key);
          if (display) result.displays.set(key, display);
        }
      });
      result.added = conceptProblems(entry.compose.add, `${path}.compose.add`, true, problems);
      for (const c of result.added) {
        result.members.add(memberKey(c.system, c.code));
        if (c.display) result.displays.set(memberKey(c.system, c.code), c.display);
      }
      result.excluded = conceptProblems(entry.compose.exclude, `${path}.compose.exclude`, false, problems);
      for (const c of result.excluded) result.members.delete(memberKey(c.system, c.code));
    } else if (entry.href) {
      problems.push({ path: `${path}.href`, message: `${entry.href} could not be loaded`, url: entry.url });
      return undefined;
    } else {
      problems.push({ path, message: 'needs a valueSet, an href or a compose', url: entry.url });
      return undefined;
    }
    if (result.members.size === 0 && problems.length === before) problems.push({ path, message: `value set ${entry.url} has no codes`, url: entry.url });
    return result;
  };
  for (const url of byUrl.keys()) resolve(url);
  return { sets, problems };
}
