import { canonicalLocale } from '../i18n/locale.js';
import type { PackItem } from './item-schema.js';
import type { Translation } from './translation-schema.js';

/** What is wrong with an item's translations beyond their shape: bad tags, more steps or options than the item has. */
export function translationProblems(item: PackItem, base: string): Array<{ path: string; message: string }> {
  const out: Array<{ path: string; message: string }> = [];
  const translations = (item as { translations?: Record<string, Translation> }).translations;
  if (!translations) return out;
  for (const [tag, t] of Object.entries(translations)) {
    const at = `${base}.translations[${JSON.stringify(tag)}]`;
    if (!canonicalLocale(tag)) out.push({ path: at, message: `"${tag}" is not a BCP 47 language tag such as "es" or "es-MX"` });
    if (t.steps && item.kind !== 'tour') out.push({ path: `${at}.steps`, message: `only a tour has steps (this is a ${item.kind})` });
    if (t.steps && item.kind === 'tour' && t.steps.length > item.steps.length) out.push({ path: `${at}.steps`, message: `has ${t.steps.length} steps; the tour has ${item.steps.length}` });
    if (t.steps && item.kind === 'tour') {
      t.steps.forEach((ts, i) => {
        const step = item.steps[i];
        if (ts.hint && !step?.action) out.push({ path: `${at}.steps[${i}].hint`, message: 'translates a hint, but the step has no action' });
        if (ts.fix && !step?.check) out.push({ path: `${at}.steps[${i}].fix`, message: 'translates a fix, but the step has no check' });
        if (ts.screenName && !step?.screen) out.push({ path: `${at}.steps[${i}].screenName`, message: 'translates a screen name, but the step has no screen' });
      });
    }
    if (t.entries && item.kind !== 'checklist') out.push({ path: `${at}.entries`, message: `only a checklist has entries (this is a ${item.kind})` });
    if (t.entries && item.kind === 'checklist' && t.entries.length > item.entries.length) out.push({ path: `${at}.entries`, message: `has ${t.entries.length} entries; the checklist has ${item.entries.length}` });
    if (t.questions && item.kind !== 'lesson') out.push({ path: `${at}.questions`, message: `only a lesson has questions (this is a ${item.kind})` });
    if (t.questions && item.kind === 'lesson') {
      if (t.questions.length > item.questions.length) out.push({ path: `${at}.questions`, message: `has ${t.questions.length} questions; the lesson has ${item.questions.length}` });
      t.questions.forEach((q, i) => {
        const options = item.questions[i]?.options.length ?? 0;
        if (q.options && q.options.length > options) out.push({ path: `${at}.questions[${i}].options`, message: `has ${q.options.length} options; the question has ${options}` });
      });
    }
  }
  return out;
}
