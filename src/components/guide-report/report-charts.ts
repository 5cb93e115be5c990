import { html, svg } from 'lit';

/**
 * Horizontal bars as SVG, labelled in words (`role="img"` with the same figures as the table beside it). A
 * withheld figure draws no bar and says so. Shapes and widths carry the meaning, not colour alone.
 */
export function barChart(rows: ReadonlyArray<{ label: string; value: number | null; text: string }>, max: number, label: string) {
  const W = 360;
  const left = 150;
  const row = 20;
  const height = rows.length * row + 4;
  const x = (v: number) => (max > 0 ? (v / max) * (W - left - 50) : 0);
  return html`<svg class="chart" part="chart" role="img" aria-label=${label} viewBox="0 0 ${W} ${height}" width=${W} height=${height}>
    ${rows.map(
      (r, i) => svg`<text class="tick" x=${left - 6} y=${i * row + 14} text-anchor="end">${r.label.length > 24 ? `${r.label.slice(0, 23)}…` : r.label}</text>
        ${r.value === null ? svg`<line class="withheld" x1=${left} x2=${left + 30} y1=${i * row + 10} y2=${i * row + 10}></line>` : svg`<rect class="bar" x=${left} y=${i * row + 3} width=${Math.max(1, x(r.value))} height=${row - 7}></rect>`}
        <text class="tick" x=${left + (r.value === null ? 36 : Math.max(1, x(r.value)) + 4)} y=${i * row + 14}>${r.text}</text>`,
    )}
  </svg>`;
}
