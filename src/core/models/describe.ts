import type { AiOutput } from './ai-output.js';
import { outputScale, type ModelCard } from './model-card.js';

/** A percentage that never rounds to a false certainty: 0.3 % is "< 1 %", 99.7 % is "> 99 %". */
const percent = (p: number) => (p < 0.01 && p > 0 ? '< 1 %' : p > 0.99 && p < 1 ? '> 99 %' : `${Math.round(p * 100)} %`);
const number = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 10) / 10));

/** What an output says, as facts an element puts into words in the clinician's language. */
export type OutputFacts =
  | { kind: 'flagged' | 'not-flagged'; outcome?: string }
  | { kind: 'probability'; probability: number; outcome?: string }
  | { kind: 'score'; score: number; range?: { min: number; max: number }; notProbability: boolean; outcome?: string }
  | { kind: 'qualitative'; rating: string; outcome?: string }
  | { kind: 'outcome'; outcome: string }
  | { kind: 'unknown' };

/** The facts `describeOutput` puts into English. */
export function outputFacts(output: AiOutput, card?: ModelCard): OutputFacts {
  const outcome = output.outcome && /^[A-Z][a-z]/.test(output.outcome) ? output.outcome.charAt(0).toLowerCase() + output.outcome.slice(1) : output.outcome;
  const about = outcome ? { outcome } : {};
  const scale = card ? outputScale(card) : output.probability !== undefined ? 'probability' : 'score';
  if (card?.output.type === 'classification' && !card.output.range) {
    const value = output.score ?? output.probability;
    const threshold = Math.min(...card.thresholds.map((t) => t.value));
    if (value !== undefined && Number.isFinite(threshold)) return { kind: value >= threshold ? 'flagged' : 'not-flagged', ...about };
  }
  if (scale === 'probability' && output.probability !== undefined) return { kind: 'probability', probability: output.probability, ...about };
  if (output.score !== undefined) return { kind: 'score', score: output.score, ...(card?.output.range ? { range: card.output.range } : {}), notProbability: scale === 'score', ...about };
  if (output.probability !== undefined) return { kind: 'probability', probability: output.probability, ...about };
  if (output.qualitative) return { kind: 'qualitative', rating: output.qualitative, ...about };
  return output.outcome ? { kind: 'outcome', outcome: output.outcome } : { kind: 'unknown' };
}

/** The output in plain words, e.g. "Score 72 on a 0–100 scale (not a probability) for sepsis within 6 hours". */
export function describeOutput(output: AiOutput, card?: ModelCard): string {
  // "Sepsis within 6 hours" → "for sepsis within 6 hours"; "ICU-level care" keeps its capitals.
  const outcome = output.outcome && /^[A-Z][a-z]/.test(output.outcome) ? output.outcome.charAt(0).toLowerCase() + output.outcome.slice(1) : output.outcome;
  const about = outcome ? ` for ${outcome}` : '';
  const scale = card ? outputScale(card) : output.probability !== undefined ? 'probability' : 'score';
  if (card?.output.type === 'classification' && !card.output.range) {
    // A yes/no output: flagged when it reaches the card's (lowest) threshold.
    const value = output.score ?? output.probability;
    const threshold = Math.min(...card.thresholds.map((t) => t.value));
    if (value !== undefined && Number.isFinite(threshold)) return `${value >= threshold ? 'Flagged' : 'Not flagged'}${about}`;
  }
  if (scale === 'probability' && output.probability !== undefined) return `${percent(output.probability)} estimated probability${about}`;
  if (output.score !== undefined) {
    const range = card?.output.range;
    return `Score ${number(output.score)}${range ? ` on a ${number(range.min)}–${number(range.max)} scale` : ''}${scale === 'score' ? ' (not a probability)' : ''}${about}`;
  }
  if (output.probability !== undefined) return `${percent(output.probability)} estimated probability${about}`;
  if (output.qualitative) return `Rated "${output.qualitative}"${about}`;
  return output.outcome ?? 'An AI output';
}

export { percent as formatPercent };

/** Number needed to evaluate in words: one decimal below 10 ("1.4"), whole numbers above. */
export function formatCount(n: number): string {
  return n < 10 ? String(Math.round(n * 10) / 10) : String(Math.round(n));
}
