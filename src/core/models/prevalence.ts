/**
 * A site's prevalence of each model's outcome (model card id → proportion, 0 < p < 1), what explainers recompute
 * PPV with. Throws a RangeError naming the first invalid entry; nothing is accepted then.
 */
export function sitePrevalences(byModel: Readonly<Record<string, number>> | null | undefined): Map<string, number> {
  const result = new Map<string, number>();
  for (const [id, p] of Object.entries(byModel ?? {})) {
    if (typeof p !== 'number' || !(p > 0 && p < 1)) throw new RangeError(`local prevalence of "${id}" must be a proportion between 0 and 1 (0.05 for 5 %), got ${JSON.stringify(p)}`);
    result.set(id, p);
  }
  return result;
}
