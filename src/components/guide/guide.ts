import { css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { GuideEngine, type EvaluationResult } from '../../core/engine/engine.js';
import type { ContextPatch } from '../../core/context/context.js';
import type { GuideDataSource } from '../../core/context/data-source.js';
import type { FatiguePolicy } from '../../core/fatigue/policy.js';
import type { Decision } from '../../core/fatigue/decisions.js';
import { PROFICIENCIES, ROLES, type Proficiency, type Role } from '../../core/packs/schema.js';
import type { ProgressStorage } from '../../core/progress/storage.js';
import { browserEngineOptions } from '../../platform/browser-engine.js';
import type { ProblemCode } from '../../events.js';
import { GuideElement } from '../shared/guide-element.js';
import { guideContext } from '../../controllers/guide-context.js';
import { preloadLocale } from '../../i18n/catalogue.js';
import { nearestLang } from '../../controllers/locale-controller.js';
import { EHR_VERSION_PATTERN } from '../../core/patterns.js';

/**
 * The root of ehr-guide on a page: loads content packs, holds the clinical context, decides through its engine
 * what to show, and hands that engine to every ehr-guide element inside it (through @lit/context). It renders
 * nothing of its own.
 *
 * @summary Loads content packs, holds live context and decides what guidance shows.
 * @tag ehr-guide
 *
 * @slot - The page content (or part of it) in which guidance elements find this engine.
 *
 * @fires {CustomEvent<EhrGuideReadyDetail>} ehr-guide-ready - Packs loaded.
 * @fires {CustomEvent<EhrGuideMatchDetail>} ehr-guide-match - An item may show now (fired when its decision changes).
 * @fires {CustomEvent<EhrGuideSuppressedDetail>} ehr-guide-suppressed - An item does not show, with the reason (fired when its decision changes).
 * @fires {CustomEvent<EhrProblemDetail>} ehr-problem - A pack, item, condition, storage, learning-record or attribute problem.
 */
export class EhrGuide extends GuideElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Content pack URLs, separated by spaces. */
  @property() packs = '';
  /** The user's role (physician, nurse, pharmacist, resident, student, administrative, other). */
  @property({ attribute: 'user-role' }) userRole?: Role;
  /**
   * The `role` attribute, accepted as a synonym of `user-role`. Prefer `user-role`: `role` is also the ARIA role
   * attribute, and a value such as "physician" is an invalid ARIA role that accessibility checkers flag.
   */
  @property({ attribute: 'role' }) roleAttribute?: string;
  /** The user's proficiency (novice, intermediate, advanced); inferred from progress when absent. */
  @property() proficiency?: Proficiency;
  /** The current workflow point: a CDS Hooks hook name (patient-view, order-sign, …) or a screen id. */
  @property() workflow?: string;
  /** The EHR's version (`2026.2`): items with `when.ehrVersion` ("What's new" after an upgrade) apply from that version. */
  @property({ attribute: 'ehr-version' }) ehrVersion?: string;
  /**
   * The clinician's locale (BCP 47, e.g. `es-MX`): the language of every element inside and of pack items with
   * translations. Without it, the SMART launch's `locale`, else the nearest `lang` of the page, else English.
   */
  @property() locale?: string;
  /** Where `fhirpath.worker.js` is served, when not beside the library's own files (e.g. a CSP-approved path). */
  @property({ attribute: 'worker-url' }) workerUrl?: string;
  /** Pseudonymous learner id; a random per-device id when absent. Never a name, MRN or e-mail. */
  @property({ attribute: 'learner-id' }) learnerId?: string;
  /** Clinical context set by the host: patient, encounter, user, resources by type. */
  @property({ attribute: false }) context?: ContextPatch;
  /** Source of live context (the SMART layer, or the host's own). */
  @property({ attribute: false }) dataSource?: GuideDataSource;
  /** Alert-fatigue policy overrides (budget, minimum interval, quiet workflow points, default caps). */
  @property({ attribute: false }) policy?: Partial<FatiguePolicy>;
  /** Where progress is kept (default: localStorage). */
  @property({ attribute: false }) storage?: ProgressStorage;
  /** The health system's xAPI LRS endpoint: learning records and AI feedback go there (queued until it answers). */
  @property({ attribute: 'lrs-endpoint' }) lrsEndpoint?: string;
  /** The LRS's Authorization header value (e.g. `Basic …`); a property only, never an attribute. */
  @property({ attribute: false }) lrsAuth?: string;
  /** The xAPI account home page of learners (the health system's URL); default: the page's origin. */
  @property({ attribute: 'learner-home-page' }) learnerHomePage?: string;
  /**
   * Origins (space-separated) that images in guidance and CDS card icons may load from, besides the page's own;
   * an image from any other origin renders as its alt text and a link. Elements outside any `<ehr-guide>` read
   * `<meta name="ehr-guide-image-origins" content="…">`.
   */
  @property({ attribute: 'image-origins', reflect: true }) imageOrigins?: string;
  /** This site's prevalence of each model's outcome (`{ "example-sepsis-model": 0.04 }`): explainers use it for PPV. */
  @property({ attribute: false }) localPrevalence?: Record<string, number>;

  readonly #provider = new ContextProvider(this, { context: guideContext });
  /** Resolves when the packs named by `packs` (and the data source's first load) are in. */
  packsLoaded: Promise<void> = Promise.resolve();
  #engine?: GuideEngine;
  #unsubscribe?: () => void;
  #loadedPacks = '';
  #packsLoading = false;
  #abort?: AbortController;

  /** The engine; created when the element connects (or on first access). */
  get engine(): GuideEngine {
    if (!this.#engine) {
      const options = (learnerId: string | undefined) =>
        browserEngineOptions({ learnerId, storage: this.storage, policy: this.policy, workerUrl: this.workerUrl, onProblem: (problem) => this.#onProblem(problem) });
      try {
        this.#engine = new GuideEngine(options(this.learnerId));
      } catch (error) {
        // A bad learner id or policy must not leave the page without guidance: report it, use the defaults.
        this.#onProblem({ code: 'attribute-invalid', message: `<ehr-guide>: ${(error as Error).message}; using a device learner id and the default policy` });
        this.#engine = new GuideEngine({ ...options(undefined), policy: undefined });
      }
      this.#unsubscribe = this.#engine.subscribe((result) => this.#onResult(result));
      this.#provider.setValue(this.#engine);
    }
    return this.#engine;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The language first, before any element inside renders: they read it from the engine's context. Without a
    // locale of its own or the launch's, the guide follows the page's lang as it changes.
    this.engine.setContext({ locale: this.#resolvedLocale() });
    this.#langObserver = new MutationObserver(() => !this.locale && !this.#launchLocale && this.engine.setContext({ locale: this.#resolvedLocale() }));
    this.#langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    this.addEventListener('ehr-guide-context', this.#onContextEvent as EventListener);
    // Back online: what waited for the LRS goes now, not at the next retry.
    window.addEventListener('online', this.#onOnline);
  }

  readonly #onOnline = () => void this.#engine?.records.flush();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('ehr-guide-context', this.#onContextEvent as EventListener);
    window.removeEventListener('online', this.#onOnline);
    this.#langObserver?.disconnect();
    this.#abort?.abort();
    this.#unsubscribe?.();
    this.#engine?.dispose();
    this.#engine = undefined;
    this.#loadedPacks = '';
  }

  protected override willUpdate(changed: PropertyValues): void {
    const engine = this.engine;
    const patch: ContextPatch = {};
    if (changed.has('userRole') || changed.has('roleAttribute')) {
      const role = this.userRole ?? this.roleAttribute;
      patch.role = role && (ROLES as readonly string[]).includes(role) ? (role as Role) : this.#invalid('user-role', role, ROLES);
    }
    if (changed.has('proficiency')) patch.proficiency = this.proficiency && (PROFICIENCIES as readonly string[]).includes(this.proficiency) ? this.proficiency : this.#invalid('proficiency', this.proficiency, PROFICIENCIES);
    if (changed.has('workflow')) patch.workflow = this.workflow || null;
    if (changed.has('ehrVersion')) {
      const version = this.ehrVersion?.trim();
      const valid = !!version && EHR_VERSION_PATTERN.test(version);
      if (version && !valid) this.#onProblem({ code: 'attribute-invalid', message: `<ehr-guide ehr-version="${version}">: not a version of up to four numbers such as "2026.2"; ignored` });
      patch.ehrVersion = valid ? version : null;
    }
    if (changed.has('locale')) patch.locale = this.#resolvedLocale();
    if (Object.keys(patch).length) engine.setContext(patch);
    if (changed.has('context') && this.context) this.setContext(this.context);
    if (changed.has('policy') && this.policy) {
      try {
        engine.setPolicy(this.policy);
      } catch (error) {
        this.#onProblem({ code: 'attribute-invalid', message: `policy rejected: ${(error as Error).message}` });
      }
    }
    if (changed.has('lrsEndpoint') || changed.has('lrsAuth')) {
      try {
        engine.records.config = this.lrsEndpoint ? { endpoint: this.lrsEndpoint, auth: this.lrsAuth } : undefined;
        void engine.records.flush();
      } catch (error) {
        this.#onProblem({ code: 'attribute-invalid', message: `<ehr-guide lrs-endpoint>: ${(error as Error).message}` });
      }
    }
    if (changed.has('learnerHomePage')) engine.learnerHomePage = this.learnerHomePage || undefined;
    if (changed.has('localPrevalence')) {
      try {
        engine.setLocalPrevalence(this.localPrevalence ?? {});
      } catch (error) {
        this.#onProblem({ code: 'prevalence-invalid', message: `localPrevalence rejected: ${(error as Error).message}` });
      }
    }
    if (changed.has('packs') && this.packs !== this.#loadedPacks) this.packsLoaded = this.#loadPacks();
    // While packs load, #loadPacks reads the data source afterwards, with the resource types the packs need.
    if (changed.has('dataSource') && this.dataSource && !this.#packsLoading) void this.#loadData();
  }

  #launchLocale?: string;
  #langObserver?: MutationObserver;

  /** `locale`, else the launch's, else the nearest `lang` (the page's), else English; the catalogues start loading. */
  #resolvedLocale(): string {
    const locale = this.locale || this.#launchLocale || nearestLang(this) || 'en';
    void preloadLocale(locale);
    return locale;
  }

  #invalid(name: string, value: string | undefined, allowed: readonly string[]): null {
    if (value) this.#onProblem({ code: 'attribute-invalid', message: `<ehr-guide ${name}="${value}">: not one of ${allowed.join(', ')}; ignored` });
    return null;
  }

  /** Changes the clinical context (also possible with an `ehr-guide-context` event whose detail is the patch). */
  setContext(patch: ContextPatch): void {
    try {
      this.engine.setContext(patch);
    } catch (error) {
      this.#onProblem({ code: 'evaluator', message: `context rejected: ${(error as Error).message}` });
    }
  }

  /** Reads the data source again (e.g. a "Refresh" button); problems are reported on `ehr-guide-problem`. */
  refreshData(): Promise<void> {
    return this.#loadData();
  }

  /** The debug API: every item with whether it shows and, if not, why. */
  explain(): Promise<Decision[]> {
    return this.engine.explain();
  }

  async #loadPacks(): Promise<void> {
    const urls = (this.packs ?? '').split(/\s+/).filter(Boolean);
    this.#loadedPacks = this.packs;
    this.#packsLoading = true;
    const results = await this.engine.loadPacks(urls);
    this.#packsLoading = false;
    if (this.dataSource) await this.#loadData();
    this.emit('ehr-guide-ready', { packs: results.filter((r) => r.pack).length, items: this.engine.items.length });
  }

  async #loadData(): Promise<void> {
    const source = this.dataSource;
    if (!source) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    try {
      const patch = await source.load({ resourceTypes: this.engine.requiredResourceTypes, signal: abort.signal });
      if (patch.locale !== undefined) {
        this.#launchLocale = patch.locale || undefined;
        patch.locale = this.#resolvedLocale();
      }
      if (!abort.signal.aborted) this.setContext(patch);
    } catch (error) {
      if (!abort.signal.aborted) this.#onProblem({ code: 'evaluator', message: `the data source failed: ${(error as Error).message}` });
    }
  }

  #onContextEvent = (event: CustomEvent<ContextPatch>) => {
    event.stopPropagation();
    if (event.detail && typeof event.detail === 'object') this.setContext(event.detail);
  };

  #firstDecisions = false;

  #onResult(result: EvaluationResult): void {
    // On the page's performance timeline, for the host's own metrics and bench/startup.mjs: when guidance first
    // could show (decisions on loaded packs and a patient). Names and times only, never content or patient data.
    if (!this.#firstDecisions && result.changed.some((d) => d.show)) {
      this.#firstDecisions = true;
      performance.mark('ehr-guide:first-decisions');
    }
    for (const decision of result.changed) {
      const base = { itemId: decision.itemId, kind: decision.kind, version: decision.version };
      if (decision.show) this.emit('ehr-guide-match', base);
      else this.emit('ehr-guide-suppressed', { ...base, reason: decision.reason!, detail: decision.detail ?? '' });
    }
  }

  #onProblem(problem: { code: ProblemCode; message: string; itemId?: string; path?: string }): void {
    this.problem(problem.code, problem.message, { itemId: problem.itemId, path: problem.path });
  }

  override render() {
    return html`<slot></slot>`;
  }
}
