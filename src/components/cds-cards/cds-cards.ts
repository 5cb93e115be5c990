import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { GuideController } from '../../controllers/guide-controller.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { wordsOf } from '../../controllers/words.js';
import messages from '../../i18n/compiled/en/cds.js';
import { CdsCardSet, readCdsResponse, type CdsCoding, type CdsLink, type ReadCard } from '../../core/cds/cds-response.js';
import { cardFeedback } from '../../core/cds/feedback.js';
import { FeedbackOutboxController } from '../../controllers/feedback-outbox-controller.js';
import { aiOutputFromCdsCard, findModelCard } from '../../core/models/ai-output.js';
import type { CompiledMarkdown } from '../../core/markdown/nodes.js';
import type { EhrCdsCardActionDetail } from '../../events.js';
import { standaloneLaunchUrl } from '../../smart/standalone-link.js';
import { ensureElement } from '../shared/lazy-elements.js';
import { GuideElement } from '../shared/guide-element.js';
import { imagePolicyFor } from '../shared/image-origins.js';
import { markdownStyles } from '../shared/markdown.styles.js';
import { panelStyles } from '../shared/panel.styles.js';
import { renderCardActions } from './card-actions.render.js';
import { renderCardHead } from './card-head.render.js';
import { cdsCardsStyles } from './cds-cards.styles.js';


/** A SMART link launch, done by the host (only the EHR can mint a launch context). */
export type SmartLinkLauncher = (link: CdsLink, card: ReadCard) => void | Promise<void>;


/**
 * Renders CDS Hooks 2.0 cards: indicator, summary, markdown detail (compiled to a safe tree: raw HTML shows as
 * text, links pass ehr-guide's URL policy), source with label and icon, suggestions to accept, absolute and SMART
 * links, override with the service's reasons, and CDS Hooks feedback to the service. A new response from a
 * service replaces that service's earlier (stale) cards. A card whose source names a known model card gets its
 * `<ehr-ai-explainer>` attached.
 *
 * @summary CDS Hooks cards, safely rendered, with suggestions, links, override reasons, feedback and AI explainers.
 * @tag ehr-cds-cards
 *
 * @fires {CustomEvent<EhrCdsCardActionDetail>} ehr-cds-card-action - The clinician accepted suggestions, overrode a card, or opened a link. Cancelable for `accept` and `override`: prevent it and nothing is sent, the card stays open.
 * @fires {CustomEvent<EhrProblemDetail>} ehr-problem - The response or a card is invalid (with its JSON path), feedback could not be delivered, or a SMART link could not be launched.
 *
 * @csspart list - The list of cards.
 * @csspart status - The quiet line naming services that could not be called (see `unavailable()`).
 * @csspart card - One card.
 * @csspart indicator - The indicator label.
 * @csspart summary - The card's summary.
 * @csspart detail - The card's markdown detail.
 * @csspart source - The source line.
 * @csspart suggestions - The suggestion buttons.
 * @csspart links - The links.
 * @csspart override - The override (dismiss) controls.
 *
 * @cssprop --ehr-color-info - Info indicator colour.
 * @cssprop --ehr-color-warning - Warning indicator colour.
 * @cssprop --ehr-color-critical - Critical indicator colour.
 * @cssprop --ehr-color-surface - Card background.
 * @cssprop --ehr-color-border - Card border.
 * @cssprop --ehr-color-accent - Buttons and links.
 * @cssprop --ehr-code-background - Background of inline code in bodies.
 * @cssprop --ehr-color-on-accent - Text on the accent colour.
 * @cssprop --ehr-color-success - Success status (correct answers, met criteria).
 * @cssprop --ehr-color-text - Text colour (default `CanvasText`).
 * @cssprop --ehr-color-text-muted - Secondary text.
 * @cssprop --ehr-focus-ring - Focus outline (default `2px solid` accent).
 * @cssprop --ehr-font-family - Font family.
 * @cssprop --ehr-font-mono - Monospace font of code in bodies.
 * @cssprop --ehr-font-size - Base font size (default 0.875rem).
 * @cssprop --ehr-link-color - Links in bodies (default: the accent colour).
 * @cssprop --ehr-radius - Corner radius (default 6px).
 * @cssprop --ehr-shadow - Shadow of floating panels.
 * @cssprop --ehr-motion - `reduce` stops animations and transitions, as `prefers-reduced-motion: reduce` does (an EHR's own setting).
 */
export class EhrCdsCards extends GuideElement {
  static override styles = [panelStyles, markdownStyles, cdsCardsStyles];

  /** A CDS Hooks response for `service-id` (or use `show()` for several services). */
  @property({ attribute: false }) response?: unknown;
  /** The id of the service `response` came from. */
  @property({ attribute: 'service-id' }) serviceId = 'service';
  /** The service's URL (`{base}/cds-services/{id}`): feedback is POSTed to `{cds-service-url}/feedback`. */
  @property({ attribute: 'cds-service-url' }) cdsServiceUrl?: string;
  /** Launches a SMART link as an EHR launch (only the EHR can mint the launch context). */
  @property({ attribute: false }) launchSmartLink?: SmartLinkLauncher;
  /** The FHIR server (`iss`): without `launchSmartLink`, a SMART link opens as a standalone launch against it. */
  @property({ attribute: 'fhir-server' }) fhirServer?: string;
  /** Headings level of each card's summary (2–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  readonly #guide = new GuideController(this);
  protected override i18n = new LocaleController<keyof typeof messages>(this, 'cds', messages, this.#guide);

  @state() private cards: ReadCard[] = [];
  @state() private resolved = new Map<string, string>();
  @state() private overriding?: string;
  @state() private details = new Map<string, CompiledMarkdown>();
  @state() private explainerReady = false;
  /** Services that could not be called (their names, as the host gave them), shown as one quiet status line. */
  @state() private unavailableServices: string[] = [];

  readonly #set = new CdsCardSet();
  readonly #serviceUrls = new Map<string, string>();

  readonly #outbox = new FeedbackOutboxController(this, (message) => this.problem('feedback-failed', message)).outbox;

  constructor() {
    super();
    this.#guide.onResult(() => this.#loadExplainerIfNeeded()); // a pack added later may carry the model card
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('response') && this.response !== undefined) this.show(this.serviceId, this.response, { cdsServiceUrl: this.cdsServiceUrl });
    if (this.#guide.takeChange() && this.#guide.guide) {
      // Model cards may arrive with packs still loading: attach explainers once they have.
      const guide = this.#guide.guide;
      void guide.ready.then(() => {
        if (this.#guide.guide === guide) this.#loadExplainerIfNeeded();
      });
    }
  }

  #loadExplainerIfNeeded(): void {
    if (this.explainerReady || !this.cards.some((c) => this.#modelCardFor(c))) return;
    void ensureElement('ehr-ai-explainer').then(() => (this.explainerReady = true));
  }

  /**
   * Shows a service's response, replacing that service's earlier cards (a new call of the same service makes them
   * stale). Returns the problems found, each with its JSON path; invalid cards are left out.
   */
  show(serviceId: string, response: unknown, options: { cdsServiceUrl?: string } = {}): Array<{ path: string; message: string }> {
    const { cards, problems } = readCdsResponse(response, serviceId);
    for (const p of problems) this.problem('response-invalid', `CDS response from "${serviceId}": ${p.path}: ${p.message}`, { path: p.path });
    if (options.cdsServiceUrl) this.#serviceUrls.set(serviceId, options.cdsServiceUrl);
    if (this.#unavailable.delete(serviceId)) this.unavailableServices = [...this.#unavailable.values()];
    const removed = this.#set.replace(serviceId, cards);
    for (const key of removed) this.resolved.delete(key);
    for (const card of cards) this.resolved.delete(card.key);
    this.cards = this.#set.cards;
    void this.#compileDetails(cards);
    this.#loadExplainerIfNeeded();
    return problems;
  }

  /**
   * Says quietly that a service could not be called (down, timing out, answering an error): its earlier cards
   * go (they may be stale) and a status line names it until its next `show()`. `label` is how the clinician
   * knows the service (default: its id).
   */
  unavailable(serviceId: string, label = serviceId): void {
    this.#set.replace(serviceId, []);
    this.cards = this.#set.cards;
    this.#unavailable.set(serviceId, label);
    this.unavailableServices = [...this.#unavailable.values()];
  }

  readonly #unavailable = new Map<string, string>();

  /** Removes every card (e.g. the patient changed). */
  clear(): void {
    this.#set.clear();
    this.#unavailable.clear();
    this.unavailableServices = [];
    this.cards = [];
    this.resolved = new Map();
    this.details = new Map();
    this.overriding = undefined;
  }

  async #compileDetails(cards: ReadCard[]): Promise<void> {
    const withDetail = cards.filter((c) => c.card.detail);
    if (!withDetail.length) return;
    const { compileMarkdown } = await import('../../core/markdown/compile.js');
    const next = new Map(this.details);
    for (const c of withDetail) {
      try {
        next.set(c.key, compileMarkdown(c.card.detail!));
      } catch (error) {
        this.problem('content-invalid', `card "${c.key}" detail: ${(error as Error).message}`);
      }
    }
    this.details = next;
  }

  #modelCardFor(card: ReadCard) {
    const guide = this.#guide.guide;
    if (!guide) return undefined;
    try {
      return findModelCard(aiOutputFromCdsCard(card.card), guide.modelCards);
    } catch {
      return undefined;
    }
  }

  #act(card: ReadCard, detail: Omit<EhrCdsCardActionDetail, 'cardKey' | 'serviceId'>, cancelable = false): boolean {
    return this.emit('ehr-cds-card-action', { cardKey: card.key, serviceId: card.serviceId, ...detail }, { cancelable });
  }

  #feedback(card: ReadCard, body: Parameters<typeof cardFeedback>[1]): void {
    const url = this.#serviceUrls.get(card.serviceId);
    if (!url) return;
    if (!card.card.uuid) {
      this.problem('feedback-failed', `card "${card.key}" has no uuid, so "${card.serviceId}" cannot receive feedback on it`);
      return;
    }
    void this.#outbox.send(url, cardFeedback(card.card.uuid, body));
  }

  #resolve(card: ReadCard, words: string): void {
    this.resolved = new Map(this.resolved).set(card.key, words);
    this.overriding = undefined;
  }

  #accept(card: ReadCard, ids: string[]): void {
    const suggestions = card.card.suggestions ?? [];
    const chosen = suggestions.filter((s, i) => ids.includes(s.uuid ?? `#${i}`));
    if (!chosen.length) return;
    if (!this.#act(card, { action: 'accept', suggestionIds: chosen.map((s) => s.uuid).filter((id): id is string => !!id) }, true)) return;
    this.#feedback(card, { outcome: 'accepted', acceptedSuggestions: chosen.map((s) => s.uuid).filter((id): id is string => !!id) });
    this.#resolve(card, this.i18n.t('accepted', { list: wordsOf(this.i18n).list(chosen.map((s) => s.label)) }));
  }

  #onOverride(card: ReadCard, event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const reasons = card.card.overrideReasons ?? [];
    let reason: CdsCoding | undefined;
    if (reasons.length) {
      const value = (form.elements.namedItem('reason') as RadioNodeList | null)?.value;
      reason = reasons.find((r) => `${r.system ?? ''}|${r.code}` === value);
      if (!reason) {
        form.querySelector<HTMLElement>('.reason-error')!.hidden = false;
        form.querySelector<HTMLInputElement>('input[name="reason"]')?.focus();
        return;
      }
    }
    if (!this.#act(card, { action: 'override', ...(reason ? { reason: { code: reason.code, ...(reason.system ? { system: reason.system } : {}), ...(reason.display ? { display: reason.display } : {}) } } : {}) }, true)) return;
    this.#feedback(card, { outcome: 'overridden', reason });
    this.#resolve(card, this.#overridden(reason?.display));
  }

  async #openLink(card: ReadCard, link: CdsLink, event: Event): Promise<void> {
    if (link.type !== 'smart') {
      this.#act(card, { action: 'link', link: { label: link.label, url: link.url, type: 'absolute' } });
      return;
    }
    event.preventDefault();
    this.#act(card, { action: 'link', link: { label: link.label, url: link.url, type: 'smart', ...(link.appContext ? { appContext: link.appContext } : {}) } });
    try {
      if (this.launchSmartLink) await this.launchSmartLink(link, card);
      else if (this.fhirServer) {
        // Without the EHR's launcher: a SMART standalone launch against this FHIR server (the app asks for the patient).
        window.open(standaloneLaunchUrl(link.url, this.fhirServer, document.baseURI), '_blank', 'noopener');
      } else throw new Error('no launchSmartLink is set and no fhir-server to launch against');
    } catch (error) {
      this.problem('launch-failed', `the SMART link "${link.label}" could not be launched: ${(error as Error).message}`);
    }
  }

  override render() {
    const status = this.unavailableServices.length
      ? html`<p part="status" class="status" role="status">${this.unavailableServices.map((service) => this.i18n.t('unavailable', { service })).join(' ')}</p>`
      : nothing;
    if (!this.cards.length) return status;
    return html`${status}<ul part="list" class="list" aria-label=${this.i18n.t('list')}>
      ${this.cards.map((card, index) => this.#renderCard(card, index))}
    </ul>`;
  }

  #renderCard(card: ReadCard, index: number) {
    const c = card.card;
    const id = `card-${index}`;
    const resolved = this.resolved.get(card.key);
    const model = this.#modelCardFor(card);
    const indicator = c.indicator === 'success' ? 'info' : c.indicator;
    return html`<li part="card" class="card ${indicator}" aria-labelledby=${id} data-key=${card.key}>
      ${renderCardHead({ card, id, headingLevel: this.headingLevel, detail: this.details.get(card.key), images: imagePolicyFor(this), t: (key) => this.i18n.t(key) })}
      ${model && this.explainerReady ? html`<ehr-ai-explainer heading-level=${Math.min(6, this.headingLevel + 1)} .cdsCard=${c} .card=${model} cds-service-url=${this.#serviceUrls.get(card.serviceId) ?? nothing} @ehr-ai-feedback=${(e: CustomEvent<{ outcome: string; reason?: { display?: string } }>) => this.#resolve(card, e.detail.outcome === 'agree' ? this.i18n.t('agreedAi') : this.#overridden(e.detail.reason?.display))}></ehr-ai-explainer>` : nothing}
      ${resolved
        ? html`<p class="resolved" role="status">${resolved}.</p>`
        : renderCardActions({
            card,
            overriding: this.overriding === card.key,
            hasExplainer: Boolean(model),
            accept: (c, ids) => this.#accept(c, ids),
            openLink: (c, link, e) => void this.#openLink(c, link, e),
            startOverride: this.#startOverride,
            cancelOverride: () => (this.overriding = undefined),
            submitOverride: (c, e) => this.#onOverride(c, e),
            t: (key) => this.i18n.t(key),
          })}
    </li>`;
  }

  #overridden(reason: string | undefined): string {
    return reason ? this.i18n.t('overriddenReason', { reason }) : this.i18n.t('overridden');
  }

  #startOverride = async (card: ReadCard) => {
    this.overriding = card.key;
    await this.updateComplete;
    const form = `li[data-key="${CSS.escape(card.key)}"] form.override`;
    this.renderRoot.querySelector<HTMLElement>(`${form} input, ${form} button`)?.focus();
  };
}
