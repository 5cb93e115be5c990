import { html, nothing, svg } from 'lit';
import { wilsonInterval } from '../../core/risk/math.js';
import type { ModelCard } from '../../core/models/model-card.js';
import { outputScale } from '../../core/models/model-card.js';
import type { Words as ElementWords } from '../../controllers/words.js';
import type messages from '../../i18n/compiled/en/facts.js';

type Words = ElementWords<keyof typeof messages>;
const W = 320;
const H = 200;
const PAD = { left: 40, right: 12, top: 10, bottom: 34 };

/**
 * Calibration plot: the observed outcome rate in each score bin (with its 95 % Wilson interval when the bin's size
 * is known), and for probability models the diagonal of perfect calibration. The figures are also given as a
 * table, so nothing is only in the picture.
 */
export function renderCalibration(w: Words, card: ModelCard, caption: string) {
  const pct = (p: number) => w.percent(p);
  const n = (v: number) => w.number(v, 3);
  const bins = [...(card.performance.calibration ?? [])].sort((a, b) => a.scoreFrom - b.scoreFrom);
  if (bins.length === 0) return html`<p class="muted">${w.t('noCalibration')}</p>`;
  const probability = outputScale(card) === 'probability';
  const min = card.output.range?.min ?? Math.min(0, bins[0].scoreFrom);
  const max = card.output.range?.max ?? Math.max(probability ? 1 : 0, bins[bins.length - 1].scoreTo);
  const x = (v: number) => PAD.left + ((v - min) / (max - min || 1)) * (W - PAD.left - PAD.right);
  const y = (p: number) => H - PAD.bottom - p * (H - PAD.top - PAD.bottom);
  const points = bins.map((b) => {
    const interval = b.n ? wilsonInterval(Math.round(b.observed * b.n), b.n) : undefined;
    return { ...b, mid: (b.scoreFrom + b.scoreTo) / 2, interval };
  });
  const scale = w.t(probability ? 'predicted' : 'scores');
  const label = `${caption}. ${points.map((p) => w.t(p.n ? 'calibrationPointN' : 'calibrationPoint', { scale, from: n(p.scoreFrom), to: n(p.scoreTo), observed: pct(p.observed), n: p.n === undefined ? '' : w.number(p.n) })).join('; ')}.`;
  return html`<figure class="chart" part="calibration-chart">
    <svg role="img" aria-label=${label} viewBox="0 0 ${W} ${H}" width=${W} height=${H}>
      <line class="axis" x1=${PAD.left} y1=${y(0)} x2=${W - PAD.right} y2=${y(0)}></line>
      <line class="axis" x1=${PAD.left} y1=${y(0)} x2=${PAD.left} y2=${y(1)}></line>
      ${[0, 0.5, 1].map((t) => svg`<text class="tick" x=${PAD.left - 4} y=${y(t) + 3} text-anchor="end">${pct(t)}</text>`)}
      <text class="tick" x=${x(min)} y=${H - PAD.bottom + 14} text-anchor="start">${n(min)}</text>
      <text class="tick" x=${x(max)} y=${H - PAD.bottom + 14} text-anchor="end">${n(max)}</text>
      <text class="tick" x=${(PAD.left + W - PAD.right) / 2} y=${H - 4} text-anchor="middle">${w.t(probability ? 'predictedProbability' : 'score')}</text>
      ${probability ? svg`<line class="ideal" x1=${x(0)} y1=${y(0)} x2=${x(1)} y2=${y(1)}></line>` : nothing}
      ${points.map(
        (p) => svg`${p.interval ? svg`<line class="whisker" x1=${x(p.mid)} x2=${x(p.mid)} y1=${y(p.interval.low)} y2=${y(p.interval.high)}></line>` : nothing}
          <rect class="point" x=${x(p.mid) - 4} y=${y(p.observed) - 4} width="8" height="8"></rect>`,
      )}
    </svg>
    <figcaption>${caption}</figcaption>
    <table>
      <thead><tr><th scope="col">${w.t(probability ? 'predicted' : 'score')}</th><th scope="col">${w.t('observed')}</th><th scope="col">${w.t('interval')}</th><th scope="col">${w.t('patients')}</th></tr></thead>
      <tbody>
        ${points.map((p) => html`<tr><td>${n(p.scoreFrom)}–${n(p.scoreTo)}</td><td>${pct(p.observed)}</td><td>${p.interval ? `${pct(p.interval.low)}–${pct(p.interval.high)}` : w.t('notReported')}</td><td>${p.n === undefined ? w.t('notReported') : w.number(p.n)}</td></tr>`)}
      </tbody>
    </table>
  </figure>`;
}

/**
 * Subgroup performance: AUROC per subgroup when the card gives it (else sensitivity), against the overall figure.
 * Subgroups with notes only are listed, not drawn.
 */
export function renderSubgroups(w: Words, card: ModelCard, caption: string) {
  const pct = (p: number) => w.percent(p);
  const subgroups = card.subgroups ?? [];
  if (subgroups.length === 0) return html`<p class="muted">${w.t('noSubgroups')}</p>`;
  const metric: 'auroc' | 'sensitivity' = subgroups.some((s) => s.auroc !== undefined) ? 'auroc' : 'sensitivity';
  const drawn = subgroups.filter((s) => s[metric] !== undefined);
  const overall = metric === 'auroc' ? card.performance.auroc : card.performance.atThresholds[0]?.sensitivity;
  const name = metric === 'auroc' ? 'AUROC' : w.t('sensitivity');
  const row = 22;
  const height = drawn.length * row + 30;
  const left = 130;
  const x = (v: number) => left + v * (W - left - PAD.right);
  const fmt = (v: number) => (metric === 'auroc' ? w.fixed(v, 2) : pct(v));
  const label = `${caption}. ${drawn.map((s) => `${s.group}: ${name} ${fmt(s[metric]!)}`).join('; ')}${overall !== undefined ? `; ${w.t('overall', { value: fmt(overall) })}` : ''}.`;
  return html`<figure class="chart" part="subgroup-chart">
    ${drawn.length
      ? html`<svg role="img" aria-label=${label} viewBox="0 0 ${W} ${height}" width=${W} height=${height}>
          ${drawn.map(
            (s, i) => svg`<text class="tick" x=${left - 6} y=${i * row + 15} text-anchor="end">${s.group.length > 22 ? `${s.group.slice(0, 21)}…` : s.group}</text>
              <rect class="bar" x=${left} y=${i * row + 4} width=${x(s[metric]!) - left} height=${row - 8}></rect>
              <text class="tick" x=${x(s[metric]!) + 3} y=${i * row + 15}>${fmt(s[metric]!)}</text>`,
          )}
          ${overall !== undefined ? svg`<line class="ideal" x1=${x(overall)} x2=${x(overall)} y1="0" y2=${drawn.length * row}></line><text class="tick" x=${x(overall)} y=${drawn.length * row + 14} text-anchor="middle">${w.t('overall', { value: fmt(overall) })}</text>` : nothing}
        </svg>`
      : nothing}
    <figcaption>${caption}</figcaption>
    <table>
      <thead><tr><th scope="col">${w.t('subgroup')}</th><th scope="col">AUROC</th><th scope="col">${w.t('sensitivity')}</th><th scope="col">${w.t('specificity')}</th><th scope="col">${w.t('note')}</th></tr></thead>
      <tbody>
        ${subgroups.map((s) => html`<tr><td>${s.group} <span class="muted">(${s.attribute})</span></td><td>${s.auroc === undefined ? '—' : w.fixed(s.auroc, 2)}</td><td>${s.sensitivity !== undefined ? pct(s.sensitivity) : '—'}</td><td>${s.specificity !== undefined ? pct(s.specificity) : '—'}</td><td>${s.note ?? ''}</td></tr>`)}
      </tbody>
    </table>
  </figure>`;
}
