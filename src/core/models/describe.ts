import type { AiOutput } from './ai-output.js';
import { outputScale, type ModelCard } from './model-card.js';

const percent = (p: number) => (p < 0.01 && p > 0 ? '< 1 %' : `${Math.round(p * 100)} %`);
const number = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 10) / 10));

/** The output in plain words, e.g. "Score 72 on a 0–100 scale (not a probability) for sepsis within 6 hours". */
export function describeOutput(output: AiOutput, card?: ModelCard): string {
  const about = output.outcome ? ` for ${output.outcome.charAt(0).toLowerCase()}${output.outcome.slice(1)}` : '';
  const scale = card ? outputScale(card) : output.probability !== undefined ? 'probability' : 'score';
  if (scale === 'probability' && output.probability !== undefined) return `${percent(output.probability)} estimated probability${about}`;
  if (output.score !== undefined) {
    const range = card?.output.range;
    const kind = card?.output.type === 'classification' && !range ? (output.score >= 1 ? 'Flagged' : 'Not flagged') : undefined;
    if (kind) return `${kind}${about}`;
    return `Score ${number(output.score)}${range ? ` on a ${number(range.min)}–${number(range.max)} scale` : ''}${scale === 'score' ? ' (not a probability)' : ''}${about}`;
  }
  if (output.probability !== undefined) return `${percent(output.probability)} estimated probability${about}`;
  if (output.qualitative) return `Rated "${output.qualitative}"${about}`;
  return output.outcome ?? 'An AI output';
}

export { percent as formatPercent };
