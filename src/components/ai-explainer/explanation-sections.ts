import { html, nothing } from 'lit';
import { formatCount, formatPercent } from '../../core/models/describe.js';
import type { PopulationCheck, RelevantSubgroup, ScoreExplanation } from '../../core/models/explain.js';
import { outputScale, type ModelCard } from '../../core/models/model-card.js';
import { renderIconArray } from './icon-array.js';
import { renderThresholdScale } from './threshold-scale.js';
import { heading } from '../shared/heading.js';

/** Where the output sits against the card's thresholds: an SVG scale and the band's action in words. */
export function renderThresholds(level: number, card: ModelCard, explanation: ScoreExplanation | undefined, value: number | undefined) {
  const range = card.output.range ?? (outputScale(card) === 'probability' ? { min: 0, max: 1 } : undefined);
  const thresholdWords = card.thresholds.map((t) => `${t.label} at ${t.value}`).join('; ');
  return html`${heading(level, 'Against the thresholds')}
    ${range
      ? renderThresholdScale(value, range, card.thresholds, `${value === undefined ? 'No value on this scale' : `Output ${value}`} on a scale of ${range.min} to ${range.max}; ${thresholdWords || 'no thresholds'}`)
      : nothing}
    <p>${explanation?.band ? html`At or above <strong>${explanation.band.label}</strong>. ${explanation.band.action}` : value === undefined ? "The output carries no value on this model's scale." : 'Below every alert threshold.'}</p>`;
}

/** The calibrated risk: how often patients who scored like this had the outcome in the evaluation. */
export function renderCalibratedRisk(level: number, explanation: ScoreExplanation | undefined, value: number | undefined) {
  const c = explanation?.calibrated;
  if (!c || value === undefined) return nothing;
  return html`${heading(level, 'Risk for a score like this')}
    <p>
      In the evaluation, ${formatPercent(c.risk)} of patients who scored ${c.scoreFrom} to ${c.scoreTo} had the outcome${c.interval
        ? html` (95 % interval ${formatPercent(c.interval.low)} to ${formatPercent(c.interval.high)}${c.n ? `, ${c.n} patients` : ''})`
        : nothing}. A calibration from another population may not hold here.
    </p>`;
}

/** What a flag means here: PPV at this site's prevalence, in words, as an icon array, and the number needed to evaluate. */
export function renderPredictiveValue(level: number, explanation: ScoreExplanation | undefined) {
  if (explanation?.ppv === undefined || !explanation.frequency) return nothing;
  const where = explanation.prevalenceSource === 'local' ? 'at this hospital' : 'in the evaluation';
  return html`${heading(level, `What a flag at ${explanation.atThreshold?.threshold ?? 'the threshold'} means here`)}
    <p>
      At ${formatPercent(explanation.prevalence)} prevalence (${where}), ${formatPercent(explanation.ppv)} of flagged patients have the condition
      (positive predictive value${explanation.ppvInterval ? html`, 95 % range ${formatPercent(explanation.ppvInterval.low)} to ${formatPercent(explanation.ppvInterval.high)}` : nothing}).
      About ${formatCount(explanation.numberNeededToEvaluate!)} flagged patients are assessed for each one who has it.
      ${explanation.npv !== undefined ? html`Of patients below the threshold, ${formatPercent(explanation.npv)} do not have it.` : nothing}
    </p>
    ${renderIconArray(explanation.frequency.withCondition, explanation.frequency.per, explanation.frequency.sentence)}
    ${explanation.prevalenceSource === 'evaluation' ? html`<p class="muted">This hospital's prevalence is not configured; the figure uses the evaluation's, and may differ here.</p>` : nothing}`;
}

/** The intended-population check: inside / outside / cannot tell, each criterion with its reason. */
export function renderPopulation(level: number, card: ModelCard, check: PopulationCheck | 'pending' | undefined) {
  const body = () => {
    if (!check || check === 'pending') return html`<p class="muted" role="status">Checking the record…</p>`;
    if (card.population.criteria.length === 0) return html`<p>The model card states no population criteria.</p>`;
    const words = { inside: 'Inside the intended population', outside: 'Outside the intended population: the figures above may not apply', 'cannot-tell': 'Cannot tell from the record' }[check.status];
    return html`<div part="population" class="population ${check.status}">
      <p role="status"><strong>${words}.</strong></p>
      <ul>
        ${check.criteria.map((c) => html`<li class=${c.result}><span class="mark" aria-hidden="true">${c.result === 'met' ? '✓' : c.result === 'not-met' ? '✗' : '?'}</span> ${c.description}: ${c.reason}.</li>`)}
      </ul>
    </div>`;
  };
  return html`${heading(level, 'Is this patient in the intended population?')}
    ${body()}`;
}

/** The limits that apply: the subgroups this patient belongs to, then the card's limitations and known biases. */
export function renderLimits(level: number, card: ModelCard, subgroups: readonly RelevantSubgroup[]) {
  const figures = (s: RelevantSubgroup['subgroup']) =>
    [s.auroc !== undefined ? `AUROC ${s.auroc}` : '', s.sensitivity !== undefined ? `sensitivity ${formatPercent(s.sensitivity)}` : '', s.specificity !== undefined ? `specificity ${formatPercent(s.specificity)}` : '', s.note ?? '']
      .filter(Boolean)
      .join('; ');
  return html`${heading(level, 'Limits that apply')}
    <ul>
      ${subgroups.map(({ subgroup }) => html`<li>For ${subgroup.group}: ${figures(subgroup)}</li>`)} ${card.limitations.map((l) => html`<li>${l}</li>`)}
      ${card.knownBiases.map((b) => html`<li>${b}</li>`)}
    </ul>`;
}

/** The card's verify-before-acting checklist. */
export function renderChecklist(level: number, card: ModelCard) {
  if (!card.verifyBeforeActing.length) return nothing;
  return html`${heading(level, 'Before you act')}
    <ul part="checklist" class="checklist">
      ${card.verifyBeforeActing.map((item) => html`<li>${item}</li>`)}
    </ul>`;
}
