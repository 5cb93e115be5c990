import type { ConditionEvaluator, ConditionResult, EvaluationData } from './evaluator.js';

/**
 * Evaluates conditions in this thread, loading fhirpath on first use. For Node (the CLI, server-side tools) and
 * for environments without module workers; browsers use WorkerEvaluator.
 */
export class InlineEvaluator implements ConditionEvaluator {
  #core?: Promise<typeof import('./fhirpath-core.js')>;

  #load() {
    return (this.#core ??= import('./fhirpath-core.js'));
  }

  async evaluate(expressions: readonly string[], data: EvaluationData): Promise<ConditionResult[]> {
    if (expressions.length === 0) return [];
    const core = await this.#load();
    return core.evaluateExpressions(expressions, { patient: data.patient, encounter: data.encounter, user: data.user, resources: data.resources });
  }

  async check(expressions: readonly string[]): Promise<Array<string | undefined>> {
    const core = await this.#load();
    return expressions.map(core.checkExpression);
  }

  dispose(): void {}
}
