import { html, nothing } from 'lit';
import type { CdsCoding } from '../../core/cds/cds-response.js';
import type { PopulationCheck, RelevantSubgroup, ScoreExplanation } from '../../core/models/explain.js';
import type { ModelCard } from '../../core/models/model-card.js';
import { renderCalibratedRisk, renderChecklist, renderLimits, renderPopulation, renderPredictiveValue, renderThresholds } from './explanation-sections.js';

/** What the explainer's details need: its state and handlers. */
export interface DetailsView {
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
  const { card, headingLevel: level } = v;
  const nested = Math.min(6, level + 1);
  return html`
    ${card.trainingExample ? html`<p class="badge" role="note">Training example built from published figures — not a vendor's model card.</p>` : nothing}
    ${renderThresholds(level, card, v.explanation, v.value)} ${renderCalibratedRisk(level, v.explanation, v.value)}
    ${renderPredictiveValue(level, v.explanation)}
    ${renderPopulation(level, card, v.population)} ${renderLimits(level, card, v.subgroups)}
    ${renderChecklist(level, card)}
    <p class="links">
      ${v.factsHref
        ? html`<a href=${v.factsHref}>Model facts</a>`
        : html`<button class="link" aria-expanded=${v.factsOpen ? 'true' : 'false'} aria-controls="${v.id}-facts" @click=${v.openFacts}>${v.factsOpen ? 'Hide model facts' : 'Model facts'}</button>`}
      ${card.lessonId
        ? html`<button class="link" aria-expanded=${v.lessonOpen ? 'true' : 'false'} aria-controls="${v.id}-lesson" @click=${() => v.openLesson(card.lessonId!)}>
            ${v.lessonOpen ? 'Hide the lesson' : 'Lesson: reading this output'}
          </button>`
        : nothing}
    </p>
    <div id="${v.id}-facts">${v.factsOpen ? html`<ehr-model-facts .card=${card} heading-level=${nested}></ehr-model-facts>` : nothing}</div>
    <div id="${v.id}-lesson">${v.lessonOpen ? html`<ehr-lesson item=${card.lessonId!} heading-level=${nested}></ehr-lesson>` : nothing}</div>
  `;
}

/** What the feedback controls need. */
export interface FeedbackView {
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
  if (v.state === 'sent') return html`<p part="feedback" class="feedback" role="status">${v.sentOutcome} Thank you — recorded.</p>`;
  if (v.state === 'reasons') {
    return html`<form part="feedback" class="feedback" @submit=${v.submitReason}>
      <fieldset>
        <legend>Why are you overriding this output?</legend>
        ${v.reasons.map((r) => html`<label><input type="radio" name="reason" value="${r.system ?? ''}|${r.code}" /> ${r.display ?? r.code}</label>`)}
        <p class="reason-error" role="alert" hidden>Choose a reason.</p>
      </fieldset>
      <button type="submit" class="primary">Send override</button>
      <button type="button" @click=${v.cancel}>Cancel</button>
    </form>`;
  }
  return html`<div part="feedback" class="feedback" role="group" aria-label="Your judgement of this output">
    <button @click=${v.agree}>Agree</button>
    <button @click=${v.askReason}>Override…</button>
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
