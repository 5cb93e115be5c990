import { canonicalLocale, localeChain } from '../i18n/locale.js';
import type { PackItem } from './schema.js';
import type { Translation } from './translation-schema.js';
import type { LoadedItem } from './load-pack.js';

export type { Translation } from './translation-schema.js';

/*
 * Pack items in the clinician's language: the best translation for a locale over the item's own words, and what
 * a translation leaves out. No valibot here (the checks are in translation-schema.ts), so tours and lessons stay light.
 */

const cache = new WeakMap<LoadedItem, Map<string, LoadedItem>>();

/**
 * The item in the clinician's language: the translation that serves `locale` best (`es-MX` → `es-MX`, then
 * `es`), its missing fields from the item itself — the pack's default. The same object for the same item and
 * locale, so elements can compare. `localeShown` says which language the clinician reads.
 */
export function localizeItem(item: LoadedItem, locale: string): LoadedItem {
  const translations = item.translations;
  if (!translations || item.localeShown) return item;
  // The chain the clinician's locale falls back through (es-MX, es), down to the item's own language.
  const byTag = new Map(Object.entries(translations).map(([k, t]) => [canonicalLocale(k) ?? k, t]));
  const chain = localeChain(locale);
  const own = chain.indexOf(canonicalLocale(item.locale) ?? item.locale);
  const used = (own < 0 ? chain : chain.slice(0, own)).filter((tag) => byTag.has(tag));
  if (used.length === 0) return item;
  const key = used.join('>');
  let byLocale = cache.get(item);
  if (!byLocale) cache.set(item, (byLocale = new Map()));
  const hit = byLocale.get(key);
  if (hit) return hit;
  let out: LoadedItem = item;
  for (const tag of [...used].reverse()) out = apply(out, byTag.get(tag)!);
  const localized = { ...out, localeShown: used[0] } as LoadedItem;
  byLocale.set(key, localized);
  return localized;
}

/** `t`'s words over `item`'s. */
function apply(item: LoadedItem, t: Translation): LoadedItem {
  const out: Record<string, unknown> = { ...item };
  if (t.title) out.title = t.title;
  if (t.body) out.body = t.body;
  if (t.tags) out.tags = t.tags;
  if (item.kind === 'tour' && t.steps) {
    out.steps = item.steps.map((s, i) => {
      const { title, body, hint, fix, screenName } = t.steps![i] ?? {};
      const step = { ...s, ...defined({ title, body }), ...(screenName && s.screen ? { screenName } : {}) };
      if (hint && s.action) step.action = { ...s.action, hint };
      if (fix && s.check) step.check = { ...s.check, fix };
      return step;
    });
  }
  if (item.kind === 'checklist' && t.entries) out.entries = item.entries.map((e, i) => ({ ...e, ...defined(t.entries![i]) }));
  if (item.kind === 'lesson' && t.questions) {
    out.questions = item.questions.map((q, i) => {
      const tq = t.questions![i];
      if (!tq) return q;
      return { ...q, ...defined({ prompt: tq.prompt, explanation: tq.explanation }), options: q.options.map((o, j) => ({ ...o, ...defined(tq.options?.[j] ?? {}) })) };
    });
  }
  return out as unknown as LoadedItem;
}

function defined<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * What a clinician reading `locale` would still see in the item's own language: the words no translation in the
 * locale's chain gives (`title`, `body`, `steps[1].body`, `questions[0].options[2].text`). Empty when the item is
 * fully translated, or is itself in that language.
 */
export function untranslatedFields(item: LoadedItem, locale: string): string[] {
  const chain = localeChain(locale);
  if (chain.includes(canonicalLocale(item.locale) ?? item.locale)) return [];
  const shown = localizeItem(item, locale);
  const out: string[] = [];
  const same = (a: unknown, b: unknown) => a !== undefined && JSON.stringify(a) === JSON.stringify(b);
  if (same(shown.title, item.title)) out.push('title');
  if (same(shown.body, item.body)) out.push('body');
  if (item.kind === 'tour' && shown.kind === 'tour') {
    item.steps.forEach((s, i) => {
      if (same(shown.steps[i].title, s.title)) out.push(`steps[${i}].title`);
      if (same(shown.steps[i].body, s.body)) out.push(`steps[${i}].body`);
      if (s.action?.hint !== undefined && same(shown.steps[i].action?.hint, s.action.hint)) out.push(`steps[${i}].hint`);
      if (s.check && same(shown.steps[i].check?.fix, s.check.fix)) out.push(`steps[${i}].fix`);
      if (s.screenName !== undefined && same(shown.steps[i].screenName, s.screenName)) out.push(`steps[${i}].screenName`);
    });
  }
  if (item.kind === 'checklist' && shown.kind === 'checklist') {
    item.entries.forEach((e, i) => {
      if (e.title !== undefined && same(shown.entries[i].title, e.title)) out.push(`entries[${i}].title`);
      if (e.description !== undefined && same(shown.entries[i].description, e.description)) out.push(`entries[${i}].description`);
    });
  }
  if (item.kind === 'lesson' && shown.kind === 'lesson') {
    item.questions.forEach((q, i) => {
      if (same(shown.questions[i].prompt, q.prompt)) out.push(`questions[${i}].prompt`);
      if (q.explanation !== undefined && same(shown.questions[i].explanation, q.explanation)) out.push(`questions[${i}].explanation`);
      q.options.forEach((o, j) => {
        if (same(shown.questions[i].options[j].text, o.text)) out.push(`questions[${i}].options[${j}].text`);
        if (o.feedback !== undefined && same(shown.questions[i].options[j].feedback, o.feedback)) out.push(`questions[${i}].options[${j}].feedback`);
      });
    });
  }
  return out;
}

/** A tour or lesson handed to an element as an object, in the clinician's language (its own `locale`, else English). */
export function localizeGiven<T extends PackItem>(item: T, locale: string): T {
  if (!item.translations) return item;
  return localizeItem({ ...item, packId: '', packVersion: '', locale: item.locale ?? 'en' } as LoadedItem, locale) as unknown as T;
}
