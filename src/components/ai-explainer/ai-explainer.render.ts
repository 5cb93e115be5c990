import { html, nothing } from 'lit';
import type { CdsCoding } from '../../core/cds/cds-response.js';
import type { PopulationCheck, RelevantSubgroup, ScoreExplanation } from '../../core/models/explain.js';
import type { ModelCard } from '../../core/models/model-card.js';
import { renderCalibratedRisk, renderChecklist, renderLimits, renderPopulation, renderPredictiveValue, renderThresholds } from './explanation-sections.js';
import { reasonWords, type Words } from './explainer-words.js';

/** What the explainer's details need: its state and handlers. */
export interface DetailsView {
  w: Words;
  id: string;
  headingLevel: number;
  card: ModelCard;
  explanation?: ScoreExplanation;
  value?: number;
  population?: PopulationCheck | 'pending';
  subgroups: RelevantSubgroup[];
  factsHref?: string;
  factsOpen: boolean;
  lessonOpen: boolean;
  openFacts: () => void;
  openLesson: (itemId: string) => void;
}

/** The explanation's sections, then Model Facts and the lesson (inline when opened). */
export function renderDetails(v: DetailsView) {
  const { card, headingLevel: level, w } = v;
  const nested = Math.min(6, level + 1);
  return html`
    ${card.trainingExample ? html`<p class="badge" role="note">${w.t('trainingExample')}</p>` : nothing}
    ${renderThresholds(w, level, card, v.explanation, v.value)} ${renderCalibratedRisk(w, level, v.explanation, v.value)}
    ${renderPredictiveValue(w, level, v.explanation)}
    ${renderPopulation(w, level, card, v.population)} ${renderLimits(w, level, card, v.subgroups)}
    ${renderChecklist(w, level, card)}
    <p class="links">
      ${v.factsHref
        ? html`<a href=${v.factsHref}>${w.t('factsLink')}</a>`
        : html`<button class="link" aria-expanded=${v.factsOpen ? 'true' : 'false'} aria-controls="${v.id}-facts" @click=${v.openFacts}>${w.t(v.factsOpen ? 'hideFacts' : 'factsLink')}</button>`}
      ${card.lessonId
        ? html`<button class="link" aria-expanded=${v.lessonOpen ? 'true' : 'false'} aria-controls="${v.id}-lesson" @click=${() => v.openLesson(card.lessonId!)}>
            ${w.t(v.lessonOpen ? 'hideLesson' : 'lesson')}
          </button>`
        : nothing}
    </p>
    <div id="${v.id}-facts">${v.factsOpen ? html`<ehr-model-facts .card=${card} heading-level=${nested}></ehr-model-facts>` : nothing}</div>
    <div id="${v.id}-lesson">${v.lessonOpen ? html`<ehr-lesson item=${card.lessonId!} heading-level=${nested}></ehr-lesson>` : nothing}</div>
  `;
}

/** What the feedback controls need. */
export interface FeedbackView {
  w: Words;
  state: 'idle' | 'reasons' | 'sent';
  sentOutcome?: string;
  reasons: CdsCoding[];
  agree: () => void;
  askReason: () => void;
  cancel: () => void;
  submitReason: (event: SubmitEvent) => void;
}

/** Agree / Override…, the override reasons, or what was recorded. */
export function renderFeedback(v: FeedbackView) {
  const { w } = v;
  if (v.state === 'sent') return html`<p part="feedback" class="feedback" role="status">${v.sentOutcome} ${w.t('thanks')}</p>`;
  if (v.state === 'reasons') {
    return html`<form part="feedback" class="feedback" @submit=${v.submitReason}>
      <fieldset>
        <legend>${w.t('whyOverride')}</legend>
        ${v.reasons.map((r) => html`<label><input type="radio" name="reason" value="${r.system ?? ''}|${r.code}" /> ${reasonWords(w, r)}</label>`)}
        <p class="reason-error" role="alert" hidden>${w.t('chooseReason')}</p>
      </fieldset>
      <button type="submit" class="primary">${w.t('sendOverride')}</button>
      <button type="button" @click=${v.cancel}>${w.t('cancel')}</button>
    </form>`;
  }
  return html`<div part="feedback" class="feedback" role="group" aria-label=${w.t('feedbackGroup')}>
    <button @click=${v.agree}>${w.t('agree')}</button>
    <button @click=${v.askReason}>${w.t('override')}</button>
  </div>`;
}

/** The override reason chosen in the form, or undefined (the form then says "Choose a reason" and takes focus). */
export function chosenReason(event: SubmitEvent, reasons: readonly CdsCoding[]): CdsCoding | undefined {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const chosen = (form.elements.namedItem('reason') as RadioNodeList | null)?.value;
  const reason = reasons.find((r) => `${r.system ?? ''}|${r.code}` === chosen);
  if (!reason) {
    form.querySelector<HTMLElement>('.reason-error')!.hidden = false;
    form.querySelector<HTMLInputElement>('input[name="reason"]')?.focus();
  }
  return reason;
}
