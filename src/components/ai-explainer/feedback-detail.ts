import type { CdsCoding } from '../../core/cds/cds-response.js';
import type { AiOutput } from '../../core/models/ai-output.js';
import type { ScoreExplanation } from '../../core/models/explain.js';
import type { ModelCard } from '../../core/models/model-card.js';
import type { EhrAiFeedbackDetail } from '../../events.js';
import { cardFeedback } from '../../core/cds/feedback.js';
import type { GuideApi } from '../../core/engine/guide-api.js';
import { sharedCdsFeedbackOutbox } from '../../platform/shared-outbox.js';

export const DEFAULT_REASON_SYSTEM = 'https://ehr-guide.dev/CodeSystem/ai-override-reason';

/** Override reasons offered when the output did not come with its own (a CDS card's `overrideReasons`). */
export const DEFAULT_OVERRIDE_REASONS: CdsCoding[] = [
  { system: 'https://ehr-guide.dev/CodeSystem/ai-override-reason', code: 'clinical-judgement', display: 'My assessment of the patient differs' },
  { system: 'https://ehr-guide.dev/CodeSystem/ai-override-reason', code: 'outside-population', display: "Patient is outside the model's intended population" },
  { system: 'https://ehr-guide.dev/CodeSystem/ai-override-reason', code: 'data-wrong', display: 'The data the score used is wrong or out of date' },
  { system: 'https://ehr-guide.dev/CodeSystem/ai-override-reason', code: 'already-addressed', display: 'Already assessed or addressed' },
];

/** The reasons to offer: the CDS card's own, when it has any, else ehr-guide's list. */
export function overrideReasons(output: AiOutput | undefined, cdsCard: unknown): CdsCoding[] {
  const fromCard = output?.kind === 'cds-card' ? (cdsCard as { overrideReasons?: CdsCoding[] } | undefined)?.overrideReasons : undefined;
  return Array.isArray(fromCard) && fromCard.length ? fromCard.filter((r) => r && typeof r.code === 'string') : DEFAULT_OVERRIDE_REASONS;
}

/**
 * What a clinician's agree / override says, for the event, the learning record and CDS Hooks feedback: ids, codes
 * and labels only — the model, the threshold band, the population fit, the card's uuid — never a score or patient data.
 */
export function feedbackDetail(input: {
  outcome: 'agree' | 'override';
  reason?: CdsCoding;
  output: AiOutput;
  card?: ModelCard;
  cdsCard?: unknown;
  explanation?: ScoreExplanation;
  value?: number;
  population?: 'inside' | 'outside' | 'cannot-tell';
}): EhrAiFeedbackDetail {
  const { outcome, reason, output, card, explanation, value, population } = input;
  const uuid = output.kind === 'cds-card' ? (input.cdsCard as { uuid?: unknown } | undefined)?.uuid : undefined;
  const band = value === undefined ? undefined : (explanation?.band?.label ?? 'below threshold');
  return {
    outcome,
    source: output.kind,
    ...(card ? { modelId: card.id, modelVersion: card.version } : output.modelId ? { modelId: output.modelId } : {}),
    ...(reason ? { reason: { code: reason.code, ...(reason.system ? { system: reason.system } : {}), ...(reason.display ? { display: reason.display } : {}) } } : {}),
    ...(band ? { band } : {}),
    ...(population ? { population } : {}),
    ...(typeof uuid === 'string' ? { cardUuid: uuid } : {}),
  };
}

/**
 * Where a clinician's agree / override goes once the host has not vetoed it: a learning record through the guide
 * (when the output names a model), and CDS Hooks feedback through the page's outbox (for a CDS card with a
 * service URL). Problems are reported, never thrown.
 */
export function deliverFeedback(
  detail: EhrAiFeedbackDetail,
  to: { guide?: GuideApi; modelName?: string; cdsServiceUrl?: string; reason?: CdsCoding; problem: (message: string) => void },
): void {
  const { outcome, band, population, cardUuid } = detail;
  if (to.guide && detail.modelId) {
    try {
      to.guide.recordAiFeedback({ modelId: detail.modelId, modelVersion: detail.modelVersion, modelName: to.modelName, outcome, reason: detail.reason, source: detail.source, band, population }, { language: to.guide.context.locale });
    } catch (error) {
      to.problem(`the learning record was not made: ${(error as Error).message}`);
    }
  }
  if (!to.cdsServiceUrl || detail.source !== 'cds-card') return;
  if (!cardUuid) to.problem('the CDS card has no uuid, so the service cannot receive feedback on it');
  else void sharedCdsFeedbackOutbox().send(to.cdsServiceUrl, cardFeedback(cardUuid, outcome === 'agree' ? { outcome: 'accepted', acceptedSuggestions: [] } : { outcome: 'overridden', reason: to.reason }));
}
