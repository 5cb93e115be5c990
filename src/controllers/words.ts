import { formatNumber, formatsFor, type Formats } from '../core/i18n/format.js';
import { onLocaleConnect, type LocaleController } from './locale-controller.js';
import { whenIdle } from './when-idle.js';

const warmed = new Set<string>();
/**
 * Builds the locale's number format while the browser is idle: the first `Intl.NumberFormat` of a page costs
 * 15–40 ms (ICU's number formatting starting up), which would otherwise land in the task that first shows a
 * tour's "Step 1 of 3". Runs once this module loads (with the elements that show numbers; the tip's path does not
 * load it), for the page's language — the start-up is paid once, another locale after it costs ~0.1 ms — and when
 * any element that shows numbers connects, for its own locale (see `onLocaleConnect`).
 */
function warmNumbers(locale: string): void {
  if (warmed.has(locale)) return;
  warmed.add(locale);
  whenIdle(() => void formatNumber(1, locale));
}
onLocaleConnect.add(warmNumbers);
if (typeof document !== 'undefined') warmNumbers(document.documentElement.lang || globalThis.navigator?.language || 'en');

/** An element's messages and the number, date and list formats of its locale, as one object for templates. */
export type Words<K extends string> = Pick<LocaleController<K>, 't'> & Formats;

const cache = new WeakMap<object, { locale: string; words: Words<string> }>();

/** The words of `i18n` with its locale's formats (the same object while the locale stays). */
export function wordsOf<K extends string>(i18n: LocaleController<K>): Words<K> {
  const hit = cache.get(i18n);
  if (hit && hit.locale === i18n.requested) return hit.words as Words<K>;
  const words: Words<K> = { t: (key, args) => i18n.t(key, args), ...formatsFor(i18n.requested) };
  cache.set(i18n, { locale: i18n.requested, words: words as Words<string> });
  return words;
}
