import { valueSetMap, type ConditionEvaluator, type ConditionResult, type EvaluationData } from './evaluator.js';

/**
 * Evaluates conditions in this thread, loading fhirpath on first use. For Node (the CLI, server-side tools) and
 * for environments without module workers; browsers use WorkerEvaluator.
 */
export class InlineEvaluator implements ConditionEvaluator {
  #core?: Promise<typeof import('./fhirpath-core.js')>;
  #sets?: Map<string, Set<string>>;
  #setsVersion = -1;

  #load() {
    return (this.#core ??= import('./fhirpath-core.js'));
  }

  async evaluate(expressions: readonly string[], data: EvaluationData): Promise<ConditionResult[]> {
    if (expressions.length === 0) return [];
    const core = await this.#load();
    const version = data.versions.valueSets ?? 0;
    if (this.#setsVersion !== version || !this.#sets) {
      this.#sets = valueSetMap(data.valueSets);
      this.#setsVersion = version;
    }
    return core.evaluateExpressions(expressions, { patient: data.patient, encounter: data.encounter, user: data.user, resources: data.resources, valueSets: this.#sets });
  }

  async check(expressions: readonly string[]): Promise<Array<string | undefined>> {
    const core = await this.#load();
    return expressions.map(core.checkExpression);
  }

  dispose(): void {}
}
