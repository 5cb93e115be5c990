import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { GuideController } from '../../controllers/guide-controller.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { wordsOf } from '../../controllers/words.js';
import messages from '../../i18n/compiled/en/help.js';
import { MarkdownBodyController } from '../shared/markdown-body-controller.js';
import type { LoadedItem } from '../../core/packs/load-pack.js';
import { GuideElement } from '../shared/guide-element.js';
import { heading } from '../shared/heading.js';
import { ensureElement } from '../shared/lazy-elements.js';
import { panelStyles } from '../shared/panel.styles.js';
import { helpPanelStyles } from './help-panel.styles.js';

const KIND_WORDS = { tip: 'kindTip', tour: 'kindTour', lesson: 'kindLesson', checklist: 'kindChecklist' } as const;
const WHATS_NEW = /^what'?s new$/i;
let nextId = 0;

/**
 * On demand: the guidance that applies here and now (this patient, user and screen, as `<ehr-guide>` decides it),
 * whatever the fatigue guard would push; searchable; each with the learner's progress; and a "What's new" section
 * for items tagged "what's new" (after an EHR or model upgrade) that the learner has not opened yet. Tips open in
 * place, lessons open inline, tours start on the page.
 *
 * @summary On-demand help: what applies here and now, searchable, with progress and "What's new".
 * @tag ehr-help-panel
 *
 * @fires {CustomEvent<EhrGuideOpenItemDetail>} ehr-guide-open-item - Cancelable: the clinician opened an item from the panel; `preventDefault()` to open it your own way.
 * @fires {CustomEvent<EhrProblemDetail>} ehr-problem - An opened tip's text cannot be shown.
 *
 * @csspart base - The panel.
 * @csspart search - The search field.
 * @csspart item - Each entry's button.
 * @csspart status - An entry's progress.
 *
 * @cssprop --ehr-color-surface - Background.
 * @cssprop --ehr-color-text - Text colour.
 * @cssprop --ehr-color-border - Borders.
 * @cssprop --ehr-color-accent - Buttons and links.
 * @cssprop --ehr-code-background - Background of inline code in bodies.
 * @cssprop --ehr-color-critical - Critical status and errors.
 * @cssprop --ehr-color-info - Informational status.
 * @cssprop --ehr-color-on-accent - Text on the accent colour.
 * @cssprop --ehr-color-success - Success status (correct answers, met criteria).
 * @cssprop --ehr-color-text-muted - Secondary text.
 * @cssprop --ehr-color-warning - Warning status.
 * @cssprop --ehr-focus-ring - Focus outline (default `2px solid` accent).
 * @cssprop --ehr-font-family - Font family.
 * @cssprop --ehr-font-mono - Monospace font of code in bodies.
 * @cssprop --ehr-font-size - Base font size (default 0.875rem).
 * @cssprop --ehr-link-color - Links in bodies (default: the accent colour).
 * @cssprop --ehr-radius - Corner radius (default 6px).
 * @cssprop --ehr-shadow - Shadow of floating panels.
 * @cssprop --ehr-motion - `reduce` stops animations and transitions, as `prefers-reduced-motion: reduce` does (an EHR's own setting).
 */
export class EhrHelpPanel extends GuideElement {
  static override styles = [panelStyles, helpPanelStyles];

  /** The panel's title (default: "Help for this screen" in the clinician's language). */
  @property() heading = '';
  /** The level of the panel's title (2–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @state() private relevant: LoadedItem[] = [];
  @state() private query = '';
  @state() private openItem?: string;

  readonly #guide = new GuideController(this);
  protected override i18n = new LocaleController<keyof typeof messages>(this, 'help', messages, this.#guide);
  readonly #body = new MarkdownBodyController(this, (code, message) => this.problem(code, message, { itemId: this.openItem }));
  readonly #id = `ehr-help-${++nextId}`;

  constructor() {
    super();
    // After each of the guide's evaluations (a new patient, screen or role), and once its packs have loaded.
    this.#guide.onResult(() => void this.#refresh());
    this.#guide.onGuide((guide) => {
      if (guide) void guide.ready.then(() => this.#refresh());
    });
  }

  #refreshing = 0;

  /** Asks the engine what applies now (after each of its evaluations: a new patient, screen or role). */
  async #refresh(): Promise<void> {
    const guide = this.#guide.guide;
    if (!guide) return;
    const run = ++this.#refreshing;
    const items = await guide.relevantItems();
    if (run === this.#refreshing && guide === this.#guide.guide) this.relevant = items;
  }

  #matches(item: LoadedItem): boolean {
    const q = this.query.trim().toLowerCase();
    if (!q) return true;
    const body = typeof item.body === 'string' ? item.body : '';
    return [item.title, body, ...(item.tags ?? [])].some((text) => text.toLowerCase().includes(q));
  }

  #state(item: LoadedItem): 'statusNew' | 'statusPassed' | 'statusNotPassed' | 'statusCompleted' | 'statusSeen' {
    const progress = this.#guide.guide?.itemProgress(item.id);
    if (!progress) return 'statusNew';
    if (item.kind === 'lesson' && progress.score !== undefined) return progress.passed ? 'statusPassed' : 'statusNotPassed';
    if (progress.completed) return 'statusCompleted';
    return progress.seen > 0 ? 'statusSeen' : 'statusNew';
  }

  #status(item: LoadedItem): string {
    const score = this.#guide.guide?.itemProgress(item.id)?.score;
    return this.i18n.t(this.#state(item), { score: score === undefined ? '' : wordsOf(this.i18n).percent(score) });
  }

  async #open(item: LoadedItem): Promise<void> {
    if (this.openItem === item.id) {
      this.openItem = undefined;
      return;
    }
    if (!this.emit('ehr-guide-open-item', { itemId: item.id }, { cancelable: true })) return; // the host opens it its own way
    this.openItem = item.id;
    if (item.kind === 'lesson') void ensureElement('ehr-lesson');
    if (item.kind === 'checklist') void ensureElement('ehr-checklist');
    if (item.kind === 'tour') {
      await ensureElement('ehr-tour');
      await this.updateComplete;
      void this.renderRoot.querySelector<HTMLElementTagNameMap['ehr-tour']>(`ehr-tour[item="${CSS.escape(item.id)}"]`)?.start();
    }
    if (item.kind === 'tip') await this.#body.set(item.body, `${item.id}.body`);
  }

  #renderEntry(item: LoadedItem) {
    const open = this.openItem === item.id;
    const panelId = `${this.#id}-${item.id.replace(/[^\w-]/g, '_')}`;
    return html`<li data-item=${item.id}>
      <button part="item" class="entry" aria-expanded=${open ? 'true' : 'false'} aria-controls=${panelId} @click=${() => void this.#open(item)}>
        <span class="kind">${this.i18n.t(KIND_WORDS[item.kind])}</span> <span class="title">${item.title}</span>
        <span part="status" class="status muted">${this.#status(item)}</span>
      </button>
      <div id=${panelId} class="content" ?hidden=${!open}>
        ${open && item.kind === 'tip' ? html`<div class="md">${this.#body.render({ table: this.i18n.t('table'), image: this.i18n.t('image') })}</div>` : nothing}
        ${open && item.kind === 'lesson' ? html`<ehr-lesson item=${item.id} heading-level=${Math.min(6, this.headingLevel + 2)}></ehr-lesson>` : nothing}
        ${open && item.kind === 'checklist' ? html`<ehr-checklist item=${item.id} heading-level=${Math.min(6, this.headingLevel + 2)}></ehr-checklist>` : nothing}
        ${open && item.kind === 'tour' ? html`<p class="muted">${this.i18n.t('tourHint')}</p><ehr-tour item=${item.id}></ehr-tour>` : nothing}
      </div>
    </li>`;
  }

  override render() {
    const relevant = this.relevant;
    const isNew = (item: LoadedItem) => (item.tags ?? []).some((t) => WHATS_NEW.test(t)) && this.#state(item) === 'statusNew';
    const shown = relevant.filter((item) => this.#matches(item));
    const fresh = shown.filter(isNew);
    const rest = shown.filter((item) => !isNew(item));
    const t = this.i18n.t.bind(this.i18n);
    return html`<section part="base" class="base" aria-labelledby="${this.#id}-title">
      ${heading(this.headingLevel, this.heading || t('heading'), { id: `${this.#id}-title` })}
      <label for="${this.#id}-search" class="visually-hidden">${t('search')}</label>
      <input part="search" id="${this.#id}-search" type="search" placeholder=${t('search')} .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
      <p class="muted" role="status">${shown.length === 0 ? t(relevant.length ? 'noMatch' : 'nothingHere') : t('count', { count: shown.length })}</p>
      ${fresh.length ? html`${heading(this.headingLevel + 1, t('whatsNew'))}<ul class="list">${fresh.map((item) => this.#renderEntry(item))}</ul>` : nothing}
      ${rest.length ? html`${heading(this.headingLevel + 1, t('forHere'))}<ul class="list">${rest.map((item) => this.#renderEntry(item))}</ul>` : nothing}
    </section>`;
  }
}
