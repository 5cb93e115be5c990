import { html, nothing } from 'lit';

/**
 * A heading at a level the host chooses (2–6), so an element's headings fit the page's outline. Static tags per
 * level: a heading is never built from a string.
 */
export function heading(level: number, text: unknown, options: { id?: string; part?: string } = {}) {
  const id = options.id ?? nothing;
  const part = options.part ?? nothing;
  switch (Math.min(6, Math.max(2, Math.round(Number.isFinite(level) ? level : 3)))) {
    case 2:
      return html`<h2 id=${id} part=${part}>${text}</h2>`;
    case 3:
      return html`<h3 id=${id} part=${part}>${text}</h3>`;
    case 4:
      return html`<h4 id=${id} part=${part}>${text}</h4>`;
    case 5:
      return html`<h5 id=${id} part=${part}>${text}</h5>`;
    default:
      return html`<h6 id=${id} part=${part}>${text}</h6>`;
  }
}
