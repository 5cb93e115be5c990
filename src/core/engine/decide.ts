import type { GuideContext } from '../context/context.js';
import type { Decision } from '../fatigue/decisions.js';
import type { FatiguePolicy } from '../fatigue/policy.js';
import type { LoadedItem } from '../packs/load-pack.js';
import type { Proficiency } from '../packs/schema.js';
import { applyGuard, isIntrusive, type GuardInput } from './guard.js';
import { prefilter } from './prefilter.js';
import { deathTime } from '../context/vital-status.js';
import { EHR_VERSION_PATTERN } from '../patterns.js';

export const DEFAULT_PRIORITY = 50;

/** An item still in the running, with its provisional decision. */
export interface Candidate {
  item: LoadedItem;
  decision: Decision;
}

export interface DecideInput {
  context: GuideContext;
  proficiency: Proficiency;
  today: string;
  policy: FatiguePolicy;
  isMounted: (itemId: string) => boolean;
  /** Whether this session is the learner's first at a workflow point (for `when.firstVisit`). */
  isFirstVisitSession?: (screen: string) => boolean;
  /** Whether the learner already completed the item's current major version (a tour walked, a lesson passed). */
  isCompleted?: (item: LoadedItem) => boolean;
}

/** Compares dotted numeric versions (`2026.2` < `2026.10`); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** The onboarding and "What's new" rules of pushed items: first visit to a screen, EHR version, already done. */
function pushRules(item: LoadedItem, context: GuideContext, input: DecideInput): { reason: Decision['reason']; detail: string } | undefined {
  const when = item.when;
  if (when?.ehrVersion) {
    const version = context.ehrVersion;
    if (!version || !EHR_VERSION_PATTERN.test(version)) return { reason: 'ehr-version', detail: `applies from EHR version ${when.ehrVersion}; the host reports ${version ? `"${version}", not a dotted version` : 'no EHR version (ehr-version)'}` };
    if (compareVersions(version, when.ehrVersion) < 0) return { reason: 'ehr-version', detail: `applies from EHR version ${when.ehrVersion}; the EHR is at ${version}` };
  }
  if (when?.firstVisit) {
    const screen = context.workflow;
    if (!screen || !input.isFirstVisitSession?.(screen)) return { reason: 'not-first-visit', detail: screen ? `for a learner's first visit to ${screen}; this learner first came in an earlier session` : 'for a first visit to a screen; no workflow point is set' };
  }
  if ((item.kind === 'tour' || item.kind === 'lesson') && input.isCompleted?.(item) && !input.policy.onRequest) return { reason: 'completed', detail: `the learner already completed this ${item.kind} (version ${item.version})` };
  return undefined;
}

/**
 * The first, cheap half of a decision: every item gets a decision, and those that pass locale, workflow, audience
 * and expiry — and, when pushed, have an element on the page to show them — go on as candidates for their
 * FHIRPath conditions and the fatigue guard.
 */
export function decide(items: readonly LoadedItem[], input: DecideInput): { decisions: Decision[]; candidates: Candidate[] } {
  const { context, proficiency, today, policy, isMounted } = input;
  const decisions: Decision[] = [];
  const candidates: Candidate[] = [];
  // A patient who has died gets no unsolicited patient-specific guidance (Synthea, like real EHRs, leaves orders
  // active after death); on-request surfaces still list it.
  const deceased = deathTime(context.patient, Date.now()) !== undefined;
  for (const item of items) {
    const decision: Decision = { itemId: item.id, kind: item.kind, version: item.version, priority: item.priority ?? DEFAULT_PRIORITY, intrusive: isIntrusive(item), show: false };
    decisions.push(decision);
    const filtered = prefilter(item, context, proficiency, today, policy.hideExpired) ?? (decision.intrusive ? pushRules(item, context, input) : undefined);
    if (filtered) {
      decision.reason = filtered.reason;
      decision.detail = filtered.detail;
    } else if (deceased && decision.intrusive && !policy.onRequest && (item.when?.conditions?.length ?? 0) > 0) {
      decision.reason = 'patient-deceased';
      decision.detail = 'the record says the patient has died (Patient.deceased[x]): no unsolicited patient-specific guidance';
    } else if (decision.intrusive && !policy.onRequest && !isMounted(item.id)) {
      decision.reason = 'not-on-page';
      decision.detail = 'no element on this page renders it (pushed items compete only where they can show)';
    } else candidates.push({ item, decision });
  }
  return { decisions, candidates };
}

/**
 * The second half: the fatigue guard over the items whose conditions hold (their decisions are reset first, so
 * the guard can run again after a showing), then every decision sorted — shown first, by priority, by id.
 */
export function regard(decisions: Decision[], passing: readonly Candidate[], guard: Omit<GuardInput, 'candidates'>): Decision[] {
  for (const { decision } of passing) {
    decision.show = false;
    delete decision.reason;
    delete decision.detail;
  }
  applyGuard({ ...guard, candidates: [...passing] });
  return decisions.sort((a, b) => Number(b.show) - Number(a.show) || b.priority - a.priority || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
}
