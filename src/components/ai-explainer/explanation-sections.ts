import { html, nothing } from 'lit';
import type { PopulationCheck, RelevantSubgroup, ScoreExplanation } from '../../core/models/explain.js';
import { outputScale, type ModelCard } from '../../core/models/model-card.js';
import { renderIconArray } from './icon-array.js';
import { renderThresholdScale } from './threshold-scale.js';
import { heading } from '../shared/heading.js';
import { criterionWords, frequencyWords, whereWords, type Words } from './explainer-words.js';

/** `text` with `part` (once) in bold: a sentence in any language keeps its emphasis where the translation put it. */
function emphasise(text: string, part: string) {
  const at = text.indexOf(part);
  return at < 0 ? text : html`${text.slice(0, at)}<strong>${part}</strong>${text.slice(at + part.length)}`;
}

/** Where the output sits against the card's thresholds: an SVG scale and the band's action in words. */
export function renderThresholds(w: Words, level: number, card: ModelCard, explanation: ScoreExplanation | undefined, value: number | undefined) {
  const range = card.output.range ?? (outputScale(card) === 'probability' ? { min: 0, max: 1 } : undefined);
  const thresholdWords = card.thresholds.map((t) => w.t('thresholdAt', { label: t.label, value: w.number(t.value, 3) })).join('; ');
  const label = range && w.t('scaleLabel', { value: value === undefined ? 'none' : w.number(value, 3), min: w.number(range.min, 3), max: w.number(range.max, 3), thresholds: thresholdWords || w.t('noThresholds') });
  return html`${heading(level, w.t('thresholdsHeading'))}
    ${range ? renderThresholdScale(value, range, card.thresholds, label!, (n) => w.number(n, 3)) : nothing}
    <p>${explanation?.band ? html`${emphasise(w.t('atOrAbove', { band: explanation.band.label }), explanation.band.label)} ${explanation.band.action}` : value === undefined ? w.t('noValue') : w.t('belowAll')}</p>`;
}

/** The calibrated risk: how often patients who scored like this had the outcome in the evaluation. */
export function renderCalibratedRisk(w: Words, level: number, explanation: ScoreExplanation | undefined, value: number | undefined) {
  const c = explanation?.calibrated;
  if (!c || value === undefined) return nothing;
  const args = { risk: w.percent(c.risk), from: w.number(c.scoreFrom, 3), to: w.number(c.scoreTo, 3) };
  const sentence = c.interval
    ? w.t(c.n ? 'calibratedIntervalN' : 'calibratedInterval', { ...args, low: w.percent(c.interval.low), high: w.percent(c.interval.high), n: c.n === undefined ? '' : w.number(c.n) })
    : w.t('calibrated', args);
  return html`${heading(level, w.t('calibratedHeading'))}
    <p>${sentence} ${w.t('calibrationCaveat')}</p>`;
}

/** What a flag means here: PPV at this site's prevalence, in words, as an icon array, and the number needed to evaluate. */
export function renderPredictiveValue(w: Words, level: number, explanation: ScoreExplanation | undefined) {
  if (explanation?.ppv === undefined || !explanation.frequency) return nothing;
  const where = whereWords(w, explanation);
  const base = { prevalence: w.percent(explanation.prevalence), where, ppv: w.percent(explanation.ppv) };
  const frequency = frequencyWords(w, explanation.frequency);
  const threshold = explanation.atThreshold?.threshold;
  return html`${heading(level, w.t('ppvHeading', { threshold: threshold === undefined ? '—' : w.number(threshold, 3) }))}
    <p>
      ${explanation.ppvInterval ? w.t('ppvRange', { ...base, low: w.percent(explanation.ppvInterval.low), high: w.percent(explanation.ppvInterval.high) }) : w.t('ppv', base)}
      ${w.t('nne', { count: w.count(explanation.numberNeededToEvaluate!) })}
      ${explanation.npv !== undefined ? w.t('npv', { npv: w.percent(explanation.npv) }) : nothing}
    </p>
    ${renderIconArray(explanation.frequency.withCondition, explanation.frequency.per, frequency, { with: w.t('legendWith'), without: w.t('legendWithout') })}
    ${explanation.prevalenceSource === 'evaluation' ? html`<p class="muted">${w.t('prevalenceNotSet')}</p>` : nothing}`;
}

/** The intended-population check: inside / outside / cannot tell, each criterion with its reason. */
export function renderPopulation(w: Words, level: number, card: ModelCard, check: PopulationCheck | 'pending' | undefined) {
  const body = () => {
    if (!check || check === 'pending') return html`<p class="muted" role="status">${w.t('checking')}</p>`;
    if (card.population.criteria.length === 0) return html`<p>${w.t('noCriteria')}</p>`;
    const words = w.t(({ inside: 'inside', outside: 'outside', 'cannot-tell': 'cannotTell' } as const)[check.status]);
    return html`<div part="population" class="population ${check.status}">
      <p role="status"><strong>${words}</strong></p>
      <ul>
        ${check.criteria.map((c) => html`<li class=${c.result}><span class="mark" aria-hidden="true">${c.result === 'met' ? '✓' : c.result === 'not-met' ? '✗' : '?'}</span> ${w.t('criterion', { description: c.description, reason: criterionWords(w, c) })}</li>`)}
      </ul>
    </div>`;
  };
  return html`${heading(level, w.t('populationHeading'))}
    ${body()}`;
}

/** The limits that apply: the subgroups this patient belongs to, then the card's limitations and known biases. */
export function renderLimits(w: Words, level: number, card: ModelCard, subgroups: readonly RelevantSubgroup[]) {
  const figures = (s: RelevantSubgroup['subgroup']) =>
    [
      s.auroc !== undefined ? w.t('auroc', { value: w.fixed(s.auroc, 2) }) : '',
      s.sensitivity !== undefined ? w.t('sensitivity', { value: w.percent(s.sensitivity) }) : '',
      s.specificity !== undefined ? w.t('specificity', { value: w.percent(s.specificity) }) : '',
      s.note ?? '',
    ]
      .filter(Boolean)
      .join('; ');
  return html`${heading(level, w.t('limitsHeading'))}
    <ul>
      ${subgroups.map(({ subgroup }) => html`<li>${w.t('subgroup', { group: subgroup.group, figures: figures(subgroup) })}</li>`)} ${card.limitations.map((l) => html`<li>${l}</li>`)}
      ${card.knownBiases.map((b) => html`<li>${b}</li>`)}
    </ul>`;
}

/** The card's verify-before-acting checklist. */
export function renderChecklist(w: Words, level: number, card: ModelCard) {
  if (!card.verifyBeforeActing.length) return nothing;
  return html`${heading(level, w.t('beforeHeading'))}
    <ul part="checklist" class="checklist">
      ${card.verifyBeforeActing.map((item) => html`<li>${item}</li>`)}
    </ul>`;
}
