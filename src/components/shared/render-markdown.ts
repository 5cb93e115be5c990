import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { safeUrl } from '../../core/url-policy.js';
import type { CompiledMarkdown, MdBlock, MdInline, MdListItem } from '../../core/markdown/nodes.js';

type Out = TemplateResult | string | typeof nothing;

/** Nesting beyond this renders nothing (checked content never gets here; hostile content might). */
const MAX_DEPTH = 32;
let depth = 0;
/** Whether an image may load (the host's allowed origins); set for the duration of one synchronous render. */
let imagePolicy: (src: string) => boolean = () => false;
let labels = { table: 'Table', image: 'Image' };

function nested<T>(fn: () => T, fallback: T): T {
  if (depth >= MAX_DEPTH) return fallback;
  depth++;
  try {
    return fn();
  } finally {
    depth--;
  }
}

/**
 * Renders compiled markdown through Lit templates. Every string goes into a text binding (escaped by Lit) and
 * every URL is checked again here, because compiled content may come from anywhere; nodes of unknown shape
 * render nothing. There is no path from content to `innerHTML`.
 */
export function renderMarkdown(doc: CompiledMarkdown | undefined, options: { imageAllowed?: (src: string) => boolean; labels?: { table: string; image: string } } = {}): Out {
  if (!doc || !Array.isArray(doc.blocks)) return nothing;
  const previous = [imagePolicy, labels] as const;
  // Without a policy, no image loads: its alt text and a link render instead.
  imagePolicy = options.imageAllowed ?? (() => false);
  labels = options.labels ?? { table: 'Table', image: 'Image' };
  try {
    return html`${doc.blocks.map(renderBlock)}`;
  } finally {
    [imagePolicy, labels] = previous;
  }
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function renderBlocks(blocks: unknown): Out[] {
  return nested(() => (Array.isArray(blocks) ? blocks.map(renderBlock) : []), []);
}

function renderBlock(block: MdBlock | unknown): Out {
  if (!isObj(block)) return nothing;
  const b = block as unknown as MdBlock;
  switch (b.t) {
    case 'p':
      return html`<p>${renderInlines(b.c)}</p>`;
    case 'h':
      // Headings inside a tip sit below the tip's own heading; levels are shifted so the outline stays sane.
      switch (b.level) {
        case 1:
        case 2:
          return html`<p class="md-h md-h${b.level}" role="heading" aria-level="3">${renderInlines(b.c)}</p>`;
        case 3:
          return html`<p class="md-h md-h3" role="heading" aria-level="4">${renderInlines(b.c)}</p>`;
        default:
          return html`<p class="md-h md-h${Number(b.level) || 4}" role="heading" aria-level="5">${renderInlines(b.c)}</p>`;
      }
    case 'pre':
      return html`<pre><code>${str(b.v)}</code></pre>`;
    case 'quote':
      return html`<blockquote>${renderBlocks(b.c)}</blockquote>`;
    case 'list': {
      const items = Array.isArray(b.items) ? b.items.map(renderItem) : [];
      return b.ordered
        ? html`<ol start=${ifDefined(Number.isInteger(b.start) ? b.start : undefined)}>${items}</ol>`
        : html`<ul>${items}</ul>`;
    }
    case 'hr':
      return html`<hr />`;
    case 'table': {
      const align = (i: number) => {
        const a = Array.isArray(b.align) ? b.align[i] : null;
        return a === 'left' || a === 'center' || a === 'right' ? `align-${a}` : undefined;
      };
      const head = Array.isArray(b.head) ? b.head : [];
      const rows = Array.isArray(b.rows) ? b.rows : [];
      return html`<div class="md-table" tabindex="0" role="region" aria-label=${labels.table}>
        <table>
          <thead><tr>${head.map((cell, i) => html`<th scope="col" class=${ifDefined(align(i))}>${renderInlines(cell)}</th>`)}</tr></thead>
          <tbody>${rows.map((row) => html`<tr>${(Array.isArray(row) ? row : []).map((cell, i) => html`<td class=${ifDefined(align(i))}>${renderInlines(cell)}</td>`)}</tr>`)}</tbody>
        </table>
      </div>`;
    }
    default:
      return nothing;
  }
}

function renderItem(item: MdListItem | unknown): Out {
  if (!isObj(item)) return nothing;
  const it = item as unknown as MdListItem;
  if (typeof it.checked === 'boolean') {
    return html`<li class="task"><span class="task-box" role="img" aria-label=${it.checked ? 'done' : 'to do'}>${it.checked ? '☑' : '☐'}</span> ${renderBlocks(it.c)}</li>`;
  }
  return html`<li>${renderBlocks(it.c)}</li>`;
}

function renderInlines(nodes: unknown): Out[] {
  return nested(() => (Array.isArray(nodes) ? nodes.map(renderInline) : []), []);
}

function renderInline(node: MdInline | unknown): Out {
  if (!isObj(node)) return nothing;
  const n = node as unknown as MdInline;
  switch (n.t) {
    case 'text':
      return str(n.v);
    case 'strong':
      return html`<strong>${renderInlines(n.c)}</strong>`;
    case 'em':
      return html`<em>${renderInlines(n.c)}</em>`;
    case 'del':
      return html`<del>${renderInlines(n.c)}</del>`;
    case 'code':
      return html`<code>${str(n.v)}</code>`;
    case 'br':
      return html`<br />`;
    case 'link': {
      const href = safeUrl(str(n.href));
      if (!href) return html`${renderInlines(n.c)}`;
      // A link opens outside the EHR frame; noopener keeps the new page from reaching back into the chart.
      return html`<a href=${href} title=${ifDefined(typeof n.title === 'string' ? n.title : undefined)} target="_blank" rel="noopener noreferrer">${renderInlines(n.c)}</a>`;
    }
    case 'image': {
      const src = safeUrl(str(n.src));
      if (!src) return str(n.alt);
      // From an origin the host has not allowed: the alt text, as a link the clinician may choose to follow.
      if (!imagePolicy(src)) return html`<a class="md-image-link" href=${src} target="_blank" rel="noopener noreferrer">${str(n.alt) || labels.image}</a>`;
      return html`<img src=${src} alt=${str(n.alt)} title=${ifDefined(typeof n.title === 'string' ? n.title : undefined)} loading="lazy" referrerpolicy="no-referrer" />`;
    }
    default:
      return nothing;
  }
}
