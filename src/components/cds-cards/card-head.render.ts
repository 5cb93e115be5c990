import { html, nothing } from 'lit';
import type { ReadCard } from '../../core/cds/cds-response.js';
import type { CompiledMarkdown } from '../../core/markdown/nodes.js';
import type messages from '../../i18n/compiled/en/cds.js';
import { renderMarkdown } from '../shared/render-markdown.js';
import { heading } from '../shared/heading.js';

const INDICATOR_WORDS = { critical: 'critical', warning: 'warning', info: 'info', success: 'info' } as const;
const SUMMARY_MAX = 140;

/** What a card's head needs: the card, its heading id and level, its compiled detail, the image policy, words. */
export interface CardHeadView {
  card: ReadCard;
  id: string;
  headingLevel: number;
  detail?: CompiledMarkdown;
  /** Whether an image (the source icon, a detail image) may load: the page's or the host's allowed origins. */
  images: (src: string) => boolean;
  t: (key: keyof typeof messages) => string;
}

/** The indicator, the summary as a heading (shortened past 140 characters, the whole of it below), detail, source. */
export function renderCardHead(v: CardHeadView) {
  const { card, t } = v;
  const c = card.card;
  const summary = c.summary.length > SUMMARY_MAX ? `${c.summary.slice(0, SUMMARY_MAX - 1)}…` : c.summary;
  const indicator = c.indicator === 'success' ? 'info' : c.indicator;
  return html`<p part="indicator" class="indicator"><span class="icon" aria-hidden="true">${indicator === 'critical' ? '‼' : indicator === 'warning' ? '!' : 'i'}</span> ${t(INDICATOR_WORDS[c.indicator])}</p>
    ${heading(v.headingLevel, summary, { id: v.id, part: 'summary' })}
    ${summary !== c.summary ? html`<p class="full-summary">${c.summary}</p>` : nothing}
    ${c.detail ? html`<div part="detail" class="detail md">${renderMarkdown(v.detail, { imageAllowed: v.images, labels: { table: t('table'), image: t('image') } })}</div>` : nothing}
    <p part="source" class="source muted">
      ${card.icon && v.images(card.icon) ? html`<img src=${card.icon} alt="" width="16" height="16" referrerpolicy="no-referrer" />` : nothing} ${t('source')}
      ${c.source.url && /^https?:\/\//i.test(c.source.url) ? html`<a href=${c.source.url} target="_blank" rel="noopener noreferrer">${c.source.label}</a>` : c.source.label}
    </p>`;
}
