import { html, nothing } from 'lit';
import type { AiContentFacts, AiDeviceFacts } from '../../core/ai-content/ai-content.js';
import type { AiContentGuidance } from '../../core/ai-content/guidance.js';
import type { Words } from '../../controllers/words.js';
import messages from '../../i18n/compiled/en/badge.js';
import { safeUrl } from '../../core/url-policy.js';
import { heading } from '../shared/heading.js';
import type { ChaiCardFields } from './chai-card.js';

export type BadgeMessage = keyof typeof messages;
type W = Words<BadgeMessage>;

const DRAFTED = new Set(['DocumentReference', 'Composition', 'Communication', 'CommunicationRequest', 'QuestionnaireResponse']);
const SUGGESTED = new Set(['Condition', 'MedicationRequest', 'ServiceRequest', 'AllergyIntolerance', 'CarePlan', 'Procedure', 'Goal']);

/** "AI-drafted" for notes and letters, "AI-suggested" for orders and problems, else "AI-generated"; a part: "AI-written part". */
export function badgeLabel(w: W, resourceType: string | undefined, element: string | undefined): string {
  if (element) return w.t('labelPart');
  return w.t(DRAFTED.has(resourceType ?? '') ? 'labelDrafted' : SUGGESTED.has(resourceType ?? '') ? 'labelSuggested' : 'labelGenerated');
}

/** The verification status in words. */
export function verificationWords(w: W, facts: AiContentFacts): string {
  if (facts.verification === 'verified') return w.t('verifiedBy', { who: w.list(facts.verifiers) });
  return w.t(facts.verification === 'not-verified' ? 'notVerified' : 'verificationUnknown');
}

/** AIdeviceTypeCS codes in words (`Large-Language-Models` → "large language model"); unknown codes as sent. */
const kindWord = (w: W, code: string) => {
  const key = `kind${code.replace(/-/g, '')}`;
  return key in messages ? w.t(key as BadgeMessage) : code;
};

function producer(w: W, d: AiDeviceFacts) {
  const who = [d.name, d.manufacturer].filter(Boolean).join(', ') || d.reference || '—';
  return html`${who}${d.version ? html` <span class="muted">(${w.t('version', { version: d.version })})</span>` : nothing}`;
}

export interface BadgeDetailsView {
  w: W;
  id: string;
  level: number;
  facts: AiContentFacts;
  guidance: AiContentGuidance[];
  guidanceBody: unknown;
  cardBody: unknown;
  chai?: ChaiCardFields;
  formatDate: (iso: string) => string;
}

/** Who made it, what kind of AI, when, verified by whom; what to check; the model card. */
export function renderBadgeDetails(v: BadgeDetailsView) {
  const { w, facts } = v;
  const kinds = [...new Set(facts.producers.flatMap((p) => p.kinds))].filter((k) => k !== 'Artificial-Intelligence');
  const card = facts.modelCard;
  return html`${heading(v.level, w.t('details'), { id: `${v.id}-title` })}
    ${facts.producers.length
      ? html`<dl>
          <dt>${w.t('madeBy')}</dt><dd>${facts.producers.map((p, i) => html`${i ? '; ' : ''}${producer(w, p)}`)}</dd>
          ${kinds.length ? html`<dt>${w.t('kind')}</dt><dd>${w.list(kinds.map((k) => kindWord(w, k)))}</dd>` : nothing}
          ${facts.when ? html`<dt>${w.t('when')}</dt><dd>${v.formatDate(facts.when)}</dd>` : nothing}
          <dt>${w.t('verified')}</dt><dd>${verificationWords(w, facts)}</dd>
        </dl>`
      : html`<p class="warning" role="note">${w.t(facts.provenances.length ? 'unknownProducer' : 'labelOnly')}</p>
          ${facts.when ? html`<p>${w.t('when')}: ${v.formatDate(facts.when)}</p>` : nothing}`}
    ${v.guidance.length
      ? html`${heading(Math.min(6, v.level + 1), w.t('check'))}
          <p><strong>${v.guidance[0].title}</strong></p>
          <div part="guidance" class="md">${v.guidanceBody}</div>
          ${v.guidance.slice(1).map((g) => html`<p class="muted">${g.title}</p>`)}`
      : nothing}
    ${card
      ? html`${heading(Math.min(6, v.level + 1), w.t('modelCard'))}
          ${v.chai
            ? html`<dl part="model-card">
                ${v.chai.name ? html`<dt>${w.t('cardSummary')}</dt><dd>${v.chai.name}${v.chai.summary ? html`. ${v.chai.summary}` : nothing}</dd>` : nothing}
                ${v.chai.developer ? html`<dt>${w.t('cardDeveloper')}</dt><dd>${v.chai.developer}</dd>` : nothing}
                ${v.chai.release ? html`<dt>${w.t('cardRelease')}</dt><dd>${v.chai.release}</dd>` : nothing}
                ${v.chai.intendedUse ? html`<dt>${w.t('cardIntendedUse')}</dt><dd>${v.chai.intendedUse}</dd>` : nothing}
                ${v.chai.users ? html`<dt>${w.t('cardUsers')}</dt><dd>${v.chai.users}</dd>` : nothing}
                ${v.chai.risks ? html`<dt>${w.t('cardRisks')}</dt><dd>${v.chai.risks}</dd>` : nothing}
              </dl>`
            : card.format === 'markdown' && card.text
              ? html`<div part="model-card" class="md">${v.cardBody}</div>`
              : nothing}
          ${card.url && safeUrl(card.url) ? html`<p><a href=${safeUrl(card.url)!} target="_blank" rel="noopener noreferrer">${w.t('modelCardLink')}</a></p>` : nothing}`
      : nothing}`;
}

export const REJECT_REASONS = ['inaccurate', 'other-patient', 'incomplete', 'not-needed'] as const;
const REASON_WORDS = { inaccurate: 'reasonInaccurate', 'other-patient': 'reasonOtherPatient', incomplete: 'reasonIncomplete', 'not-needed': 'reasonNotNeeded' } as const;
export const reasonWord = (w: W, code: (typeof REJECT_REASONS)[number]) => w.t(REASON_WORDS[code]);

export interface BadgeFeedbackView {
  w: W;
  state: 'idle' | 'reasons' | 'sent';
  sent?: { outcome: 'accept' | 'edit' | 'reject'; reason?: (typeof REJECT_REASONS)[number] };
  choose: (outcome: 'accept' | 'edit' | 'reject') => void;
  cancel: () => void;
  submit: (event: SubmitEvent) => void;
}

/** Accept / I edited it / Reject… with a reason, or what was recorded. */
export function renderBadgeFeedback(v: BadgeFeedbackView) {
  const { w } = v;
  if (v.state === 'sent' && v.sent) {
    const said = v.sent.outcome === 'accept' ? w.t('accepted') : v.sent.outcome === 'edit' ? w.t('edited') : v.sent.reason ? w.t('rejectedReason', { reason: reasonWord(w, v.sent.reason) }) : w.t('rejected');
    return html`<p part="feedback" role="status">${said} ${w.t('thanks')}</p>`;
  }
  if (v.state === 'reasons') {
    return html`<form part="feedback" @submit=${v.submit}>
      <fieldset>
        <legend>${w.t('whyReject')}</legend>
        ${REJECT_REASONS.map((r) => html`<label><input type="radio" name="reason" value=${r} /> ${reasonWord(w, r)}</label>`)}
        <p class="reason-error" role="alert" hidden>${w.t('chooseReason')}</p>
      </fieldset>
      <button type="submit" class="primary">${w.t('send')}</button>
      <button type="button" @click=${v.cancel}>${w.t('cancel')}</button>
    </form>`;
  }
  return html`<div part="feedback" class="feedback" role="group" aria-label=${w.t('feedbackGroup')}>
    <button @click=${() => v.choose('accept')}>${w.t('accept')}</button>
    <button @click=${() => v.choose('edit')}>${w.t('edit')}</button>
    <button @click=${() => v.choose('reject')}>${w.t('reject')}</button>
  </div>`;
}
