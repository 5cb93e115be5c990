import { valueOnCardScale, type AiOutput, type OffScale } from './ai-output.js';
import { explainScore, type ScoreExplanation } from './explain.js';
import type { ModelCard } from './model-card.js';

/**
 * An output explained against its model card: its value on the card's scale and what that means (at the site's
 * prevalence when given). Without a value on the card's scale, what a flag at the lowest threshold means is
 * explained instead, with the reason the value could not be placed.
 */
export function explainOutput(output: AiOutput | undefined, card: ModelCard | undefined, localPrevalence?: number): { explanation?: ScoreExplanation; value?: number; reason?: string; why?: OffScale } {
  if (!card || !output) return {};
  const { value, reason, why } = valueOnCardScale(output, card);
  try {
    if (value !== undefined) return { value, explanation: explainScore(card, value, { localPrevalence }) };
    const lowest = [...card.thresholds].sort((a, b) => a.value - b.value)[0];
    return { reason, why, explanation: lowest ? explainScore(card, lowest.value, { localPrevalence }) : undefined };
  } catch (error) {
    return { reason: (error as Error).message };
  }
}
