import { html, svg } from 'lit';

let nextId = 0;

/**
 * An icon array: `per` patients (100 by default) as a 10-wide grid, the first `withCondition` filled. Icon arrays
 * and natural frequencies are read correctly far more often than percentages (Galesic, Garcia-Retamero &
 * Gigerenzer 2009). The picture is an `img` labelled by the same sentence shown beside it, and filled versus
 * outlined icons carry the meaning without relying on colour (forced-colours and greyscale print keep it).
 */
export function renderIconArray(withCondition: number, per: number, sentence: string, legend = { with: 'has the condition', without: 'does not' }) {
  const id = `ehr-icon-array-${++nextId}`;
  const columns = 10;
  const size = 12;
  const rows = Math.ceil(per / columns);
  const icons = Array.from({ length: per }, (_, i) => {
    const x = (i % columns) * size + size / 2;
    const y = Math.floor(i / columns) * size + size / 2;
    const filled = i < withCondition;
    return svg`<circle cx=${x} cy=${y} r=${size / 2 - 1.5} class=${filled ? 'icon with' : 'icon without'}></circle>`;
  });
  return html`<figure class="icon-array" part="icon-array">
    <svg role="img" aria-labelledby=${id} viewBox="0 0 ${columns * size} ${rows * size}" width=${columns * size * 1.5} height=${rows * size * 1.5}>${icons}</svg>
    <figcaption id=${id}>${sentence}</figcaption>
    <p class="legend muted" aria-hidden="true"><span class="key with"></span> ${legend.with} <span class="key without"></span> ${legend.without}</p>
  </figure>`;
}
