import { jsonPath } from '../validate.js';
import { yieldToPage } from '../yield.js';
import * as v from 'valibot';
import { translationProblems } from './translation-problems.js';
import { AiContentGuidanceSchema, type AiContentGuidance } from '../ai-content/guidance.js';
import { ItemSchema, PackHeaderSchema, ValueSetEntrySchema, type PackItem } from './schema.js';
import type { ValueSetEntry } from '../vocabulary/value-sets.js';
import { ModelCardSchema, type ModelCard } from '../models/model-card.js';

/** One problem in a pack, with the JSON path of the value at fault. */
export interface PackProblem {
  path: string;
  message: string;
  /** The item's id, when the problem is inside an identifiable item. */
  itemId?: string;
}

/** An item as loaded: the validated item plus where it came from and its pack's defaults. */
export type LoadedItem = PackItem & {
  packId: string;
  packVersion: string;
  /** The item's language: its own `locale`, else its pack's. */
  locale: string;
  /** True when the item states a locale of its own: it is for clinicians of that language only. */
  ownLocale?: boolean;
  /** The language the clinician reads, when a translation of the item is shown. */
  localeShown?: string;
};

export interface LoadedPack {
  id: string;
  version: string;
  title: string;
  locale: string;
  source: string;
  items: LoadedItem[];
  /** Model cards the pack carries (validated one by one, like items). */
  modelCards: ModelCard[];
  /** Review guidance for AI-produced content (validated one by one). */
  aiContentGuidance: AiContentGuidance[];
  /** Value sets the pack carries or names beside it (validated one by one; resolved with every pack's sets). */
  valueSets: Array<{ entry: ValueSetEntry; path: string; fetched?: unknown }>;
}

export interface PackLoadResult {
  /** `undefined` when the pack itself (not just some items) is unusable. */
  pack?: LoadedPack;
  /** Every error: invalid items are listed here and skipped; the rest of the pack still loads. */
  errors: PackProblem[];
}

function problems(base: string, issues: readonly v.BaseIssue<unknown>[], itemId?: string): PackProblem[] {
  const out: PackProblem[] = [];
  for (const issue of issues) {
    // A body given as an object failed as compiled markdown: report that branch's issues, not the union's summary.
    if (issue.type === 'union' && typeof issue.input === 'object' && issue.input !== null && issue.issues?.length) {
      const objectIssues = issue.issues.filter((sub) => sub.type !== 'string');
      if (objectIssues.length) {
        out.push(...problems(base, objectIssues, itemId));
        continue;
      }
    }
    out.push({ path: jsonPath(base, issue), message: issue.message, ...(itemId ? { itemId } : {}) });
  }
  return out;
}

/**
 * Validates a pack as parsed JSON. The header must be valid for anything to load; each item is then validated on
 * its own, so one bad item is skipped and reported while the others load. Duplicate item ids keep the first.
 */
export function loadPack(json: unknown, source = 'pack'): PackLoadResult {
  const loader = packLoader(json, source);
  if (!loader.pack) return { errors: loader.errors };
  loader.validate(0, loader.total);
  return loader.finish();
}

/**
 * The same as loadPack, but validates items in slices and yields between them, so a pack of a thousand items
 * never blocks the page's main thread for more than a few milliseconds at a time.
 */
export async function loadPackInSlices(json: unknown, source = 'pack', sliceMs = 3): Promise<PackLoadResult> {
  const clock = globalThis.performance ?? Date;
  await yieldToPage(); // the header's validation and the first slice do not share the caller's task
  const loader = packLoader(json, source);
  if (!loader.pack) return { errors: loader.errors };
  let index = 0;
  while (index < loader.total) {
    const start = clock.now();
    while (index < loader.total && clock.now() - start < sliceMs) loader.validate(index, ++index);
    if (index < loader.total) await yieldToPage();
  }
  await yieldToPage();
  return loader.finish();
}

function packLoader(json: unknown, source: string) {
  const header = v.safeParse(PackHeaderSchema, json);
  const errors: PackProblem[] = [];
  if (!header.success) {
    errors.push(...problems('$', header.issues));
    return { pack: undefined, errors, total: 0, validate: () => undefined, finish: () => ({ errors }) as PackLoadResult };
  }
  const items: LoadedItem[] = [];
  const seen = new Set<string>();
  const raws = header.output.items;
  const validate = (from: number, to: number) => {
    for (let index = from; index < to; index++) {
      const raw = raws[index];
      const base = `$.items[${index}]`;
      const itemId = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : undefined;
      const parsed = v.safeParse(ItemSchema, raw);
      if (!parsed.success) {
        errors.push(...problems(base, parsed.issues, itemId));
        continue;
      }
      if (seen.has(parsed.output.id)) {
        errors.push({ path: `${base}.id`, message: `duplicate id "${parsed.output.id}" (the first item with it is kept)`, itemId: parsed.output.id });
        continue;
      }
      const translationErrors = translationProblems(parsed.output, base);
      if (translationErrors.length) {
        errors.push(...translationErrors.map((e) => ({ ...e, itemId: parsed.output.id })));
        continue;
      }
      seen.add(parsed.output.id);
      const own = parsed.output.locale !== undefined && parsed.output.locale !== header.output.locale;
      items.push({ ...parsed.output, packId: header.output.id, packVersion: header.output.version, locale: parsed.output.locale ?? header.output.locale, ...(own ? { ownLocale: true } : {}) });
    }
  };
  const { id, version, title, locale } = header.output;
  const finish = (): PackLoadResult => {
    const modelCards: ModelCard[] = [];
    const rawCards = (header.output as { modelCards?: unknown }).modelCards;
    if (rawCards !== undefined && !Array.isArray(rawCards)) errors.push({ path: '$.modelCards', message: 'must be an array of model cards' });
    const cardIds = new Set<string>();
    (Array.isArray(rawCards) ? rawCards : []).forEach((raw, index) => {
      const parsed = v.safeParse(ModelCardSchema, raw);
      const cardId = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : undefined;
      if (!parsed.success) errors.push(...problems(`$.modelCards[${index}]`, parsed.issues, cardId));
      else if (cardIds.has(parsed.output.id)) errors.push({ path: `$.modelCards[${index}].id`, message: `duplicate model card id "${parsed.output.id}"`, itemId: parsed.output.id });
      else {
        cardIds.add(parsed.output.id);
        modelCards.push(parsed.output);
      }
    });
    const valueSets: LoadedPack['valueSets'] = [];
    const rawSets = (header.output as { valueSets?: unknown }).valueSets;
    if (rawSets !== undefined && !Array.isArray(rawSets)) errors.push({ path: '$.valueSets', message: 'must be an array of value sets' });
    (Array.isArray(rawSets) ? rawSets : []).forEach((raw, index) => {
      const parsed = v.safeParse(ValueSetEntrySchema, raw);
      if (!parsed.success) errors.push(...problems(`$.valueSets[${index}]`, parsed.issues));
      else valueSets.push({ entry: parsed.output as ValueSetEntry, path: `${source} $.valueSets[${index}]` });
    });
    const aiContentGuidance: AiContentGuidance[] = [];
    const rawGuidance = (header.output as { aiContentGuidance?: unknown }).aiContentGuidance;
    if (rawGuidance !== undefined && !Array.isArray(rawGuidance)) errors.push({ path: '$.aiContentGuidance', message: 'must be an array of review guidance' });
    (Array.isArray(rawGuidance) ? rawGuidance : []).forEach((raw, index) => {
      const parsed = v.safeParse(AiContentGuidanceSchema, raw);
      if (!parsed.success) errors.push(...problems(`$.aiContentGuidance[${index}]`, parsed.issues));
      else aiContentGuidance.push(parsed.output);
    });
    return { pack: { id, version, title, locale, source, items, modelCards, aiContentGuidance, valueSets }, errors };
  };
  return { pack: true, errors, total: raws.length, validate, finish };
}
