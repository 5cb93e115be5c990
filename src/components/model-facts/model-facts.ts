import { html, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { GuideController } from '../../controllers/guide-controller.js';
import { ItemController } from '../../controllers/item-controller.js';
import { HTI1_ATTRIBUTES, HTI1_LABELS, missingHti1Attributes, outputScale, validateModelCard, type ModelCard } from '../../core/models/model-card.js';
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

const pct = (p: number) => `${Math.round(p * 1000) / 10} %`;
const ROLE_WORDS = { informs: 'Informs clinical management', augments: 'Augments clinical management', replaces: 'Replaces clinical management' } as const;

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
    doc.title = this.resolved ? `Model facts: ${this.resolved.name}` : 'Model facts';
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
    if (this.error) return html`<p class="base error" role="note">${this.error}</p>`;
    const card = this.resolved;
    if (!card) return nothing;
    const missing = new Set(missingHti1Attributes(card));
    const perf = card.performance;
    return html`<article part="base" class="base" aria-labelledby="title">
      <header>
        ${this.#heading(0, `Model facts: ${card.name}`, 'title')}
        <p class="muted">Version ${card.version} · released ${card.releaseDate} · ${card.developer.name} (${card.developer.contact})</p>
        ${card.trainingExample ? html`<p class="badge" role="note">Training example built from published figures — not a vendor's model card.</p>` : nothing}
        ${missing.size ? html`<p part="missing" class="missing" role="note">⚠ ${missing.size} of 31 HTI-1 source attributes are missing from this card (marked below).</p>` : nothing}
        <button part="print-button" @click=${() => this.print()}>Print</button>
      </header>

      <section part="section">
        ${this.#heading(1, 'Summary')}
        <p>${card.summary}</p>
        <dl>
          <dt>Output</dt><dd>${card.output.description}${card.output.range ? ` (${card.output.range.min}–${card.output.range.max}${card.output.units ? ` ${card.output.units}` : ''})` : ''} — ${card.output.type}</dd>
          <dt>Intended use</dt><dd>${card.intendedUse}</dd>
          <dt>Decision-making role</dt><dd>${ROLE_WORDS[card.decisionRole]}</dd>
        </dl>
      </section>

      <section part="section">
        ${this.#heading(1, 'Mechanism')}
        <p>${card.mechanism ?? 'Not stated.'}</p>
        <p>Inputs: ${card.inputs.join(', ') || 'not stated'}.</p>
      </section>

      <section part="section">
        ${this.#heading(1, 'Validation and performance')}
        <ul>
          ${card.validation.map((val) => html`<li>${val.external ? 'External' : 'Internal'} validation by ${val.validatedBy}: ${val.sites}, ${val.period}. ${val.population}</li>`)}
        </ul>
        <p>
          ${perf.auroc !== undefined ? html`AUROC ${perf.auroc.toFixed(2)}${perf.aurocInterval ? ` (95 % CI ${perf.aurocInterval.low.toFixed(2)}–${perf.aurocInterval.high.toFixed(2)})` : ''}. ` : nothing}
          Outcome prevalence in the evaluation: ${pct(perf.evaluationPrevalence)}.
        </p>
        <table>
          <caption>Performance at each threshold (at the evaluation's prevalence)</caption>
          <thead><tr><th scope="col">Threshold</th><th scope="col">Sensitivity</th><th scope="col">Specificity</th><th scope="col">PPV</th><th scope="col">NPV</th></tr></thead>
          <tbody>
            ${perf.atThresholds.map((t) => html`<tr><td>${t.threshold}</td><td>${pct(t.sensitivity)}</td><td>${pct(t.specificity)}</td><td>${t.ppv !== undefined ? pct(t.ppv) : '—'}</td><td>${t.npv !== undefined ? pct(t.npv) : '—'}</td></tr>`)}
          </tbody>
        </table>
        ${this.#heading(2, 'Calibration')} ${renderCalibration(card, `Observed outcome rate by ${outputScale(card) === 'probability' ? 'predicted probability' : 'score'}`)}
        ${this.#heading(2, 'Subgroups')} ${renderSubgroups(card, 'Performance by subgroup')}
      </section>

      <section part="section">
        ${this.#heading(1, 'Uses and directions')}
        <p>Intended users: ${card.intendedUsers.join('; ')}.</p>
        <ul>${card.thresholds.map((t) => html`<li>${t.label} (${t.value}): ${t.action}</li>`)}</ul>
        ${card.verifyBeforeActing.length ? html`<p>Before acting:</p><ul>${card.verifyBeforeActing.map((i) => html`<li>${i}</li>`)}</ul>` : nothing}
      </section>

      <section part="section" class="warnings">
        ${this.#heading(1, 'Warnings')}
        <ul>
          ${card.outOfScope.map((o) => html`<li>Out of scope: ${o}</li>`)} ${card.limitations.map((l) => html`<li>${l}</li>`)}
          ${card.knownBiases.map((b) => html`<li>${b}</li>`)}
        </ul>
        <p>Intended population: ${card.population.criteria.map((c) => c.description).join('; ') || 'not stated'}.</p>
      </section>

      <section part="section">
        ${this.#heading(1, 'Other information')}
        <dl>
          <dt>Monitoring of validity</dt><dd>${card.monitoring.validity}</dd>
          <dt>Monitoring of fairness</dt><dd>${card.monitoring.fairness}</dd>
          <dt>Updates</dt><dd>${card.monitoring.updates}</dd>
        </dl>
        <p>Sources:</p>
        <ul>${card.sources.map((s) => html`<li>${s.citation}${s.url && safeUrl(s.url) ? html` — <a href=${safeUrl(s.url)!} rel="noopener noreferrer" target="_blank">${linkText(s.url)}</a>` : nothing}</li>`)}</ul>
      </section>

      <section part="hti1" class="hti1">
        ${this.#heading(1, 'ONC HTI-1 source attributes')}
        ${Object.entries(HTI1_ATTRIBUTES).map(
          ([group, names]) => html`${this.#heading(2, group)}
            <dl>
              ${names.map((name) => {
                const value = card.hti1[name];
                return html`<dt>${HTI1_LABELS[name]}</dt>
                  ${value === undefined
                    ? html`<dd part="missing" class="missing"><span aria-hidden="true">⚠ </span>Missing: the card does not state this (write "not available" where that is the answer).</dd>`
                    : html`<dd class=${value === 'not available' ? 'muted' : ''}>${value}</dd>`}`;
              })}
            </dl>`,
        )}
      </section>
    </article>`;
  }
}
