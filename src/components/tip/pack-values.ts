import type { CompiledMarkdown } from '../../core/markdown/nodes.js';
import type { LoadedItem } from '../../core/packs/load-pack.js';

/**
 * What a pack's tip item sets on `<ehr-tip item>`: its id, heading, presentation, anchor, placement and body —
 * except what the page set itself with attributes (`authored`), which always wins.
 */
export function packValues(item: LoadedItem, authored: ReadonlySet<string>, hasAnchorElement: boolean): Record<string, unknown> {
  if (item.kind !== 'tip') return {};
  const values: Record<string, unknown> = { tipId: item.id };
  if (!authored.has('heading')) values.heading = item.title;
  if (!authored.has('variant') && item.presentation) values.variant = item.presentation;
  if (!authored.has('anchor') && !hasAnchorElement && item.when?.selector) values.anchor = item.when.selector;
  if (!authored.has('placement') && item.placement) values.placement = item.placement;
  if (typeof item.body !== 'string') values.content = item.body as CompiledMarkdown;
  else if (!authored.has('markdown')) values.markdown = item.body;
  return values;
}
