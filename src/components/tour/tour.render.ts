import { html, nothing, type TemplateResult } from 'lit';
import type { TourStep } from '../../core/packs/step-schema.js';
import { hintKey } from '../../core/tours/step-action.js';
import { heading } from '../shared/heading.js';

/** What the step panel shows, handed over by the element. */
export interface StepView {
  id: string;
  step: TourStep;
  headingLevel: number;
  body: unknown;
  progress: string;
  isFirst: boolean;
  isLast: boolean;
  /** The step waits for the clinician's action (no Next; Skip instead), unless its condition cannot be evaluated. */
  interactive: boolean;
  hint: boolean;
  fix?: string;
  checking: boolean;
  t: (key: string, values?: Record<string, unknown>) => string;
  onKeydown: (event: KeyboardEvent) => void;
  onClose: () => void;
  onBack: () => void;
  onNext: () => void;
  onSkip: () => void;
}

/** The step's popup: title, text, the hint and the fix of an interactive step, progress and buttons. */
export function renderStep(v: StepView): TemplateResult {
  const action = v.step.action;
  const hint = action && v.interactive && v.hint ? (action.hint ?? v.t(hintKey(action))) : undefined;
  return html`<div part="panel" class="panel" popover="manual" role="dialog" aria-modal="false" aria-labelledby="${v.id}-title" aria-describedby="${v.id}-body" @keydown=${v.onKeydown}>
    <div class="arrow" part="arrow" aria-hidden="true"></div>
    <div class="header" part="header">
      ${heading(v.headingLevel, v.step.title, { id: `${v.id}-title`, part: 'heading' })}
      <button part="close-button" class="close" aria-label=${v.t('close')} @click=${v.onClose}>×</button>
    </div>
    <div part="body" class="body md" id="${v.id}-body">${v.body}</div>
    <div role="status" aria-live="polite">
      ${v.interactive && !hint && !v.fix ? html`<p part="waiting" class="waiting muted">${v.t('waiting')}</p>` : nothing}
      ${hint ? html`<p part="hint" class="hint">${hint}</p>` : nothing}
      ${v.checking ? html`<p part="waiting" class="waiting muted">${v.t('checking')}</p>` : nothing}
      ${v.fix && !v.checking ? html`<p part="fix" class="fix">${v.t('fixNeeded', { fix: v.fix })}</p>` : nothing}
    </div>
    <div class="footer" part="footer">
      <span part="progress" class="muted">${v.progress}</span>
      <span class="actions" part="actions">
        ${v.isFirst ? nothing : html`<button part="back-button" @click=${v.onBack}>${v.t('back')}</button>`}
        ${v.interactive
          ? html`<button part="skip-button" class="secondary" @click=${v.onSkip}>${v.t('skipStep')}</button>`
          : html`<button part="next-button" class="primary" @click=${v.onNext}>${v.t(v.isLast ? 'done' : 'next')}</button>`}
      </span>
    </div>
  </div>`;
}

/** A paused tour: where it goes on, and a way to end it. */
export function renderPaused(id: string, screen: string, t: StepView['t'], onClose: () => void): TemplateResult {
  return html`<div part="paused" class="panel corner" popover="manual" role="region" aria-labelledby="${id}-paused">
    <p id="${id}-paused">${t('paused', { screen })}</p>
    <button part="close-button" @click=${onClose}>${t('close')}</button>
  </div>`;
}

/** The engine offers the tour: start it, not now, or never again. */
export function renderOffer(id: string, title: string, count: number, t: StepView['t'], on: { start: () => void; later: () => void; never: () => void }): TemplateResult {
  return html`<div part="offer" class="panel corner" popover="manual" role="region" aria-labelledby="${id}-offer">
    <strong id="${id}-offer" part="offer-title">${t('offerTitle', { title })}</strong>
    <p>${t('offerBody', { count })}</p>
    <span class="actions" part="actions">
      <button part="offer-start" class="primary" @click=${on.start}>${t('offerStart')}</button>
      <button part="offer-later" @click=${on.later}>${t('offerLater')}</button>
      <button part="offer-never" @click=${on.never}>${t('offerNever')}</button>
    </span>
  </div>`;
}
