/**
 * The compiled form of guidance markdown: a small, JSON-serialisable tree that elements render through Lit
 * templates. It is what `ehr-guide compile` writes into packs, so pages that receive compiled content never load
 * a markdown parser. The tree has no HTML node type at all: raw HTML in the source becomes text.
 */
export type MdInline =
  | { t: 'text'; v: string }
  | { t: 'strong'; c: MdInline[] }
  | { t: 'em'; c: MdInline[] }
  | { t: 'del'; c: MdInline[] }
  | { t: 'code'; v: string }
  | { t: 'br' }
  | { t: 'link'; href: string; title?: string; c: MdInline[] }
  | { t: 'image'; src: string; alt: string; title?: string };

export type MdBlock =
  | { t: 'p'; c: MdInline[] }
  | { t: 'h'; level: 1 | 2 | 3 | 4 | 5 | 6; c: MdInline[] }
  | { t: 'pre'; v: string; lang?: string }
  | { t: 'quote'; c: MdBlock[] }
  | { t: 'list'; ordered: boolean; start?: number; items: MdListItem[] }
  | { t: 'hr' }
  | { t: 'table'; align: Array<'left' | 'center' | 'right' | null>; head: MdInline[][]; rows: MdInline[][][] };

export interface MdListItem {
  /** `true`/`false` for a task-list item, absent otherwise. */
  checked?: boolean;
  c: MdBlock[];
}

/** A compiled markdown document: the marker lets a loader tell compiled bodies from markdown strings. */
export interface CompiledMarkdown {
  format: 'ehr-md/1';
  blocks: MdBlock[];
}

export function isCompiledMarkdown(value: unknown): value is CompiledMarkdown {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as CompiledMarkdown).format === 'ehr-md/1' &&
    Array.isArray((value as CompiledMarkdown).blocks)
  );
}
