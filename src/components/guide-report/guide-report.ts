import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { wordsOf } from '../../controllers/words.js';
import type { Report, ReportOptions } from '../../core/report/aggregate.js';
import { readLrs } from '../../core/report/lrs-query.js';
import { loadPack } from '../../core/packs/load-pack.js';
import { fetchTransport } from '../../platform/fetch-transport.js';
import { ReportAggregator } from '../../platform/report-aggregator.js';
import messages from '../../i18n/compiled/en/report.js';
import { GuideElement } from '../shared/guide-element.js';
import { heading } from '../shared/heading.js';
import { panelStyles } from '../shared/panel.styles.js';
import { guideReportStyles } from './guide-report.styles.js';
import { renderCoverage, renderItems, renderLearning, renderModels, type ReportMessage } from './guide-report.render.js';

const PAGE = 5000;
let nextId = 0;

/**
 * The Chief AI Officer's and training lead's report, for a health system's intranet page: from learning records
 * in any conformant xAPI LRS (the Statements API, page by page) or an exported statements file, per AI model
 * (agree / override, reasons, population fit, role, month; accept / edit / reject of AI content), per lesson and
 * tour, per piece of guidance (the often rejected flagged for review), coverage by role and content past its
 * review-by date. Figures from fewer than `min-cell` clinicians are withheld. Aggregated in a Web Worker as pages
 * arrive; charts are SVG with the same figures in tables; printable.
 *
 * @summary A governance and learning report from xAPI learning records, with small cells suppressed.
 * @tag ehr-guide-report
 *
 * @fires {CustomEvent<EhrProblemDetail>} ehr-problem - The learning records could not be read (or only in part), or a pack could not load.
 *
 * @csspart base - The report.
 * @csspart filters - The period, role and model filters.
 * @csspart state - Loading, partial and failure notes.
 * @csspart section - Each section.
 * @csspart table - Each table of figures.
 * @csspart chart - Each chart.
 * @csspart print-button - The "Print" button.
 *
 * @cssprop --ehr-color-accent - Bars, buttons and links.
 * @cssprop --ehr-color-surface - Background.
 * @cssprop --ehr-color-text - Text colour.
 * @cssprop --ehr-color-border - Table rules and borders.
 * @cssprop --ehr-color-on-accent - Text on the accent colour.
 * @cssprop --ehr-color-text-muted - Secondary text, withheld figures.
 * @cssprop --ehr-color-warning - Partial reads, content to review.
 * @cssprop --ehr-color-critical - Critical status and errors.
 * @cssprop --ehr-color-info - The loading note.
 * @cssprop --ehr-color-success - Success status.
 * @cssprop --ehr-font-family - Font family.
 * @cssprop --ehr-font-size - Base font size (default 0.875rem).
 * @cssprop --ehr-focus-ring - Focus outline (default `2px solid` accent).
 * @cssprop --ehr-radius - Corner radius (default 6px).
 * @cssprop --ehr-shadow - Shadow of floating panels.
 * @cssprop --ehr-motion - `reduce` stops animations and transitions, as `prefers-reduced-motion: reduce` does (an EHR's own setting).
 */
export class EhrGuideReport extends GuideElement {
  static override styles = [panelStyles, guideReportStyles];

  /** The LRS's xAPI endpoint (`https://lrs.example.org/xapi/`, as for `<ehr-guide>`) or its statements resource. */
  @property({ attribute: 'lrs-endpoint' }) lrsEndpoint?: string;
  /** The LRS's Authorization header value; a property only, never an attribute. */
  @property({ attribute: false }) lrsAuth?: string;
  /** An exported statements file (a JSON array or a StatementResult). */
  @property({ attribute: 'statements-href' }) statementsHref?: string;
  /** Statements given directly. */
  @property({ attribute: false }) statements?: readonly unknown[];
  /** Content pack URLs (space-separated), for titles, review-by dates and who each lesson is for. */
  @property() packs = '';
  /** The smallest number of clinicians a figure may come from (default 5). */
  @property({ attribute: 'min-cell', type: Number }) minCell = 5;
  @property() since?: string;
  @property() until?: string;
  /** Only this role's records (physician, nurse…); `role` itself is the ARIA attribute. */
  @property({ attribute: 'learner-role' }) learnerRole?: string;
  @property() model?: string;
  /** The level of the report's title (2–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  protected override i18n = new LocaleController<ReportMessage>(this, 'report', messages);
  readonly #aggregator = new ReportAggregator();
  readonly #id = `ehr-guide-report-${++nextId}`;
  #run = 0;
  #items: NonNullable<ReportOptions['items']> = [];


  @state() private phase: 'idle' | 'loading' | 'ready' | 'partial' | 'failed' = 'idle';
  @state() private read = 0;
  @state() private stopped?: string;
  @state() private report?: Report;
  @state() private choices: { roles: string[]; models: string[] } = { roles: [], models: [] };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#run++;
    this.#aggregator.dispose();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('lrsEndpoint') || changed.has('lrsAuth') || changed.has('statementsHref') || changed.has('statements') || changed.has('packs')) void this.#load();
    else if (changed.has('since') || changed.has('until') || changed.has('learnerRole') || changed.has('model') || changed.has('minCell')) void this.#aggregate(this.#run);
  }

  /** Resolves once the records are read and the figures are in. */
  get loaded(): Promise<void> {
    return this.#loading;
  }
  #loading: Promise<void> = Promise.resolve();

  #load(): Promise<void> {
    const run = ++this.#run;
    this.#loading = this.#read(run);
    return this.#loading;
  }

  async #read(run: number): Promise<void> {
    this.phase = 'loading';
    this.read = 0;
    this.stopped = undefined;
    await this.#aggregator.reset();
    this.#items = await this.#packItems();
    let last = 0;
    const add = async (page: readonly unknown[]) => {
      if (run !== this.#run) return;
      await this.#aggregator.add([...page]);
      this.read += page.length;
      // Progressive figures, but not after every page: a 100,000-statement read re-aggregates a few times, not 20.
      if (performance.now() - last > 750) {
        await this.#aggregate(run, !last);
        last = performance.now();
      }
    };
    try {
      if (this.statements) for (let i = 0; i < this.statements.length; i += PAGE) await add(this.statements.slice(i, i + PAGE));
      if (this.statementsHref) {
        const response = await fetch(this.statementsHref);
        if (!response.ok) throw new Error(`${this.statementsHref} answered HTTP ${response.status}`);
        const json = await response.json();
        const list = Array.isArray(json) ? json : Array.isArray(json?.statements) ? json.statements : undefined;
        if (!list) throw new Error(`${this.statementsHref} is neither an array of statements nor a StatementResult`);
        for (let i = 0; i < list.length; i += PAGE) await add(list.slice(i, i + PAGE));
      }
      if (this.lrsEndpoint) {
        let chain = Promise.resolve();
        const result = await readLrs(fetchTransport(), { endpoint: new URL(this.lrsEndpoint, document.baseURI).href, auth: this.lrsAuth, since: this.since, until: this.until }, (page) => (chain = chain.then(() => add(page))));
        await chain;
        if (result.stopped && run === this.#run) {
          this.stopped = result.stopped;
          this.problem('records', `the learning records were read only in part: ${result.stopped}`);
        }
      }
      if (run !== this.#run) return;
      await this.#aggregate(run, true);
      this.phase = this.stopped ? (this.read ? 'partial' : 'failed') : 'ready';
    } catch (error) {
      if (run !== this.#run) return;
      this.stopped = (error as Error).message;
      this.phase = this.read ? 'partial' : 'failed';
      this.problem('records', `the learning records could not be read: ${this.stopped}`);
    }
  }

  async #packItems(): Promise<NonNullable<ReportOptions['items']>> {
    const items: Array<NonNullable<ReportOptions['items']>[number]> = [];
    for (const url of (this.packs ?? '').split(/\s+/).filter(Boolean)) {
      try {
        const response = await fetch(new URL(url, document.baseURI));
        const loaded = loadPack(await response.json(), url);
        for (const item of loaded.pack?.items ?? []) items.push({ id: item.id, kind: item.kind, title: item.title, reviewBy: item.reviewBy, ...(item.audience ? { audience: item.audience } : {}) });
      } catch (error) {
        this.problem('pack-fetch-failed', `${url} could not be loaded for the report: ${(error as Error).message}`);
      }
    }
    return items;
  }

  /** The figures for the filters; `choices` (the roles and models to filter by) too when asked. */
  async #aggregate(run: number, choices = false): Promise<void> {
    if (choices) {
      const all = await this.#aggregator.aggregate({ minCell: this.minCell, items: this.#items });
      if (run === this.#run) this.choices = { roles: all.coverage.map((c) => c.role), models: all.models.map((m) => m.modelId) };
    }
    const report = await this.#aggregator.aggregate({ since: this.#instant(this.since), until: this.#instant(this.until, true), role: this.learnerRole || undefined, model: this.model || undefined, minCell: this.minCell, items: this.#items });
    if (run !== this.#run) return;
    this.report = report;
  }

  /** A date from the filter (YYYY-MM-DD) as the start or end of that day (UTC). */
  #instant(value: string | undefined, end = false): string | undefined {
    if (!value) return undefined;
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T${end ? '23:59:59.999' : '00:00:00.000'}Z` : value;
  }

  #apply = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    this.since = String(form.get('since') || '') || undefined;
    this.until = String(form.get('until') || '') || undefined;
    this.learnerRole = String(form.get('role') || '') || undefined;
    this.model = String(form.get('model') || '') || undefined;
  };

  override render() {
    const w = wordsOf(this.i18n);
    const level = Math.min(6, Math.max(2, Math.round(this.headingLevel) || 2));
    const sub = Math.min(6, level + 1);
    const report = this.report;
    const option = (value: string, chosen: string | undefined) => html`<option value=${value} ?selected=${value === (chosen ?? '')}>${value || w.t('all')}</option>`;
    return html`<article part="base" class="base" aria-labelledby="${this.#id}-title">
      ${heading(level, w.t('title'), { id: `${this.#id}-title` })}
      <form part="filters" class="filters" @submit=${this.#apply}>
        <label>${w.t('from')} <input type="date" name="since" .value=${(this.since ?? '').slice(0, 10)} /></label>
        <label>${w.t('to')} <input type="date" name="until" .value=${(this.until ?? '').slice(0, 10)} /></label>
        <label>${w.t('role')} <select name="role">${['', ...this.choices.roles].map((r) => option(r, this.learnerRole))}</select></label>
        <label>${w.t('model')} <select name="model">${['', ...this.choices.models].map((m) => option(m, this.model))}</select></label>
        <button type="submit" class="primary">${w.t('apply')}</button>
        <button type="button" part="print-button" @click=${() => print()}>${w.t('print')}</button>
      </form>
      ${this.phase === 'loading' ? html`<p part="state" class="state loading" role="status">${w.t('loading', { count: this.read })}</p>` : nothing}
      ${this.phase === 'partial' ? html`<p part="state" class="state partial" role="alert">${w.t('partial', { count: this.read, reason: this.stopped })}</p>` : nothing}
      ${this.phase === 'failed' ? html`<p part="state" class="state failed" role="alert">${w.t('failed', { reason: this.stopped })}</p>` : nothing}
      ${report
        ? html`<p class="muted">${w.t('summary', { count: report.statements.counted, minCell: report.minCell, suppressed: report.suppressed })}</p>
            ${renderModels(w, sub, report)} ${renderLearning(w, sub, report)} ${renderItems(w, sub, report)} ${renderCoverage(w, sub, report)}`
        : nothing}
    </article>`;
  }
}
