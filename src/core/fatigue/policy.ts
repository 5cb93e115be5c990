/**
 * The alert-fatigue guard's settings. Defaults are protective: clinicians see few unsolicited tips, never during
 * order signing, never two new ones within a minute, and the same tip at most once a session.
 */
export interface FatiguePolicy {
  /** Unsolicited tips a clinician may be shown in one session. */
  sessionBudget: number;
  /** Minimum time between two new unsolicited tips, in ms. */
  minIntervalMs: number;
  /** New unsolicited tips admitted in one evaluation (the highest priorities win). */
  maxNewAtOnce: number;
  /** Workflow points where nothing unsolicited shows (CDS Hooks hook names or screen ids). */
  quietWorkflows: readonly string[];
  /** Frequency caps for items that do not set their own. */
  defaultFrequency: { perSession: number; perDay: number; total: number; snoozeMinutes: number };
  /** Hide items past their review-by date (they are always reported by the validator). */
  hideExpired: boolean;
  /**
   * For a surface the clinician opened on purpose (a help panel, the SMART app): everything relevant shows, and
   * caps, budget, interval and quiet periods do not apply; "Don't show again", "Got it" and snoozes still do.
   */
  onRequest: boolean;
}

export const DEFAULT_POLICY: Readonly<FatiguePolicy> = Object.freeze({
  sessionBudget: 6,
  minIntervalMs: 60_000,
  maxNewAtOnce: 1,
  quietWorkflows: Object.freeze(['order-sign']),
  defaultFrequency: Object.freeze({ perSession: 1, perDay: 2, total: 5, snoozeMinutes: 240 }),
  hideExpired: false,
  onRequest: false,
});

export function resolvePolicy(patch: Partial<FatiguePolicy> = {}): FatiguePolicy {
  const policy: FatiguePolicy = { ...DEFAULT_POLICY, ...patch, defaultFrequency: { ...DEFAULT_POLICY.defaultFrequency, ...patch.defaultFrequency } };
  const nonNegative = (name: string, value: number) => {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`policy.${name} must be a number ≥ 0, got ${value}`);
  };
  nonNegative('sessionBudget', policy.sessionBudget);
  nonNegative('minIntervalMs', policy.minIntervalMs);
  nonNegative('maxNewAtOnce', policy.maxNewAtOnce);
  for (const [key, value] of Object.entries(policy.defaultFrequency)) nonNegative(`defaultFrequency.${key}`, value);
  if (!Array.isArray(policy.quietWorkflows)) throw new TypeError('policy.quietWorkflows must be an array of workflow points');
  return policy;
}
