import { html, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { GuideController } from '../../controllers/guide-controller.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { wordsOf } from '../../controllers/words.js';
import messages from '../../i18n/compiled/en/facts.js';
import { ItemController } from '../../controllers/item-controller.js';
import { HTI1_ATTRIBUTES, missingHti1Attributes, outputScale, validateModelCard, type ModelCard } from '../../core/models/model-card.js';
import { safeUrl } from '../../core/url-policy.js';
import { GuideElement } from '../shared/guide-element.js';
import { panelStyles } from '../shared/panel.styles.js';
import { heading } from '../shared/heading.js';
import { renderCalibration, renderSubgroups } from './charts.js';
import { modelFactsStyles } from './model-facts.styles.js';

/** A source link's text: its host, or the URL itself when it has none (mailto:, relative). */
function linkText(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

type FactsMessage = keyof typeof messages;
const ROLE_WORDS = { informs: 'roleInforms', augments: 'roleAugments', replaces: 'roleReplaces' } as const;
const TYPE_WORDS: Record<string, FactsMessage> = { prediction: 'typePrediction', classification: 'typeClassification', recommendation: 'typeRecommendation', evaluation: 'typeEvaluation', analysis: 'typeAnalysis', other: 'typeOther' };
/** The HTI-1 groups' and attributes' message keys (two attribute keys differ from section keys of the label). */
const GROUP_WORDS: Record<keyof typeof HTI1_ATTRIBUTES, FactsMessage> = {
  'Details and output': 'groupDetailsAndOutput',
  Purpose: 'groupPurpose',
  'Cautioned out-of-scope use': 'groupOutOfScope',
  'Development details and input features': 'groupDevelopment',
  'Fairness in development': 'groupFairness',
  'External validation process': 'groupExternalValidation',
  'Quantitative measures of performance': 'groupQuantitative',
  'Ongoing maintenance': 'groupMaintenance',
  'Update and continued validation or fairness assessment schedule': 'groupUpdates',
};
const attributeKey = (name: string) => (name === 'intendedUse' || name === 'intendedUsers' ? `${name}Attr` : name) as FactsMessage;

/**
 * A model card as a Model Facts label (Sendak et al., npj Digital Medicine 2020: summary, mechanism, validation and
 * performance, uses and directions, warnings, other information), followed by the 31 ONC HTI-1 source attributes
 * in the rule's groups. Attributes the card leaves out are flagged where they would be. Calibration and subgroup
 * figures are drawn as SVG with the same numbers in tables. Printable on its own (`print()`), and its print
 * styles drop controls.
 *
 * @summary A model card as a Model Facts label with HTI-1 source attributes, charts and missing attributes flagged.
 * @tag ehr-model-facts
 *
 * @fires {CustomEvent<EhrProblemDetail>} ehr-problem - The card is invalid or not found.
 *
 * @csspart base - The label.
 * @csspart section - Each Model Facts section.
 * @csspart hti1 - The HTI-1 source attributes.
 * @csspart missing - A required attribute the card leaves out.
 * @csspart calibration-chart - The calibration plot.
 * @csspart subgroup-chart - The subgroup performance chart.
 * @csspart print-button - The "Print" button.
 *
 * @cssprop --ehr-color-surface - Background.
 * @cssprop --ehr-color-text - Text colour.
 * @cssprop --ehr-color-border - Rules and borders.
 * @cssprop --ehr-color-accent - Chart marks, links and buttons.
 * @cssprop --ehr-color-warning - Missing-attribute flags.
 * @cssprop --ehr-font-family - Font family.
 * @cssprop --ehr-color-critical - Critical status and errors.
 * @cssprop --ehr-color-info - Informational status.
 * @cssprop --ehr-color-on-accent - Text on the accent colour.
 * @cssprop --ehr-color-success - Success status (correct answers, met criteria).
 * @cssprop --ehr-color-text-muted - Secondary text.
 * @cssprop --ehr-focus-ring - Focus outline (default `2px solid` accent).
 * @cssprop --ehr-font-size - Base font size (default 0.875rem).
 * @cssprop --ehr-radius - Corner radius (default 6px).
 * @cssprop --ehr-shadow - Shadow of floating panels.
 * @cssprop --ehr-motion - `reduce` stops animations and transitions, as `prefers-reduced-motion: reduce` does (an EHR's own setting).
 */
export class EhrModelFacts extends GuideElement {
  static override styles = [panelStyles, modelFactsStyles];

  /** The model card (otherwise `model` is looked up in the packs of the enclosing `<ehr-guide>`). */
  @property({ attribute: false }) card?: unknown;
  /** The model card's id. */
  @property() model?: string;
  /** The level of the label's own heading (2–6); sections use the next level. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  readonly #guide = new GuideController(this);
  protected override i18n = new LocaleController<FactsMessage>(this, 'facts', messages, this.#guide);
  readonly #card = new ItemController<ModelCard>(this, this.#guide, {
    lookup: (guide, id) => {
      const card = guide.modelCard(id);
      return card ? { value: card } : { problem: 'item-not-found', message: `No model card "${id}" is in the loaded packs.` };
    },
    onChange: () => this.card === undefined && this.#settle(),
    onMissing: (_code, message) => {
      if (this.card !== undefined) return;
      this.error = message;
      this.problem('card-not-found', message, { itemId: this.model });
    },
  });

  @state() private resolved?: ModelCard;
  @state() private error?: string;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('model')) this.#card.id = this.model;
    if (changed.has('card') || changed.has('model')) this.#settle();
  }

  #settle(): void {
    this.error = undefined;
    this.resolved = undefined;
    if (this.card !== undefined) {
      const result = validateModelCard(this.card);
      if (result.ok) this.resolved = result.value;
      else {
        this.error = `T${result.message.slice(1)}`; // "The model card is invalid at card.…"
        this.problem('card-invalid', this.error);
      }
    } else this.resolved = this.#card.value;
    if (!this.resolved && this.#card.status === 'missing' && this.card === undefined) this.error = `No model card "${this.model}" is in the loaded packs.`;
  }

  #heading(offset: number, text: string, id?: string) {
    return heading(Math.round(this.headingLevel) + offset, text, { id });
  }

  /**
   * Opens the label alone in a new window (DOM copies only: no markup strings, so it works under Trusted Types) and
   * returns that window's document; `null` when the browser blocked the window.
   */
  printView(): Document | null {
    const base = this.renderRoot.querySelector('.base');
    const win = window.open('', '_blank', 'popup,width=800,height=900');
    if (!base || !win) return null;
    const doc = win.document;
    doc.title = this.resolved ? this.i18n.t('title', { name: this.resolved.name }) : this.i18n.t('titleAlone');
    const style = doc.createElement('style');
    style.textContent = [...EhrModelFacts.styles].map((s) => unsafeCSS(s).cssText).join('\n').replace(/:host/g, 'body');
    doc.head.append(style);
    doc.body.append(doc.importNode(base, true));
    return doc;
  }

  /** Prints the label alone (falls back to printing the page when pop-ups are blocked). */
  print(): void {
    const doc = this.printView();
    if (doc?.defaultView) doc.defaultView.print();
    else window.print();
  }

  override render() {
    if (this.error) return html`<p class="base error" role="note">${this.i18n.t('unavailable')} <span lang="en">${this.error}</span></p>`;
    const card = this.resolved;
    if (!card) return nothing;
    const missing = new Set(missingHti1Attributes(card));
    const perf = card.performance;
    const w = wordsOf(this.i18n);
    const t = w.t;
    const pct = (p: number) => w.percent(p, 1);
    return html`<article part="base" class="base" aria-labelledby="title">
      <header>
        ${this.#heading(0, t('title', { name: card.name }), 'title')}
        <p class="muted">${t('meta', { version: card.version, date: w.date(card.releaseDate), developer: card.developer.name, contact: card.developer.contact })}</p>
        ${card.trainingExample ? html`<p class="badge" role="note">${t('trainingExample')}</p>` : nothing}
        ${missing.size ? html`<p part="missing" class="missing" role="note">⚠ ${t('missingCount', { missing: w.number(missing.size) })}</p>` : nothing}
        <button part="print-button" @click=${() => this.print()}>${t('print')}</button>
      </header>

      <section part="section">
        ${this.#heading(1, t('summary'))}
        <p>${card.summary}</p>
        <dl>
          <dt>${t('output')}</dt><dd>${card.output.description}${card.output.range ? ` (${w.number(card.output.range.min)}–${w.number(card.output.range.max)}${card.output.units ? ` ${card.output.units}` : ''})` : ''} — ${TYPE_WORDS[card.output.type] ? t(TYPE_WORDS[card.output.type]) : card.output.type}</dd>
          <dt>${t('intendedUse')}</dt><dd>${card.intendedUse}</dd>
          <dt>${t('role')}</dt><dd>${t(ROLE_WORDS[card.decisionRole])}</dd>
        </dl>
      </section>

      <section part="section">
        ${this.#heading(1, t('mechanism'))}
        <p>${card.mechanism ?? t('notStated')}</p>
        <p>${card.inputs.length ? t('inputs', { inputs: w.list(card.inputs) }) : t('inputsNone')}</p>
      </section>

      <section part="section">
        ${this.#heading(1, t('validation'))}
        <ul>
          ${card.validation.map((val) => html`<li>${t(val.external ? 'validationExternal' : 'validationInternal', { by: val.validatedBy, sites: val.sites, period: val.period, population: val.population })}</li>`)}
        </ul>
        <p>
          ${perf.auroc !== undefined
            ? perf.aurocInterval
              ? t('aurocInterval', { value: w.fixed(perf.auroc, 2), low: w.fixed(perf.aurocInterval.low, 2), high: w.fixed(perf.aurocInterval.high, 2) })
              : t('auroc', { value: w.fixed(perf.auroc, 2) })
            : nothing}
          ${t('prevalence', { value: pct(perf.evaluationPrevalence) })}
        </p>
        <table>
          <caption>${t('performanceCaption')}</caption>
          <thead><tr><th scope="col">${t('threshold')}</th><th scope="col">${t('sensitivity')}</th><th scope="col">${t('specificity')}</th><th scope="col">${t('ppv')}</th><th scope="col">${t('npv')}</th></tr></thead>
          <tbody>
            ${perf.atThresholds.map((a) => html`<tr><td>${w.number(a.threshold, 3)}</td><td>${pct(a.sensitivity)}</td><td>${pct(a.specificity)}</td><td>${a.ppv !== undefined ? pct(a.ppv) : '—'}</td><td>${a.npv !== undefined ? pct(a.npv) : '—'}</td></tr>`)}
          </tbody>
        </table>
        ${this.#heading(2, t('calibration'))} ${renderCalibration(w, card, t(outputScale(card) === 'probability' ? 'calibrationCaptionProbability' : 'calibrationCaptionScore'))}
        ${this.#heading(2, t('subgroups'))} ${renderSubgroups(w, card, t('subgroupCaption'))}
      </section>

      <section part="section">
        ${this.#heading(1, t('uses'))}
        <p>${t('intendedUsers', { users: card.intendedUsers.join('; ') })}</p>
        <ul>${card.thresholds.map((th) => html`<li>${th.label} (${w.number(th.value, 3)}): ${th.action}</li>`)}</ul>
        ${card.verifyBeforeActing.length ? html`<p>${t('beforeActing')}</p><ul>${card.verifyBeforeActing.map((i) => html`<li>${i}</li>`)}</ul>` : nothing}
      </section>

      <section part="section" class="warnings">
        ${this.#heading(1, t('warnings'))}
        <ul>
          ${card.outOfScope.map((o) => html`<li>${t('outOfScope', { use: o })}</li>`)} ${card.limitations.map((l) => html`<li>${l}</li>`)}
          ${card.knownBiases.map((b) => html`<li>${b}</li>`)}
        </ul>
        <p>${card.population.criteria.length ? t('population', { criteria: card.population.criteria.map((c) => c.description).join('; ') }) : t('populationNone')}</p>
      </section>

      <section part="section">
        ${this.#heading(1, t('other'))}
        <dl>
          <dt>${t('monitoringValidity')}</dt><dd>${card.monitoring.validity}</dd>
          <dt>${t('monitoringFairness')}</dt><dd>${card.monitoring.fairness}</dd>
          <dt>${t('updates')}</dt><dd>${card.monitoring.updates}</dd>
        </dl>
        <p>${t('sources')}</p>
        <ul>${card.sources.map((s) => html`<li>${s.citation}${s.url && safeUrl(s.url) ? html` — <a href=${safeUrl(s.url)!} rel="noopener noreferrer" target="_blank">${linkText(s.url)}</a>` : nothing}</li>`)}</ul>
      </section>

      <section part="hti1" class="hti1">
        ${this.#heading(1, t('hti1'))}
        ${Object.entries(HTI1_ATTRIBUTES).map(
          ([group, names]) => html`${this.#heading(2, t(GROUP_WORDS[group as keyof typeof HTI1_ATTRIBUTES]))}
            <dl>
              ${names.map((name) => {
                const value = card.hti1[name];
                return html`<dt>${t(attributeKey(name))}</dt>
                  ${value === undefined
                    ? html`<dd part="missing" class="missing"><span aria-hidden="true">⚠ </span>${t('missing')}</dd>`
                    : html`<dd class=${value === 'not available' ? 'muted' : ''}>${value === 'not available' ? t('notAvailable') : value}</dd>`}`;
              })}
            </dl>`,
        )}
      </section>
    </article>`;
  }
}
