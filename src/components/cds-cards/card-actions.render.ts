import { html, nothing } from 'lit';
import type { CdsLink, ReadCard } from '../../core/cds/cds-response.js';
import type messages from '../../i18n/compiled/en/cds.js';

/** What a card's actions need: the card, whether its override form is open, and the element's handlers. */
export interface CardActionsView {
  card: ReadCard;
  overriding: boolean;
  hasExplainer: boolean;
  accept: (card: ReadCard, ids: string[]) => void;
  openLink: (card: ReadCard, link: CdsLink, event: Event) => void;
  startOverride: (card: ReadCard) => void;
  cancelOverride: () => void;
  submitOverride: (card: ReadCard, event: SubmitEvent) => void;
  /** The card chrome's words in the clinician's language. */
  t: (key: keyof typeof messages) => string;
}

/** Suggestions (one button each, or checkboxes for `selectionBehavior: any`), links, and the override controls. */
export function renderCardActions(v: CardActionsView) {
  const { card, t } = v;
  const suggestions = card.card.suggestions ?? [];
  const any = card.card.selectionBehavior === 'any' && suggestions.length > 1;
  return html`
    ${suggestions.length
      ? any
        ? html`<form part="suggestions" class="suggestions" @submit=${(e: SubmitEvent) => {
            e.preventDefault();
            v.accept(card, [...(e.currentTarget as HTMLFormElement).querySelectorAll<HTMLInputElement>('input[name="suggestion"]:checked')].map((i) => i.value));
          }}>
            <fieldset>
              <legend>${t('suggestions')}</legend>
              ${suggestions.map((s, i) => html`<label><input type="checkbox" name="suggestion" value=${s.uuid ?? `#${i}`} ?checked=${s.isRecommended === true} /> ${s.label}${s.isRecommended ? ` ${t('recommended')}` : ''}</label>`)}
            </fieldset>
            <button type="submit" class="primary">${t('acceptSelected')}</button>
          </form>`
        : html`<div part="suggestions" class="suggestions" role="group" aria-label=${t('suggestions')}>
            ${suggestions.map((s, i) => html`<button class=${s.isRecommended ? 'primary' : ''} @click=${() => v.accept(card, [s.uuid ?? `#${i}`])}>${s.label}${s.isRecommended ? html`<span class="visually-hidden"> ${t('recommended')}</span>` : nothing}</button>`)}
          </div>`
      : nothing}
    ${card.links.length
      ? html`<ul part="links" class="links">
          ${card.links.map((link) => html`<li><a href=${link.url} target="_blank" rel="noopener noreferrer" @click=${(e: Event) => v.openLink(card, link, e)}>${link.label}</a>${link.type === 'smart' ? html` <span class="muted">${t('app')}</span>` : nothing}</li>`)}
        </ul>`
      : nothing}
    ${v.hasExplainer ? nothing : renderOverride(v)}
  `;
}

function renderOverride(v: CardActionsView) {
  const reasons = v.card.card.overrideReasons ?? [];
  const { t } = v;
  if (!v.overriding) return html`<p part="override" class="override"><button @click=${() => v.startOverride(v.card)}>${t('dismiss')}</button></p>`;
  return html`<form part="override" class="override" @submit=${(e: SubmitEvent) => v.submitOverride(v.card, e)}>
    ${reasons.length
      ? html`<fieldset>
          <legend>${t('whyDismiss')}</legend>
          ${reasons.map((r) => html`<label><input type="radio" name="reason" value="${r.system ?? ''}|${r.code}" /> ${r.display ?? r.code}</label>`)}
          <p class="reason-error" role="alert" hidden>${t('chooseReason')}</p>
        </fieldset>`
      : nothing}
    <button type="submit" class="primary">${t('dismissCard')}</button>
    <button type="button" @click=${v.cancelOverride}>${t('cancel')}</button>
  </form>`;
}
