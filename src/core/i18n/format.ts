/**
 * Numbers in a locale's own way (decimal separator, percent sign spacing, digits) through `Intl`, with the
 * library's rules for clinical figures: a percentage never rounds to a false certainty (0.3 % is "< 1 %", 99.7 %
 * is "> 99 %"), and a count below 10 keeps one decimal.
 */
const cache = new Map<string, Intl.NumberFormat>();
function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, options);
    } catch {
      f = new Intl.NumberFormat('en', options);
    }
    cache.set(key, f);
  }
  return f;
}

/** A share (0–1) as a whole percentage: "12 %" in es, "12%" in en; "< 1 %" and "> 99 %" at the ends. */
export function formatPercent(p: number, locale: string, fractionDigits = 0): string {
  const f = formatter(locale, { style: 'percent', maximumFractionDigits: fractionDigits, minimumFractionDigits: 0 });
  if (fractionDigits === 0 && p > 0 && p < 0.01) return `< ${f.format(0.01)}`;
  if (fractionDigits === 0 && p > 0.99 && p < 1) return `> ${f.format(0.99)}`;
  return f.format(p);
}

/** A plain number with at most `fractionDigits` decimals, grouped the locale's way. */
export function formatNumber(n: number, locale: string, fractionDigits = 2): string {
  return formatter(locale, { maximumFractionDigits: fractionDigits }).format(n);
}

/** A count such as a number needed to evaluate: one decimal below 10 ("1,4" in es), whole numbers above. */
export function formatCount(n: number, locale: string): string {
  return n < 10 ? formatNumber(Math.round(n * 10) / 10, locale, 1) : formatNumber(Math.round(n), locale, 0);
}

/** A fixed number of decimals (AUROC 0.81 → "0,81" in es). */
export function formatFixed(n: number, locale: string, digits: number): string {
  return formatter(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** A calendar date (YYYY-MM-DD, or an ISO date-time) in the locale's medium style; the input itself when unreadable. */
export function formatDate(value: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(m ? { timeZone: 'UTC' } : {}) }).format(date);
  } catch {
    return value;
  }
}

/** A list "a, b and c" ("a, b y c" in es). */
export function formatList(items: readonly string[], locale: string, type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  try {
    return new Intl.ListFormat(locale, { type }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** The number, date and list formats of one locale, bound (for elements that show figures). */
export function formatsFor(locale: string) {
  return {
    percent: (p: number, digits = 0) => formatPercent(p, locale, digits),
    number: (n: number, digits = 2) => formatNumber(n, locale, digits),
    count: (n: number) => formatCount(n, locale),
    fixed: (n: number, digits: number) => formatFixed(n, locale, digits),
    date: (value: string) => formatDate(value, locale),
    list: (items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction') => formatList(items, locale, type),
  };
}
export type Formats = ReturnType<typeof formatsFor>;
