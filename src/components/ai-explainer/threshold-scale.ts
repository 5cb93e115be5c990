import { html, svg } from 'lit';

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000));

/**
 * Where a value sits on the model's scale, with its thresholds marked. An `img` whose label says the same in
 * words; the marker is a shape, not only a colour.
 */
export function renderThresholdScale(value: number | undefined, range: { min: number; max: number }, thresholds: ReadonlyArray<{ value: number; label: string }>, label: string, format: (n: number) => string = fmt) {
  const width = 300;
  const x = (v: number) => 8 + ((Math.min(range.max, Math.max(range.min, v)) - range.min) / (range.max - range.min || 1)) * (width - 16);
  return html`<svg class="scale" part="threshold-scale" role="img" aria-label=${label} viewBox="0 0 ${width} 44" width=${width} height="44">
    <rect x="8" y="18" width=${width - 16} height="8" rx="4" class="track"></rect>
    ${thresholds.map((t) => svg`<line x1=${x(t.value)} x2=${x(t.value)} y1="12" y2="32" class="threshold"></line><text x=${x(t.value)} y="42" text-anchor="middle" class="tick">${format(t.value)}</text>`)}
    <text x="8" y="42" class="tick">${format(range.min)}</text>
    <text x=${width - 8} y="42" text-anchor="end" class="tick">${format(range.max)}</text>
    ${value === undefined ? '' : svg`<path d="M ${x(value) - 6} 4 L ${x(value) + 6} 4 L ${x(value)} 16 Z" class="marker"></path>`}
  </svg>`;
}
