import type { FatiguePolicy } from '../fatigue/policy.js';
import type { Decision } from '../fatigue/decisions.js';
import type { LoadedItem } from '../packs/load-pack.js';
import type { ProgressState, ItemProgress } from '../progress/progress.js';
import { dayOf, progressKey } from '../progress/progress.js';

export interface GuardInput {
  /** Items whose audience, workflow and conditions all hold, with their provisional decision. */
  candidates: Array<{ item: LoadedItem; decision: Decision }>;
  progress: Readonly<ProgressState>;
  policy: FatiguePolicy;
  now: number;
  workflow: string | undefined;
  /** Items currently on screen: they keep their place instead of competing again. */
  showing: ReadonlySet<string>;
}

/** Whether an item interrupts: pushed by the engine and not a hover/focus tooltip. */
export function isIntrusive(item: LoadedItem): boolean {
  if (item.unsolicited === false || item.kind === 'checklist') return false; // a checklist is a list the host places, never pushed
  return !(item.kind === 'tip' && item.presentation === 'tooltip');
}

/**
 * The alert-fatigue guard: turns matching items into decisions. Per-item rules first (don't show again, "Got it"
 * this session, snooze, caps per session, day and in total), then the page-wide rules for intrusive items (quiet
 * workflow points, the session budget, the minimum interval, how many new ones at once), highest priority first.
 * Mutates the decisions it is given and returns them sorted by priority.
 */
export function applyGuard({ candidates, progress, policy, now, workflow, showing }: GuardInput): Decision[] {
  const sorted = [...candidates].sort((a, b) => b.decision.priority - a.decision.priority || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
  const today = dayOf(now);
  const session = progress.session;
  let budgetLeft = policy.sessionBudget - session.unsolicited;
  let admitted = 0;
  const intervalOpen = session.lastUnsolicitedAt === undefined || now - session.lastUnsolicitedAt >= policy.minIntervalMs;
  const quiet = workflow !== undefined && policy.quietWorkflows.includes(workflow);
  for (const { item, decision } of sorted) {
    const record: ItemProgress | undefined = progress.items[progressKey(item.id, item.version)];
    const onScreen = showing.has(item.id);
    const suppress = (reason: Decision['reason'], detail: string) => {
      decision.show = false;
      decision.reason = reason;
      decision.detail = detail;
    };
    if (record?.dismissed !== undefined) {
      suppress('dismissed', `"Don't show again" on ${dayOf(record.dismissed)} (version ${record.version}); a new major version shows again`);
      continue;
    }
    if (record?.dismissedSession === progress.session.id) {
      suppress('dismissed-this-session', '"Got it" earlier in this session');
      continue;
    }
    if (record?.snoozedUntil !== undefined && record.snoozedUntil > now) {
      suppress('snoozed', `snoozed until ${new Date(record.snoozedUntil).toISOString()}`);
      continue;
    }
    if (policy.onRequest) {
      decision.show = true; // asked for: relevance and the clinician's own dismissals are all that count
      continue;
    }
    if (decision.intrusive && quiet) {
      suppress('quiet-period', `nothing unsolicited at ${workflow} (policy.quietWorkflows)`);
      continue;
    }
    if (onScreen) {
      decision.show = true; // already counted when it appeared
      continue;
    }
    const freq = { ...policy.defaultFrequency, ...item.frequency };
    const sessionSeen = record && record.session === session.id ? record.sessionSeen : 0;
    if (sessionSeen >= freq.perSession) {
      suppress('cap-session', `shown ${sessionSeen} time(s) this session; cap is ${freq.perSession}`);
      continue;
    }
    const daySeen = record?.days[today] ?? 0;
    if (daySeen >= freq.perDay) {
      suppress('cap-day', `shown ${daySeen} time(s) today; cap is ${freq.perDay}`);
      continue;
    }
    if ((record?.seen ?? 0) >= freq.total) {
      suppress('cap-total', `shown ${record!.seen} time(s) in all; cap is ${freq.total}`);
      continue;
    }
    if (decision.intrusive) {
      if (budgetLeft <= 0) {
        suppress('session-budget', `${session.unsolicited} unsolicited tip(s) shown this session; budget is ${policy.sessionBudget}`);
        continue;
      }
      if (!intervalOpen) {
        suppress('min-interval', `last unsolicited tip ${Math.round((now - session.lastUnsolicitedAt!) / 1000)} s ago; minimum interval is ${Math.round(policy.minIntervalMs / 1000)} s`);
        continue;
      }
      if (admitted >= policy.maxNewAtOnce) {
        suppress('outranked', `a higher-priority tip was admitted first (at most ${policy.maxNewAtOnce} new at once)`);
        continue;
      }
      admitted++;
      budgetLeft--;
    }
    decision.show = true;
  }
  return sorted.map((c) => c.decision);
}
