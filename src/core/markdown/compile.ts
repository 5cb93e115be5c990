import { Lexer, type Token, type Tokens } from 'marked';
import { safeUrl } from '../url-policy.js';
import { decodeEntities } from './entities.js';
import { checkCompiledMarkdown } from './check.js';
import type { CompiledMarkdown, MdBlock, MdInline, MdListItem } from './nodes.js';

/** Markdown longer than this is refused rather than parsed: guidance is short, and huge input is hostile. */
export const MAX_MARKDOWN_LENGTH = 100_000;

/**
 * Turns guidance markdown into the compiled tree with marked's lexer (GitHub-flavoured). The lexer only tokenises;
 * we never call marked's HTML renderer, so raw HTML in the source ends up as text, and link or image URLs outside
 * the allowed schemes lose their link (the text stays). This module is loaded with `import()` by elements, so a
 * page whose tips are slotted or precompiled never downloads marked.
 */
export function compileMarkdown(markdown: string): CompiledMarkdown {
  if (typeof markdown !== 'string') {
    throw new TypeError(`compileMarkdown: expected a markdown string, got ${markdown === null ? 'null' : typeof markdown}`);
  }
  if (markdown.length > MAX_MARKDOWN_LENGTH) {
    throw new RangeError(`compileMarkdown: markdown is ${markdown.length} characters, more than the ${MAX_MARKDOWN_LENGTH} allowed`);
  }
  let tokens: Token[];
  try {
    tokens = new Lexer({ gfm: true, breaks: false }).lex(markdown);
  } catch (error) {
    throw new RangeError(`compileMarkdown: the markdown could not be tokenised (${(error as Error).message}); is it nested too deeply?`);
  }
  const doc: CompiledMarkdown = { format: 'ehr-md/1', blocks: blocks(tokens) };
  const tooDeep = checkCompiledMarkdown(doc).find((p) => p.message.startsWith('nested more than'));
  if (tooDeep) throw new RangeError(`compileMarkdown: ${tooDeep.message} at ${tooDeep.path}`);
  return doc;
}

function blocks(tokens: Token[]): MdBlock[] {
  const out: MdBlock[] = [];
  for (const token of tokens) {
    const block = toBlock(token);
    if (block) out.push(block);
  }
  return out;
}

function toBlock(token: Token): MdBlock | undefined {
  switch (token.type) {
    case 'space':
    case 'def':
      return undefined;
    case 'paragraph':
      return { t: 'p', c: inlines((token as Tokens.Paragraph).tokens) };
    case 'text': {
      // Block-level text appears inside tight list items.
      const text = token as Tokens.Text;
      return { t: 'p', c: text.tokens ? inlines(text.tokens) : [{ t: 'text', v: decodeEntities(text.text) }] };
    }
    case 'heading': {
      const heading = token as Tokens.Heading;
      const level = Math.min(6, Math.max(1, heading.depth)) as 1 | 2 | 3 | 4 | 5 | 6;
      return { t: 'h', level, c: inlines(heading.tokens) };
    }
    case 'code': {
      const code = token as Tokens.Code;
      return code.lang ? { t: 'pre', v: code.text, lang: code.lang } : { t: 'pre', v: code.text };
    }
    case 'blockquote':
      return { t: 'quote', c: blocks((token as Tokens.Blockquote).tokens) };
    case 'list': {
      const list = token as Tokens.List;
      const items: MdListItem[] = list.items.map((item) => {
        const c = blocks(item.tokens.filter((t) => t.type !== 'checkbox'));
        return item.task ? { checked: Boolean(item.checked), c } : { c };
      });
      const start = typeof list.start === 'number' && list.start !== 1 ? list.start : undefined;
      return start === undefined ? { t: 'list', ordered: list.ordered, items } : { t: 'list', ordered: list.ordered, start, items };
    }
    case 'hr':
      return { t: 'hr' };
    case 'table': {
      const table = token as Tokens.Table;
      return {
        t: 'table',
        align: table.align.map((a) => a ?? null),
        head: table.header.map((cell) => inlines(cell.tokens)),
        rows: table.rows.map((row) => row.map((cell) => inlines(cell.tokens))),
      };
    }
    case 'html':
      // Raw HTML is shown as the author wrote it, as text: never parsed.
      return { t: 'p', c: [{ t: 'text', v: (token as Tokens.HTML).text }] };
    default:
      // Unknown block (an extension's token): keep its source visible as text rather than drop content silently.
      return 'raw' in token && typeof token.raw === 'string' && token.raw.trim() !== ''
        ? { t: 'p', c: [{ t: 'text', v: token.raw }] }
        : undefined;
  }
}

function inlines(tokens: Token[] | undefined): MdInline[] {
  const out: MdInline[] = [];
  for (const token of tokens ?? []) {
    for (const node of toInlines(token)) {
      // Merge adjacent text so the tree stays small and reads naturally.
      const last = out[out.length - 1];
      if (node.t === 'text' && last?.t === 'text') last.v += node.v;
      else out.push(node);
    }
  }
  return out;
}

function toInlines(token: Token): MdInline[] {
  switch (token.type) {
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens && text.tokens.length > 0 ? inlines(text.tokens) : [{ t: 'text', v: decodeEntities(text.text) }];
    }
    case 'escape':
      return [{ t: 'text', v: (token as Tokens.Escape).text }];
    case 'strong':
      return [{ t: 'strong', c: inlines((token as Tokens.Strong).tokens) }];
    case 'em':
      return [{ t: 'em', c: inlines((token as Tokens.Em).tokens) }];
    case 'del':
      return [{ t: 'del', c: inlines((token as Tokens.Del).tokens) }];
    case 'codespan':
      return [{ t: 'code', v: decodeEntities((token as Tokens.Codespan).text) }];
    case 'br':
      return [{ t: 'br' }];
    case 'link': {
      const link = token as Tokens.Link;
      const children = inlines(link.tokens);
      const href = safeUrl(link.autolink ? link.href : decodeEntities(link.href));
      // A link to a refused scheme keeps its text and loses its destination.
      if (!href) return children;
      const node: MdInline = { t: 'link', href, c: children };
      if (link.title) node.title = decodeEntities(link.title);
      return [node];
    }
    case 'image': {
      const image = token as Tokens.Image;
      const src = safeUrl(decodeEntities(image.href));
      const alt = decodeEntities(image.text);
      if (!src) return alt ? [{ t: 'text', v: alt }] : [];
      const node: MdInline = { t: 'image', src, alt };
      if (image.title) node.title = decodeEntities(image.title);
      return [node];
    }
    case 'html':
      // Inline raw HTML ("<img onerror=…>") is shown as text, never parsed.
      return [{ t: 'text', v: (token as Tokens.Tag).text }];
    case 'checkbox':
      return [];
    default:
      return 'raw' in token && typeof token.raw === 'string' ? [{ t: 'text', v: token.raw }] : [];
  }
}
