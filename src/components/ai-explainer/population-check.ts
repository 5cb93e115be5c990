import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FhirResource } from '../../core/context/fhir-types.js';
import type { GuideApi } from '../../core/engine/guide-api.js';
import { checkPopulation, relevantSubgroups, type PopulationCheck, type RelevantSubgroup } from '../../core/models/explain.js';
import type { ModelCard } from '../../core/models/model-card.js';
import type { ConditionEvaluator } from '../../core/triggers/evaluator.js';
import { valueSetConcepts } from '../../core/vocabulary/value-sets.js';
import { WorkerEvaluator } from '../../platform/worker-evaluator.js';

/** Patient data for a standalone explainer (inside `<ehr-guide>`, the guide's live context is used). */
export interface ExplainerPatientData {
  patient?: FhirResource;
  encounter?: FhirResource;
  resources?: Record<string, readonly FhirResource[]>;
  /**
   * Value sets the card's criteria name (url → `system|code` members), or FHIR ValueSet resources with their
   * expansion; inside `<ehr-guide>` the packs' value sets are used.
   */
  valueSets?: Record<string, readonly string[]> | readonly unknown[];
}

/** The value sets of a standalone explainer as the evaluator takes them. */
function members(sets: ExplainerPatientData['valueSets']): Record<string, readonly string[]> | undefined {
  if (!sets) return undefined;
  if (!Array.isArray(sets)) return sets as Record<string, readonly string[]>;
  const out: Record<string, string[]> = {};
  for (const vs of sets as Array<{ url?: unknown }>) {
    if (typeof vs?.url !== 'string') continue;
    out[vs.url] = [...valueSetConcepts(vs, 'valueSets', []).keys()];
  }
  return out;
}

export interface PopulationSource {
  guide(): GuideApi | undefined;
  patientData(): ExplainerPatientData | undefined;
  evaluator(): ConditionEvaluator | undefined;
  workerUrl(): string | undefined;
}

/**
 * Whether this patient is inside a model's intended population, and which of its subgroups they belong to:
 * FHIRPath off the main thread (the guide's worker, or a worker of the explainer's own when it stands alone),
 * run again when the guide's record of the patient changes. A check that cannot run says "cannot tell", never
 * "not met".
 */
export class PopulationCheckController implements ReactiveController {
  population?: PopulationCheck | 'pending';
  subgroups: RelevantSubgroup[] = [];
  #run = 0;
  #key = '';
  #ownEvaluator?: ConditionEvaluator;
  #setsVersion = 0;
  #lastSets?: Record<string, readonly string[]>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: PopulationSource,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#ownEvaluator?.dispose();
    this.#ownEvaluator = undefined;
  }

  /** Whether the guide's record of the patient changed since the last check. */
  get stale(): boolean {
    return this.#recordKey() !== this.#key;
  }

  /** Checks the patient against `card` (no card: nothing to check). */
  async check(card: ModelCard | undefined): Promise<void> {
    if (!card) return;
    const run = ++this.#run;
    this.#key = this.#recordKey();
    this.#set('pending', this.subgroups);
    const guide = this.source.guide();
    const patientData = this.source.patientData();
    try {
      let result: [PopulationCheck, RelevantSubgroup[]];
      if (guide && !patientData) result = await Promise.all([guide.checkPopulation(card), guide.relevantSubgroups(card)]);
      else {
        const valueSets = members(patientData?.valueSets);
        this.#setsVersion += valueSets === this.#lastSets ? 0 : 1;
        this.#lastSets = valueSets;
        const data = { patient: patientData?.patient, encounter: patientData?.encounter, resources: patientData?.resources ?? {}, valueSets, versions: { valueSets: this.#setsVersion } };
        const evaluator = this.source.evaluator() ?? (this.#ownEvaluator ??= new WorkerEvaluator(this.source.workerUrl() ?? undefined));
        result = await Promise.all([checkPopulation(card, data, evaluator), relevantSubgroups(card, data, evaluator)]);
      }
      if (run === this.#run) this.#set(...result);
    } catch (error) {
      if (run !== this.#run) return;
      const reason = `the check could not run (${(error as Error).message})`;
      this.#set({ status: 'cannot-tell', criteria: card.population.criteria.map((c) => ({ description: c.description, result: 'unknown', reason, why: { code: 'check-failed' } })) }, []);
    }
  }

  #set(population: PopulationCheck | 'pending', subgroups: RelevantSubgroup[]): void {
    this.population = population;
    this.subgroups = subgroups;
    this.host.requestUpdate();
  }

  /** Which version of the patient's record the guide holds. */
  #recordKey(): string {
    const versions = this.source.guide()?.context.versions;
    if (!versions) return '';
    return Object.entries(versions)
      .filter(([part]) => part === 'patient' || part === 'encounter' || part.startsWith('resource:'))
      .map(([part, version]) => `${part}=${version}`)
      .join(',');
  }
}
