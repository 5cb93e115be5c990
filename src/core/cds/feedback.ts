import type { HttpTransport } from '../adapters.js';
import type { CdsCoding } from './cds-response.js';

/**
 * CDS Hooks feedback (https://cds-hooks.hl7.org/2.0/#feedback): what the clinician did with a card, POSTed to
 * `{service base}/{service id}/feedback`. Only the card's uuid, the outcome, accepted suggestion ids and the
 * override reason's coding travel — no free text, so nothing a clinician types about a patient leaves the page.
 */
export type CardOutcome = { outcome: 'accepted'; acceptedSuggestions: string[] } | { outcome: 'overridden'; reason?: CdsCoding };

export interface CdsFeedbackBody {
  feedback: Array<{
    card: string;
    outcome: 'accepted' | 'overridden';
    acceptedSuggestions?: Array<{ id: string }>;
    overrideReason?: { reason: { code: string; system?: string; display?: string } };
    outcomeTimestamp: string;
  }>;
}

export function cardFeedback(cardUuid: string, result: CardOutcome, now: Date = new Date()): CdsFeedbackBody {
  if (typeof cardUuid !== 'string' || !cardUuid) throw new TypeError('feedback needs the card\'s uuid: the service gave the card none, so it cannot receive feedback');
  const entry: CdsFeedbackBody['feedback'][number] = { card: cardUuid, outcome: result.outcome, outcomeTimestamp: now.toISOString().replace(/\.\d{3}Z$/, 'Z') };
  if (result.outcome === 'accepted') entry.acceptedSuggestions = result.acceptedSuggestions.map((id) => ({ id }));
  else if (result.reason) entry.overrideReason = { reason: { code: result.reason.code, ...(result.reason.system ? { system: result.reason.system } : {}), ...(result.reason.display ? { display: result.reason.display } : {}) } };
  return { feedback: [entry] };
}

/** The feedback endpoint of a service, from its discovery URL (`…/cds-services/{id}`) or base plus id. */
export function feedbackUrl(serviceUrl: string): string {
  return `${serviceUrl.replace(/\/+$/, '')}/feedback`;
}

/**
 * POSTs feedback and resolves when the service took it. Rejects with an Error naming the status; the caller keeps
 * the feedback to send again (nothing the clinician did is lost to a network error).
 */
export async function postCardFeedback(serviceUrl: string, body: CdsFeedbackBody, transport: HttpTransport, init: { headers?: Record<string, string>; signal?: AbortSignal } = {}): Promise<void> {
  const response = await transport({
    url: feedbackUrl(serviceUrl),
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...init.headers },
    body: JSON.stringify(body),
    signal: init.signal,
  });
  if (response.status < 200 || response.status > 299) throw new Error(`the CDS service's feedback endpoint answered ${response.status}`);
}
