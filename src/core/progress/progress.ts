import { WORKFLOW_PATTERN } from '../patterns.js';

/**
 * What a learner has seen, dismissed, snoozed, completed and scored — per item and per major version, because a
 * new major version of an item is a material change and shows again. Only ids, versions, counts, timestamps and
 * scores are kept: never patient data, never the learner's name.
 */
export interface ItemProgress {
  /** Latest full version of the item seen. */
  version: string;
  seen: number;
  /** Shows per day (YYYY-MM-DD, the learner's local day), last few days only. */
  days: Record<string, number>;
  /** The session the per-session counters belong to. */
  session?: string;
  sessionSeen: number;
  lastSeen?: number;
  /** "Don't show again" (epoch ms). */
  dismissed?: number;
  /** "Got it" in this session: gone until the next session. */
  dismissedSession?: string;
  snoozedUntil?: number;
  completed?: number;
  /** Latest score, 0–1, and whether it passed. */
  score?: number;
  passed?: boolean;
  attempts?: number;
}

/** Where a running tour stands, so it resumes after the host navigates or the page reloads. */
export interface TourPosition {
  /** The tour's full version when it was saved: another version starts afresh. */
  version: string;
  index: number;
  /** Steps skipped because their control was missing. */
  skipped: number[];
  /** When the tour started and when the position was saved (epoch ms). */
  startedAt: number;
  savedAt: number;
}

export interface ProgressState {
  format: 'ehr-guide-progress/1';
  learnerId: string;
  /** Keyed by `${itemId}@${major}`. */
  items: Record<string, ItemProgress>;
  session: { id: string; unsolicited: number; lastUnsolicitedAt?: number };
  /** Workflow points (screens) visited: when first, and in which session (for `when.firstVisit`). */
  screens: Record<string, { first: number; session: string }>;
  /** Running tours, keyed like items. */
  tours: Record<string, TourPosition>;
  /** Checklist entries done (entry id → epoch ms), keyed like items. */
  checklists: Record<string, Record<string, number>>;
}

/** Whether an item counts as done: completed, and not failed (a lesson tried and not passed is not done). */
export function isDone(progress: Readonly<ItemProgress> | undefined): boolean {
  return progress?.completed !== undefined && progress.passed !== false;
}

export function majorOf(version: string): string {
  return version.split('.')[0] ?? '0';
}

export function progressKey(itemId: string, version: string): string {
  return `${itemId}@${majorOf(version)}`;
}

export function dayOf(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function emptyProgress(learnerId: string, sessionId: string): ProgressState {
  return { format: 'ehr-guide-progress/1', learnerId, items: {}, session: { id: sessionId, unsolicited: 0 }, screens: {}, tours: {}, checklists: {} };
}

/** Reads a stored state defensively: anything malformed is dropped rather than trusted. */
export function reviveProgress(raw: string | null | undefined, learnerId: string, sessionId: string): ProgressState {
  const state = emptyProgress(learnerId, sessionId);
  if (!raw) return state;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return state;
  }
  const p = parsed as Partial<ProgressState>;
  if (p?.format !== 'ehr-guide-progress/1' || typeof p.items !== 'object' || p.items === null) return state;
  for (const [key, value] of Object.entries(p.items)) {
    if (!/^[a-z0-9][a-z0-9._-]*@\d+$/.test(key) || typeof value !== 'object' || value === null) continue;
    const item = value as ItemProgress;
    state.items[key] = {
      version: typeof item.version === 'string' ? item.version : '0.0.0',
      seen: Number.isFinite(item.seen) ? item.seen : 0,
      days: typeof item.days === 'object' && item.days ? Object.fromEntries(Object.entries(item.days).filter(([d, n]) => /^\d{4}-\d{2}-\d{2}$/.test(d) && Number.isFinite(n))) : {},
      session: typeof item.session === 'string' ? item.session : undefined,
      sessionSeen: item.session === sessionId && Number.isFinite(item.sessionSeen) ? item.sessionSeen : 0,
      lastSeen: Number.isFinite(item.lastSeen) ? item.lastSeen : undefined,
      dismissed: Number.isFinite(item.dismissed) ? item.dismissed : undefined,
      dismissedSession: typeof item.dismissedSession === 'string' ? item.dismissedSession : undefined,
      snoozedUntil: Number.isFinite(item.snoozedUntil) ? item.snoozedUntil : undefined,
      completed: Number.isFinite(item.completed) ? item.completed : undefined,
      score: Number.isFinite(item.score) ? item.score : undefined,
      passed: typeof item.passed === 'boolean' ? item.passed : undefined,
      attempts: Number.isFinite(item.attempts) ? item.attempts : undefined,
    };
  }
  const KEY = /^[a-z0-9][a-z0-9._-]*@\d+$/;
  const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
  for (const [screen, visit] of Object.entries(record(p.screens))) {
    const { first, session } = record(visit);
    if (WORKFLOW_PATTERN.test(screen) && finite(first) && typeof session === 'string') state.screens[screen] = { first, session };
  }
  for (const [key, raw] of Object.entries(record(p.tours))) {
    const t = record(raw);
    if (!KEY.test(key) || typeof t.version !== 'string' || !Number.isInteger(t.index) || (t.index as number) < 0 || !finite(t.startedAt) || !finite(t.savedAt)) continue;
    const skipped = Array.isArray(t.skipped) ? t.skipped.filter((n): n is number => Number.isInteger(n) && n >= 0) : [];
    state.tours[key] = { version: t.version, index: t.index as number, skipped, startedAt: t.startedAt, savedAt: t.savedAt };
  }
  for (const [key, raw] of Object.entries(record(p.checklists))) {
    if (!KEY.test(key)) continue;
    const done = Object.fromEntries(Object.entries(record(raw)).filter(([id, at]) => /^[a-z0-9][a-z0-9._-]{0,127}$/.test(id) && finite(at)));
    state.checklists[key] = done as Record<string, number>;
  }
  if (p.session && p.session.id === sessionId) {
    state.session = { id: sessionId, unsolicited: Number(p.session.unsolicited) || 0, lastUnsolicitedAt: Number.isFinite(p.session.lastUnsolicitedAt) ? p.session.lastUnsolicitedAt : undefined };
  }
  return state;
}

/** `value` as a plain record of its own entries (anything else: empty). */
function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
