/** A problem for authors and integrators (bad packs, failing conditions, storage trouble). Never PHI. */
export interface EngineProblem {
  code: 'pack-invalid' | 'pack-item-invalid' | 'pack-fetch-failed' | 'value-set-invalid' | 'condition-error' | 'storage' | 'evaluator' | 'records';
  message: string;
  source?: string;
  itemId?: string;
  path?: string;
}
