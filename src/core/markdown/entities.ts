/**
 * marked's lexer keeps character references as written ("&amp;", "&#8805;"); an HTML renderer would let the
 * browser decode them, but we render text nodes, so we decode them here. DOM-free on purpose (the CLI runs in
 * Node). Unknown named references stay as written, which is what a browser shows for them too.
 */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•', middot: '·', deg: '°', plusmn: '±', times: '×',
  divide: '÷', le: '≤', ge: '≥', ne: '≠', asymp: '≈', micro: 'µ', copy: '©', reg: '®', trade: '™', rarr: '→',
  larr: '←', uarr: '↑', darr: '↓', harr: '↔', check: '✓', alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ',
  mu: 'μ', sigma: 'σ', para: '¶', sect: '§', frac12: '½', frac14: '¼', frac34: '¾', sup2: '²', sup3: '³',
};

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      // Per the HTML spec, NUL, surrogates and out-of-range code points become U+FFFD.
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return NAMED[ref] ?? whole;
  });
}
