/** The locale the library's messages are written in, and the last fallback of every chain. */
export const SOURCE_LOCALE = 'en';

/** A BCP 47 tag in canonical form (`es-mx` → `es-MX`), or undefined when it is not a well-formed tag. */
const canonical = new Map<string, string | undefined>();

export function canonicalLocale(tag: unknown): string | undefined {
  if (typeof tag !== 'string' || !tag.trim()) return undefined;
  // Asked for the same few tags on every item lookup and evaluation: remembered (a page has a handful).
  if (canonical.has(tag)) return canonical.get(tag);
  let out: string | undefined;
  try {
    out = Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0];
  } catch {
    out = undefined;
  }
  if (canonical.size < 500) canonical.set(tag, out);
  return out;
}

/**
 * Where to look for a message, most specific first: `es-MX` → `es-MX`, `es`; the source locale is not included
 * (it is the caller's last resort). Script and variant subtags are dropped one at a time (`zh-Hant-TW` →
 * `zh-Hant-TW`, `zh-Hant`, `zh`).
 */
export function localeChain(tag: string): string[] {
  const canonical = canonicalLocale(tag);
  if (!canonical) return [];
  const parts = canonical.split('-');
  const chain: string[] = [];
  for (let n = parts.length; n >= 1; n--) chain.push(parts.slice(0, n).join('-'));
  return chain;
}

/** The first of `available` that serves `tag` (by its chain), or undefined. */
export function bestLocale(tag: string, available: Iterable<string>): string | undefined {
  const set = new Set([...available].map((a) => canonicalLocale(a) ?? a));
  return localeChain(tag).find((l) => set.has(l));
}

/** Whether a locale is written right to left (by its script, or its language's usual script). */
export function isRightToLeft(tag: string): boolean {
  const canonical = canonicalLocale(tag);
  if (!canonical) return false;
  try {
    const locale = new Intl.Locale(canonical).maximize() as Intl.Locale & { getTextInfo?: () => { direction?: string }; textInfo?: { direction?: string } };
    const info = locale.getTextInfo?.() ?? locale.textInfo;
    if (info?.direction) return info.direction === 'rtl';
    return ['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg'].includes(locale.script ?? '');
  } catch {
    return false;
  }
}
