import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { GuideController } from '../../controllers/guide-controller.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { wordsOf } from '../../controllers/words.js';
import { aiContentFacts, type AiContentFacts } from '../../core/ai-content/ai-content.js';
import type { AiContentGuidance } from '../../core/ai-content/guidance.js';
import type { FhirResource } from '../../core/context/fhir-types.js';
import messages from '../../i18n/compiled/en/badge.js';
import { GuideElement } from '../shared/guide-element.js';
import { MarkdownBodyController } from '../shared/markdown-body-controller.js';
import { panelStyles } from '../shared/panel.styles.js';
import { aiBadgeStyles } from './ai-badge.styles.js';
import { badgeLabel, reasonWord, renderBadgeDetails, renderBadgeFeedback, verificationWords, REJECT_REASONS, type BadgeMessage } from './ai-badge.render.js';
import { readChaiCard, type ChaiCardFields } from './chai-card.js';

let nextId = 0;
/** The resource types a badge reads from `<ehr-guide>`'s context to explain AI content. */
const RELATED_TYPES = ['Provenance', 'Device', 'DocumentReference'];
const REASON_SYSTEM = 'https://ehr-guide.dev/CodeSystem/ai-content-reject-reason';

/**
 * Marks AI-produced content in the EHR's page — an AI-drafted note, an AI-suggested problem or order, an AI
 * Observation — as HL7 AI Transparency on FHIR (STU1 ballot) records it: the `AIAST` label on the resource or
 * inline on an element (§Labeling), and Provenance naming an AI Device (§Provenance). Opened, it says what kind
 * of AI produced it, when, whether a clinician verified it, what the packs say to check for this kind of content,
 * and shows the model card (Markdown, or CHAI model-card XML) the Device or Provenance names. The clinician's
 * accept / edit / reject (with a reason) goes the way score feedback goes: the event, and a learning record.
 * Without any AI label or Provenance for the content it renders nothing.
 *
 * @summary Marks AI-generated content (AI Transparency on FHIR) and says who made it, whether it was verified and what to check.
 * @tag ehr-ai-badge
 *
 * @fires {CustomEvent<EhrAiFeedbackDetail>} ehr-ai-feedback - The clinician accepted, edited or rejected the content (`source: 'ai-content'`).
 * @fires {CustomEvent<EhrAiToggleDetail>} ehr-ai-badge-toggle - The details were opened or closed.
 * @fires {CustomEvent<EhrProblemDetail>} ehr-problem - A Provenance names an AI system or model card the chart does not hold.
 *
 * @csspart badge - The badge button.
 * @csspart details - The details: producer, verification, what to check, the model card.
 * @csspart guidance - The pack's review guidance.
 * @csspart model-card - The model card.
 * @csspart feedback - Accept / edit / reject, or what was recorded.
 *
 * @cssprop --ehr-color-accent - The badge and the buttons.
 * @cssprop --ehr-color-surface - Background.
 * @cssprop --ehr-color-text - Text colour.
 * @cssprop --ehr-color-border - Borders.
 * @cssprop --ehr-color-on-accent - Text on the accent colour.
 * @cssprop --ehr-color-text-muted - Secondary text.
 * @cssprop --ehr-color-warning - "Cannot tell who produced this".
 * @cssprop --ehr-color-critical - Critical status and errors.
 * @cssprop --ehr-color-info - Informational status.
 * @cssprop --ehr-color-success - Success status.
 * @cssprop --ehr-font-family - Font family.
 * @cssprop --ehr-font-size - Base font size (default 0.875rem).
 * @cssprop --ehr-focus-ring - Focus outline (default `2px solid` accent).
 * @cssprop --ehr-radius - Corner radius (default 6px).
 * @cssprop --ehr-shadow - Shadow of floating panels.
 * @cssprop --ehr-motion - `reduce` stops animations and transitions, as `prefers-reduced-motion: reduce` does (an EHR's own setting).
 */
export class EhrAiBadge extends GuideElement {
  static override styles = [panelStyles, aiBadgeStyles];

  /** The FHIR resource the host shows (a DocumentReference, Composition, Condition, MedicationRequest, Observation…). */
  @property({ attribute: false }) resource?: FhirResource;
  /** One element of it (`conclusion`, `followUp.text`): the badge marks that part only. */
  @property() element?: string;
  /** Provenance, Device and DocumentReference resources to explain it with (inside `<ehr-guide>`: its context's). */
  @property({ attribute: false }) related?: readonly FhirResource[];
  /** Whether the details show. */
  @property({ type: Boolean, reflect: true }) expanded = false;
  /** The level of the details' heading (2–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  readonly #guide = new GuideController(this);
  protected override i18n = new LocaleController<BadgeMessage>(this, 'badge', messages, this.#guide);
  readonly #guidanceBody = new MarkdownBodyController(this, (code, message) => this.problem(code, message, { path: 'aiContentGuidance.body' }));
  readonly #cardBody = new MarkdownBodyController(this, (code, message) => this.problem(code, message, { path: 'modelCard' }));
  readonly #id = `ehr-ai-badge-${++nextId}`;

  @state() private facts?: AiContentFacts;
  @state() private guidance: AiContentGuidance[] = [];
  @state() private chai?: ChaiCardFields;
  @state() private feedback: 'idle' | 'reasons' | 'sent' = 'idle';
  @state() private sent?: { outcome: 'accept' | 'edit' | 'reject'; reason?: (typeof REJECT_REASONS)[number] };
  #reported = new Set<string>();
  /** What the last settle read (the resource, element, related arrays, guide): the guide's evaluations mostly change none of it. */
  #read: unknown[] = [];

  constructor() {
    super();
    this.#guide.onResult(() => this.related === undefined && this.#settle());
    this.#guide.onGuide(() => this.#settle());
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('resource') || changed.has('related') || changed.has('element')) this.#settle();
  }

  #settle(): void {
    const resource = this.resource as { resourceType?: string } | undefined;
    if (!resource?.resourceType) {
      this.facts = undefined;
      return;
    }
    const guide = this.#guide.guide;
    // The facts (and the model card body) only when what they are read from changed: the guide evaluates on every
    // context change, and most change none of it.
    const sources = [this.resource, this.element, this.related, ...RELATED_TYPES.map((type) => guide?.context.resources[type])];
    if (!this.facts || sources.length !== this.#read.length || sources.some((s, i) => s !== this.#read[i])) {
      this.#read = sources;
      const related = this.related ?? RELATED_TYPES.flatMap((type) => guide?.context.resources[type] ?? []);
      const facts = aiContentFacts(this.resource as never, related as never, { element: this.element || undefined });
      this.facts = facts;
      for (const message of facts.problems) {
        if (this.#reported.has(message)) continue;
        this.#reported.add(message);
        this.problem('output-invalid', `${message}: cannot tell who produced this`);
      }
      const card = facts.modelCard;
      this.chai = card?.format === 'chai-xml' ? readChaiCard(card.text) : undefined;
      void this.#cardBody.set(card?.format === 'markdown' ? card.text : undefined, 'modelCard');
    }
    // The guidance is looked up each time (packs may arrive later, the locale may change); its body is set only when it changed.
    const guidance = guide?.aiContentGuidance(resource.resourceType, this.facts.producers.flatMap((p) => p.kinds)) ?? [];
    const first = guidance[0];
    if (guidance.length !== this.guidance.length || first?.id !== this.guidance[0]?.id || first?.body !== this.guidance[0]?.body) void this.#guidanceBody.set(first?.body, 'aiContentGuidance.body');
    if (guidance.length !== this.guidance.length || guidance.some((g, i) => g.id !== this.guidance[i]?.id || g.title !== this.guidance[i]?.title)) this.guidance = guidance;
  }

  #toggle = () => {
    this.expanded = !this.expanded;
    this.emit('ehr-ai-badge-toggle', { expanded: this.expanded });
  };

  #choose = async (outcome: 'accept' | 'edit' | 'reject') => {
    if (outcome !== 'reject') return this.#send(outcome);
    this.feedback = 'reasons';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input[name="reason"]')?.focus();
  };

  #submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const chosen = (form.elements.namedItem('reason') as RadioNodeList | null)?.value as (typeof REJECT_REASONS)[number] | undefined;
    if (!chosen || !REJECT_REASONS.includes(chosen)) {
      form.querySelector<HTMLElement>('.reason-error')!.hidden = false;
      form.querySelector<HTMLInputElement>('input[name="reason"]')?.focus();
      return;
    }
    this.#send('reject', chosen);
  };

  /** The event and the learning record: the AI system and the kind of content, never the content or the patient. */
  #send(outcome: 'accept' | 'edit' | 'reject', reasonCode?: (typeof REJECT_REASONS)[number]): void {
    const device = this.facts?.producers[0];
    const deviceId = (device?.reference?.split('/').pop() ?? '').replace(/[^A-Za-z0-9._~-]/g, '').slice(0, 120) || 'unknown-ai';
    const reason = reasonCode ? { system: REASON_SYSTEM, code: reasonCode, display: reasonWord(wordsOf(this.i18n), reasonCode) } : undefined;
    const contentType = (this.resource as { resourceType?: string }).resourceType;
    const detail = { modelId: deviceId, ...(device?.version ? { modelVersion: device.version } : {}), outcome, ...(reason ? { reason } : {}), source: 'ai-content' as const, ...(contentType ? { contentType } : {}) };
    this.emit('ehr-ai-feedback', detail);
    const guide = this.#guide.guide;
    if (guide) {
      try {
        guide.recordAiFeedback({ ...detail, modelName: device?.name ?? device?.manufacturer }, { language: guide.context.locale });
      } catch (error) {
        this.problem('records', `the learning record could not be made: ${(error as Error).message}`);
      }
    }
    this.sent = { outcome, ...(reasonCode ? { reason: reasonCode } : {}) };
    this.feedback = 'sent';
  }

  override render() {
    const facts = this.facts;
    if (!facts?.ai) return nothing;
    const w = wordsOf(this.i18n);
    const label = badgeLabel(w, (this.resource as { resourceType?: string }).resourceType, this.element || undefined);
    const md = { table: w.t('table'), image: w.t('image') };
    return html`<button part="badge" class="badge ${facts.verification === 'verified' ? 'verified' : 'unverified'}" aria-expanded=${this.expanded ? 'true' : 'false'} aria-controls="${this.#id}-details" @click=${this.#toggle}>
        <span class="ai" aria-hidden="true">✦</span>${label}<span class="visually-hidden">, ${verificationWords(w, facts)}</span>
      </button>
      <div part="details" class="details" id="${this.#id}-details" role="region" aria-labelledby="${this.#id}-title" ?hidden=${!this.expanded}>
        ${this.expanded
          ? html`${renderBadgeDetails({ w, id: this.#id, level: Math.min(6, Math.max(2, Math.round(this.headingLevel) || 3)), facts, guidance: this.guidance, guidanceBody: this.#guidanceBody.render(md), cardBody: this.#cardBody.render(md), chai: this.chai, formatDate: (iso) => w.date(iso) })}
            ${renderBadgeFeedback({ w, state: this.feedback, sent: this.sent, choose: (o) => void this.#choose(o), cancel: () => (this.feedback = 'idle'), submit: this.#submit })}`
          : nothing}
      </div>`;
  }
}
