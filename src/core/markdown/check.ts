import { safeUrl } from '../url-policy.js';
import type { CompiledMarkdown } from './nodes.js';

export interface ContentProblem {
  /** JSON path of the offending value, e.g. `$.blocks[2].c[0].href`. */
  path: string;
  message: string;
}

/** Deeper nesting than this is refused: guidance never needs it, and hostile content uses it to exhaust the stack. */
export const MAX_MARKDOWN_DEPTH = 32;

const INLINE_TYPES = new Set(['text', 'strong', 'em', 'del', 'code', 'br', 'link', 'image']);
const BLOCK_TYPES = new Set(['p', 'h', 'pre', 'quote', 'list', 'hr', 'table']);

/**
 * Checks a compiled markdown tree that arrived from outside (a pack on a CDN, a host property) and lists every
 * problem with its JSON path. Renderers skip what is listed here, so a bad node never reaches the page; the list
 * lets an author find it.
 */
export function checkCompiledMarkdown(value: unknown, root = '$'): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (typeof value !== 'object' || value === null) {
    return [{ path: root, message: 'expected a compiled markdown object ({ format: "ehr-md/1", blocks: [...] })' }];
  }
  const doc = value as Partial<CompiledMarkdown>;
  if (doc.format !== 'ehr-md/1') problems.push({ path: `${root}.format`, message: `expected "ehr-md/1", got ${JSON.stringify(doc.format)}` });
  if (!Array.isArray(doc.blocks)) {
    problems.push({ path: `${root}.blocks`, message: 'expected an array of blocks' });
    return problems;
  }
  doc.blocks.forEach((block, i) => checkBlock(block, `${root}.blocks[${i}]`, problems));
  return problems;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkBlock(block: unknown, path: string, problems: ContentProblem[], depth = 0): void {
  if (depth > MAX_MARKDOWN_DEPTH) {
    problems.push({ path, message: `nested more than ${MAX_MARKDOWN_DEPTH} levels deep` });
    return;
  }
  if (!isObject(block) || !BLOCK_TYPES.has(block.t as string)) {
    problems.push({ path, message: `unknown block ${isObject(block) ? JSON.stringify(block.t) : typeof block}` });
    return;
  }
  switch (block.t) {
    case 'p':
    case 'h':
      if (block.t === 'h' && !(Number.isInteger(block.level) && (block.level as number) >= 1 && (block.level as number) <= 6)) {
        problems.push({ path: `${path}.level`, message: 'heading level must be an integer from 1 to 6' });
      }
      checkInlines(block.c, `${path}.c`, problems, depth + 1);
      break;
    case 'pre':
      if (typeof block.v !== 'string') problems.push({ path: `${path}.v`, message: 'expected a string' });
      break;
    case 'quote':
      if (!Array.isArray(block.c)) problems.push({ path: `${path}.c`, message: 'expected an array of blocks' });
      else block.c.forEach((b, i) => checkBlock(b, `${path}.c[${i}]`, problems, depth + 1));
      break;
    case 'list':
      if (!Array.isArray(block.items)) problems.push({ path: `${path}.items`, message: 'expected an array of list items' });
      else
        block.items.forEach((item, i) => {
          if (!isObject(item) || !Array.isArray(item.c)) problems.push({ path: `${path}.items[${i}]`, message: 'expected { c: [...] }' });
          else item.c.forEach((b, j) => checkBlock(b, `${path}.items[${i}].c[${j}]`, problems, depth + 1));
        });
      break;
    case 'table':
      if (!Array.isArray(block.head)) problems.push({ path: `${path}.head`, message: 'expected an array of cells' });
      else block.head.forEach((cell, i) => checkInlines(cell, `${path}.head[${i}]`, problems, depth + 1));
      if (!Array.isArray(block.rows)) problems.push({ path: `${path}.rows`, message: 'expected an array of rows' });
      else
        block.rows.forEach((row, i) => {
          if (!Array.isArray(row)) problems.push({ path: `${path}.rows[${i}]`, message: 'expected an array of cells' });
          else row.forEach((cell, j) => checkInlines(cell, `${path}.rows[${i}][${j}]`, problems, depth + 1));
        });
      break;
  }
}

function checkInlines(nodes: unknown, path: string, problems: ContentProblem[], depth = 0): void {
  if (depth > MAX_MARKDOWN_DEPTH) {
    problems.push({ path, message: `nested more than ${MAX_MARKDOWN_DEPTH} levels deep` });
    return;
  }
  if (!Array.isArray(nodes)) {
    problems.push({ path, message: 'expected an array of inline nodes' });
    return;
  }
  nodes.forEach((node, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(node) || !INLINE_TYPES.has(node.t as string)) {
      problems.push({ path: at, message: `unknown inline ${isObject(node) ? JSON.stringify(node.t) : typeof node}` });
      return;
    }
    if ((node.t === 'text' || node.t === 'code') && typeof node.v !== 'string') problems.push({ path: `${at}.v`, message: 'expected a string' });
    if (node.t === 'link') {
      if (typeof node.href !== 'string' || !safeUrl(node.href)) problems.push({ path: `${at}.href`, message: `URL not allowed (only https, http, mailto or relative): ${JSON.stringify(node.href)}` });
      checkInlines(node.c, `${at}.c`, problems, depth + 1);
    }
    if (node.t === 'image') {
      if (typeof node.src !== 'string' || !safeUrl(node.src)) problems.push({ path: `${at}.src`, message: `URL not allowed (only https, http, mailto or relative): ${JSON.stringify(node.src)}` });
      if (typeof node.alt !== 'string') problems.push({ path: `${at}.alt`, message: 'images need alt text (a string, empty for decorative images)' });
    }
    if (node.t === 'strong' || node.t === 'em' || node.t === 'del') checkInlines(node.c, `${at}.c`, problems, depth + 1);
  });
}
