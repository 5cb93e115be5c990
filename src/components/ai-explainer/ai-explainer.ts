import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { GuideController } from '../../controllers/guide-controller.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { wordsOf } from '../../controllers/words.js';
import messages from '../../i18n/compiled/en/explainer.js';
import { headlineWords } from './explainer-words.js';
import { aiOutputFrom, findModelCard, type AiOutput } from '../../core/models/ai-output.js';
import { explainOutput } from '../../core/models/explain-output.js';
import { validateModelCard, type ModelCard } from '../../core/models/model-card.js';
import type { CdsCoding } from '../../core/cds/cds-response.js';
import { FeedbackOutboxController } from '../../controllers/feedback-outbox-controller.js';
import type { ConditionEvaluator } from '../../core/triggers/evaluator.js';
import { PopulationCheckController, type ExplainerPatientData } from './population-check.js';
import type { ProblemCode } from '../../events.js';
import { ensureElement } from '../shared/lazy-elements.js';
import { GuideElement } from '../shared/guide-element.js';
import { panelStyles } from '../shared/panel.styles.js';
import { explainerStyles } from './ai-explainer.styles.js';
import { renderDetails, renderFeedback } from './ai-explainer.render.js';
import { deliverFeedback, feedbackDetail, overrideReasons } from './feedback-detail.js';
import { FeedbackController } from './feedback-controller.js';
import { safeUrl } from '../../core/url-policy.js';

export { DEFAULT_OVERRIDE_REASONS } from './feedback-detail.js';

export type { ExplainerPatientData } from './population-check.js';

let nextId = 0;

/**
 * Explains one AI output at the point of use: what it says in plain words, where it sits against the model's
 * thresholds, what a positive means at this hospital (PPV at local prevalence, in words and as an icon array),
 * whether the patient is inside the model's intended population, the limitations that apply to them, and what to
 * check before acting. One line by default, the rest on demand; novices get it expanded. Clinicians can agree or
 * override with a reason: an event, an xAPI statement and, for CDS cards, CDS Hooks feedback.
 *
 * @summary Explains an AI output (risk score, CDS card) with PPV at local prevalence and a population check.
 * @tag ehr-ai-explainer
 *
 * @fires {CustomEvent<EhrAiRequestOverrideDetail>} ehr-ai-request-override - Cancelable: the clinician chose to override (with its reason); `preventDefault()` cancels the override, so nothing is recorded or sent.
 * @fires {CustomEvent<EhrAiFeedbackDetail>} ehr-ai-feedback - The clinician agreed with or overrode the output.
 * @fires {CustomEvent<EhrProblemDetail>} ehr-problem - The output, card or settings are invalid, or feedback could not be delivered.
 * @fires {CustomEvent<EhrAiToggleDetail>} ehr-ai-explainer-toggle - The details were opened or closed.
 * @fires {CustomEvent<EhrGuideOpenItemDetail>} ehr-guide-open-item - Cancelable: the clinician asked for the related lesson; cancel it to show the lesson yourself, otherwise it opens inline when the packs hold it.
 *
 * @csspart base - The explainer's box.
 * @csspart summary - The one-line summary.
 * @csspart toggle - The "Explain" / "Hide" button.
 * @csspart details - Everything shown on demand.
 * @csspart threshold-scale - The scale with thresholds and the output's marker (SVG).
 * @csspart icon-array - The icon array figure.
 * @csspart population - The intended-population check.
 * @csspart checklist - The verify-before-acting list.
 * @csspart feedback - The agree / override controls.
 *
 * @cssprop --ehr-color-surface - Background.
 * @cssprop --ehr-color-text - Text colour.
 * @cssprop --ehr-color-text-muted - Secondary text.
 * @cssprop --ehr-color-border - Borders.
 * @cssprop --ehr-color-accent - Buttons, links, the output's marker and the filled icons.
 * @cssprop --ehr-color-warning - "Outside the intended population" and "cannot tell".
 * @cssprop --ehr-color-success - "Inside the intended population".
 * @cssprop --ehr-radius - Corner radius.
 * @cssprop --ehr-font-family - Font family.
 * @cssprop --ehr-font-size - Font size.
 * @cssprop --ehr-color-critical - Critical status and errors.
 * @cssprop --ehr-color-info - Informational status.
 * @cssprop --ehr-color-on-accent - Text on the accent colour.
 * @cssprop --ehr-focus-ring - Focus outline (default `2px solid` accent).
 * @cssprop --ehr-shadow - Shadow of floating panels.
 * @cssprop --ehr-motion - `reduce` stops animations and transitions, as `prefers-reduced-motion: reduce` does (an EHR's own setting).
 */
export class EhrAiExplainer extends GuideElement {
  static override styles = [panelStyles, explainerStyles];

  /** A FHIR R4 RiskAssessment or AI-produced Observation. */
  @property({ attribute: false }) resource?: unknown;
  /** A CDS Hooks card carrying the output (its source names the model). */
  @property({ attribute: false }) cdsCard?: unknown;
  /** The CDS service URL (`…/cds-services/{id}`) to send CDS Hooks feedback to, for a `cdsCard`. */
  @property({ attribute: 'cds-service-url' }) cdsServiceUrl?: string;
  /** A score on the model's scale (with `model`), when there is no resource or card. */
  @property({ type: Number }) score?: number;
  /** The model card's id; with `score`, or to override the card a resource names. */
  @property() model?: string;
  /** The model card itself (otherwise looked up by id in the packs of the enclosing `<ehr-guide>`). */
  @property({ attribute: false }) card?: unknown;
  /** The outcome's prevalence at this hospital (0–1); PPV is recomputed with it. Default: `<ehr-guide>`'s `localPrevalence` for the model, else the evaluation's. */
  @property({ attribute: 'local-prevalence', type: Number }) localPrevalence?: number;
  /** Whether the details show. Default: open for novices, closed otherwise. */
  @property({ type: Boolean, reflect: true }) expanded?: boolean;
  /** The clinician's proficiency when there is no `<ehr-guide>` (novice, intermediate, advanced). */
  @property() proficiency?: 'novice' | 'intermediate' | 'advanced';
  /** Where the full Model Facts label is; otherwise it opens inline. */
  @property({ attribute: 'facts-href' }) factsHref?: string;
  /** Patient data for the population check when there is no `<ehr-guide>`. */
  @property({ attribute: false }) patientData?: ExplainerPatientData;
  /** Where `fhirpath.worker.js` is served, for a standalone explainer (see `<ehr-guide worker-url>`). */
  @property({ attribute: 'worker-url' }) workerUrl?: string;
  /** The level of the explanation's section headings (2–6), to fit the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;
  /** The FHIRPath evaluator of a standalone explainer (default: fhirpath in a Web Worker, created on first use). */
  @property({ attribute: false }) evaluator?: ConditionEvaluator;

  readonly #guide = new GuideController(this);
  protected override i18n = new LocaleController<keyof typeof messages>(this, 'explainer', messages, this.#guide);
  readonly #population = new PopulationCheckController(this, {
    guide: () => this.#guide.guide,
    patientData: () => this.patientData,
    evaluator: () => this.evaluator,
    workerUrl: () => this.workerUrl,
  });

  get #engine() {
    return this.#guide.guide;
  }

  constructor() {
    super();
    this.#guide.onResult(() => this.#onEngineResult());
    // Hears the feedback outbox's problems while connected, and sends what an outage left queued.
    new FeedbackOutboxController(this, (message) => this.#problem({ code: 'feedback-failed', message }));
  }

  @state() private output?: AiOutput;
  @state() private modelCard?: ModelCard;
  @state() private error?: string;
  readonly #feedback = new FeedbackController(this, (outcome, reason) => this.#submit(outcome, reason));
  @state() private factsOpen = false;
  @state() private lessonOpen = false;

  readonly #id = `ehr-ai-explainer-${++nextId}`;
  #proficiency?: string;


  protected override willUpdate(changed: PropertyValues): void {
    const guideChanged = this.#guide.takeChange();
    if (guideChanged || ['resource', 'cdsCard', 'score', 'model', 'card'].some((k) => changed.has(k))) this.#read();
    if (guideChanged || ['patientData', 'card', 'resource', 'cdsCard', 'model', 'score', 'evaluator'].some((k) => changed.has(k))) void this.#checkPatient();
    if (changed.has('localPrevalence') && this.localPrevalence !== undefined && !(this.localPrevalence > 0 && this.localPrevalence < 1)) {
      this.#problem({ code: 'prevalence-invalid', message: `local-prevalence must be a proportion between 0 and 1 (0.05 for 5 %), got ${this.localPrevalence}; the evaluation's prevalence is used` });
    }
  }

  #problem(detail: { code: ProblemCode; message: string }): void {
    this.problem(detail.code, detail.message, this.modelCard ? { itemId: this.modelCard.id } : {});
  }

  #read(): void {
    this.error = undefined;
    this.output = undefined;
    this.modelCard = undefined;
    this.#feedback.reset();
    try {
      this.output = aiOutputFrom({ resource: this.resource, cdsCard: this.cdsCard, score: this.score, model: this.model });
    } catch (error) {
      this.error = (error as Error).message;
      this.#problem({ code: 'output-invalid', message: this.error });
      return;
    }
    if (!this.output) return;
    if (this.card !== undefined) {
      const result = validateModelCard(this.card);
      if (result.ok) this.modelCard = result.value;
      else this.#problem({ code: 'card-invalid', message: result.message });
    } else if (this.#engine) {
      const engine = this.#engine;
      const output = this.output;
      this.modelCard = findModelCard(output, engine.modelCards);
      if (this.modelCard || !(output.modelId || output.modelCodings.length || output.sourceUrl)) return;
      // The card may be in packs still loading: look again once they have settled, and only then report.
      void engine.ready.then(() => {
        if (this.#engine !== engine || this.output !== output || this.modelCard) return;
        this.modelCard = findModelCard(output, engine.modelCards);
        if (this.modelCard) void this.#checkPatient();
        else this.#problem({ code: 'card-not-found', message: `no model card in the loaded packs matches ${output.modelId ? `id "${output.modelId}"` : output.modelCodings.map((c) => `${c.system ?? ''}|${c.code ?? ''}`).join(', ') || output.sourceUrl}` });
      });
    }
  }

  #onEngineResult(): void {
    // The inferred proficiency sets the default depth: re-render only when it changed, not on every context change.
    const proficiency = this.#engine?.proficiency;
    if (this.expanded === undefined && proficiency !== this.#proficiency) this.requestUpdate();
    this.#proficiency = proficiency;
    if (!this.modelCard && this.output && this.#engine && this.card === undefined) {
      // A pack added later (addPack) may carry the card.
      this.modelCard = findModelCard(this.output, this.#engine.modelCards);
      if (this.modelCard) void this.#checkPatient();
    }
    if (this.#population.stale) void this.#checkPatient();
  }

  async #checkPatient(): Promise<void> {
    await this.updateComplete;
    await this.#population.check(this.modelCard);
  }

  get #isExpanded(): boolean {
    if (this.expanded !== undefined) return this.expanded;
    return (this.proficiency ?? this.#engine?.proficiency) === 'novice';
  }

  #toggle(): void {
    this.expanded = !this.#isExpanded;
    this.emit('ehr-ai-explainer-toggle', { expanded: this.expanded });
    this.#recordExplained();
  }

  /** Once per output: the clinician read what it means (for the report's "outputs explained"). */
  #explained?: unknown;
  #recordExplained(): void {
    const card = this.modelCard;
    if (!this.expanded || !card || !this.output || this.#explained === this.output) return;
    this.#explained = this.output;
    this.#engine?.recordAiExplained({ modelId: card.id, modelName: card.name, source: this.output.kind });
  }

  /** This site's prevalence: the attribute, else what `<ehr-guide>` was configured with for this model. */
  get #prevalence(): number | undefined {
    const p = this.localPrevalence;
    if (p !== undefined && p > 0 && p < 1) return p;
    return this.modelCard ? this.#engine?.localPrevalence(this.modelCard.id) : undefined;
  }

  /** The explanation of the output against its card (undefined when there is no card or no value on its scale). */
  #explain() {
    return explainOutput(this.output, this.modelCard, this.#prevalence);
  }

  /** Sends the clinician's judgement (events, learning record, CDS Hooks feedback); false when the host vetoed it. */
  #submit(outcome: 'agree' | 'override', reason?: CdsCoding): boolean {
    const card = this.modelCard;
    const output = this.output!;
    const population = this.#population.population && this.#population.population !== 'pending' ? this.#population.population.status : undefined;
    const { explanation, value } = this.#explain();
    const detail = feedbackDetail({ outcome, reason, output, card, cdsCard: this.cdsCard, explanation, value, population });
    if (outcome === 'override' && !this.emit('ehr-ai-request-override', { ...detail, outcome }, { cancelable: true })) return false; // the host vetoed it: nothing recorded or sent
    this.emit('ehr-ai-feedback', detail);
    deliverFeedback(detail, { guide: this.#engine, modelName: card?.name, cdsServiceUrl: this.cdsServiceUrl, reason, problem: (message) => this.#problem({ code: 'feedback-failed', message }) });
    return true;
  }

  get #overrideReasons(): CdsCoding[] {
    return overrideReasons(this.output, this.cdsCard);
  }

  /**
   * The related lesson: `ehr-guide-open-item` first (cancel it to show the lesson your own way); otherwise, when
   * the packs hold the lesson, it opens here.
   */
  #openLesson = (itemId: string) => {
    if (this.lessonOpen) {
      this.lessonOpen = false;
      return;
    }
    if (!this.emit('ehr-guide-open-item', { itemId }, { cancelable: true })) return;
    if (!this.#engine?.item(itemId)) return;
    this.lessonOpen = true;
    void ensureElement('ehr-lesson');
  };

  #openFacts = () => {
    this.factsOpen = !this.factsOpen;
    if (this.factsOpen) void ensureElement('ehr-model-facts');
  };

  override render() {
    const w = wordsOf(this.i18n);
    if (this.error) {
      return html`<section part="base" class="base error" aria-label=${w.t('region')}><p role="note">${w.t('cannotExplain')} <span lang="en">${this.error}</span></p></section>`;
    }
    if (!this.output) return nothing;
    const card = this.modelCard;
    const explained = this.#explain();
    const { explanation, value } = explained;
    const { words, summary } = headlineWords(w, this.output, card, explained);
    const expanded = this.#isExpanded;
    return html`<section part="base" class="base" aria-labelledby="${this.#id}-title">
      <p part="summary" class="summary">
        <strong id="${this.#id}-title">${card ? card.name : w.t('aiOutput')}</strong>: ${words}.
        <span class="line">${summary}</span>
      </p>
      <button part="toggle" class="toggle" aria-expanded=${expanded ? 'true' : 'false'} aria-controls="${this.#id}-details" @click=${this.#toggle}>
        ${w.t(expanded ? 'hide' : 'show')}
      </button>
      <div part="details" id="${this.#id}-details" class="details" ?hidden=${!expanded}>
        ${card
          ? renderDetails({
              w,
              id: this.#id,
              headingLevel: this.headingLevel,
              card,
              explanation,
              value,
              population: this.#population.population,
              subgroups: this.#population.subgroups,
              factsHref: safeUrl(this.factsHref), // a host-set URL passes the URL policy too
              factsOpen: this.factsOpen,
              lessonOpen: this.lessonOpen,
              openFacts: this.#openFacts,
              openLesson: this.#openLesson,
            })
          : nothing}
        ${renderFeedback(this.#feedback.view(w, this.#overrideReasons))}
      </div>
    </section>`;
  }
}
