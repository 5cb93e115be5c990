import type { Fact } from './read-statements.js';
import { Suppressor, Tally, type Count } from './tally.js';

/**
 * The governance and learning report's figures, from the facts of ehr-guide's learning records: per AI model
 * (agree / override, reasons, by population fit, role and month; accept / edit / reject of AI content), per lesson
 * and tour (learners, pass rates, scores, time), per pushed item (shown, Got it, Don't show again, snoozed — the
 * most rejected flagged for review), coverage of each role, and items past or near their review-by date. Pure; the
 * same figures for `<ehr-guide-report>` and `ehr-guide report`.
 */
export interface ReportOptions {
  /** Only statements at or after / before these instants (ISO 8601). */
  since?: string;
  until?: string;
  role?: string;
  model?: string;
  /** The smallest number of learners a figure may come from (default 5). */
  minCell?: number;
  /** The packs' items (for titles, review-by dates and who each lesson or tour is for). */
  items?: ReadonlyArray<{ id: string; kind: string; title?: string; reviewBy?: string; audience?: { roles?: readonly string[] } }>;
  /** Today (YYYY-MM-DD), for review-by dates. */
  today?: string;
  /** A pushed item is flagged when at least this share of its showings end in "Don't show again" (default 0.3). */
  rejectShare?: number;
}

export interface ModelFigures {
  modelId: string;
  learners: Count;
  /** Outputs whose explanation a clinician opened. */
  explained: Count;
  agree: Count;
  override: Count;
  overrideRate: number | null;
  accept: Count;
  edit: Count;
  reject: Count;
  reasons: Array<{ code: string; display?: string; count: Count }>;
  byPopulation: Record<string, { agree: Count; override: Count }>;
  byRole: Record<string, { agree: Count; override: Count }>;
  byMonth: Record<string, { agree: Count; override: Count }>;
}

export interface LearningFigures {
  itemId: string;
  kind: 'lesson' | 'tour';
  title?: string;
  learners: Count;
  attempts: Count;
  /** Learners who passed (lessons) or completed (tours). */
  completed: Count;
  completionRate: number | null;
  meanScore: number | null;
  medianMinutes: number | null;
  byRole: Record<string, { learners: Count; completed: Count }>;
}

export interface ItemFigures {
  itemId: string;
  kind: string;
  title?: string;
  shown: Count;
  gotIt: Count;
  never: Count;
  snoozed: Count;
  neverRate: number | null;
  /** Clinicians reject it often: content to review. */
  flagged: boolean;
}

export interface Report {
  period: { since?: string; until?: string };
  minCell: number;
  statements: { counted: number; skipped: Record<string, number> };
  models: ModelFigures[];
  learning: LearningFigures[];
  items: ItemFigures[];
  coverage: Array<{ role: string; learners: Count; items: Array<{ itemId: string; kind: string; covered: Count }> }>;
  reviews: Array<{ itemId: string; title?: string; reviewBy: string; status: 'past' | 'due' }>;
  /** How many figures were withheld for coming from too few learners. */
  suppressed: number;
}

const month = (at: string | undefined) => at?.slice(0, 7) ?? 'unknown';
const median = (xs: number[]) => {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function aggregateReport(facts: readonly Fact[], options: ReportOptions = {}, skipped: Record<string, number> = {}): Report {
  const minCell = Math.max(1, Math.floor(options.minCell ?? 5));
  const sup = new Suppressor(minCell);
  const since = options.since ? Date.parse(options.since) : -Infinity;
  const until = options.until ? Date.parse(options.until) : Infinity;
  const kept = facts.filter((f) => {
    const t = f.at ? Date.parse(f.at) : NaN;
    if ((options.since || options.until) && !(t >= since && t <= until)) return false;
    if (options.role && f.role !== options.role) return false;
    // The model filter narrows the models section only; learning and items keep every fact.
    if (options.model && f.kind === 'ai' && f.modelId !== options.model) return false;
    return true;
  });
  const titles = new Map((options.items ?? []).map((i) => [i.id, i.title]));
  const t = new Tally();
  const scores = new Map<string, { sum: number; n: number }>();
  const minutes = new Map<string, number[]>();
  const reasonDisplay = new Map<string, string>();
  // Who finished each lesson or tour (overall and by role): sets, not tally keys, so large inputs stay linear.
  const done = new Map<string, Set<string>>();
  const finish = (key: string, learner: string) => {
    let set = done.get(key);
    if (!set) done.set(key, (set = new Set()));
    set.add(learner);
  };
  for (const f of kept) {
    if (f.kind === 'ai') {
      const m = `ai|${f.modelId}`;
      t.add(`${m}|learners`, f.learner, 0);
      t.add(`${m}|${f.outcome}`, f.learner);
      if (f.outcome === 'agree' || f.outcome === 'override') {
        t.add(`${m}|pop|${f.population ?? 'not-recorded'}|${f.outcome}`, f.learner);
        t.add(`${m}|role|${f.role ?? 'not-recorded'}|${f.outcome}`, f.learner);
        t.add(`${m}|month|${month(f.at)}|${f.outcome}`, f.learner);
      }
      if (f.reason) {
        t.add(`${m}|reason|${f.reason.code}`, f.learner);
        if (f.reason.display) reasonDisplay.set(`${m}|reason|${f.reason.code}`, f.reason.display);
      }
    } else if (f.kind === 'lesson' || f.kind === 'tour') {
      const k = `learn|${f.kind}|${f.itemId}`;
      t.add(`${k}|learners`, f.learner, 0);
      t.add(`${k}|attempts`, f.learner);
      t.add(`${k}|role|${f.role ?? 'not-recorded'}`, f.learner, 0);
      if (f.kind === 'tour' || f.passed) {
        finish(`${k}|done`, f.learner);
        finish(`${k}|roledone|${f.role ?? 'not-recorded'}`, f.learner);
      }
      if (f.kind === 'lesson' && f.score !== undefined) {
        const s = scores.get(k) ?? { sum: 0, n: 0 };
        scores.set(k, { sum: s.sum + f.score, n: s.n + 1 });
      }
      if (f.durationMs !== undefined) minutes.set(k, [...(minutes.get(k) ?? []), f.durationMs / 60000]);
    } else {
      const k = `item|${f.itemKind}|${f.itemId}`;
      t.add(`${k}|${f.event}`, f.learner);
    }
  }
  const distinct = (key: string) => {
    const n = done.get(key)?.size ?? 0;
    return { n, learners: n };
  };

  const models: ModelFigures[] = [...new Set(t.keys('ai|').map((k) => k.split('|')[1]))].sort().map((modelId) => {
    const m = `ai|${modelId}`;
    const c = (suffix: string) => sup.count(t.raw(`${m}|${suffix}`));
    const learners = sup.count({ n: t.raw(`${m}|learners`).learners, learners: t.raw(`${m}|learners`).learners });
    const agree = c('agree');
    const override = c('override');
    const groups = (kind: string) => {
      const out: Record<string, { agree: Count; override: Count }> = {};
      for (const key of new Set(t.keys(`${m}|${kind}|`).map((k) => k.split('|')[3]))) out[key] = { agree: c(`${kind}|${key}|agree`), override: c(`${kind}|${key}|override`) };
      return out;
    };
    return {
      modelId,
      learners,
      explained: c('explained'),
      agree,
      override,
      overrideRate: sup.rate(override, agree === null || override === null ? null : agree + override),
      accept: c('accept'),
      edit: c('edit'),
      reject: c('reject'),
      reasons: t
        .keys(`${m}|reason|`)
        .map((k) => ({ code: k.split('|')[3], ...(reasonDisplay.has(k) ? { display: reasonDisplay.get(k) } : {}), count: sup.count(t.raw(k)) }))
        .sort((a, b) => (b.count ?? -1) - (a.count ?? -1) || a.code.localeCompare(b.code)),
      byPopulation: groups('pop'),
      byRole: groups('role'),
      byMonth: groups('month'),
    };
  });

  const learning: LearningFigures[] = [...new Set(t.keys('learn|').map((k) => k.split('|').slice(1, 3).join('|')))].sort().map((id) => {
    const [kind, itemId] = id.split('|') as ['lesson' | 'tour', string];
    const k = `learn|${id}`;
    const learners = sup.count({ n: t.raw(`${k}|learners`).learners, learners: t.raw(`${k}|learners`).learners });
    const completed = sup.count(distinct(`${k}|done`));
    const s = scores.get(k);
    const shown = learners !== null;
    const byRole: LearningFigures['byRole'] = {};
    for (const role of new Set(t.keys(`${k}|role|`).map((x) => x.split('|')[4]))) {
      const r = t.raw(`${k}|role|${role}`);
      byRole[role] = { learners: sup.count({ n: r.learners, learners: r.learners }), completed: sup.count(distinct(`${k}|roledone|${role}`)) };
    }
    const med = median(minutes.get(k) ?? []);
    return {
      itemId,
      kind,
      ...(titles.get(itemId) ? { title: titles.get(itemId) } : {}),
      learners,
      attempts: sup.count(t.raw(`${k}|attempts`)),
      completed,
      completionRate: sup.rate(completed, learners),
      meanScore: shown && s?.n ? s.sum / s.n : null,
      medianMinutes: shown && med !== undefined ? Math.round(med * 10) / 10 : null,
      byRole,
    };
  });

  const rejectShare = options.rejectShare ?? 0.3;
  const items: ItemFigures[] = [...new Set(t.keys('item|').map((k) => k.split('|').slice(1, 3).join('|')))].sort().map((id) => {
    const [kind, itemId] = id.split('|');
    const c = (event: string) => sup.count(t.raw(`item|${id}|${event}`));
    const shown = c('shown');
    const never = c('never');
    const neverRate = sup.rate(never, shown);
    return { itemId, kind, ...(titles.get(itemId) ? { title: titles.get(itemId) } : {}), shown, gotIt: c('got-it'), never, snoozed: c('snoozed'), neverRate, flagged: neverRate !== null && neverRate >= rejectShare };
  });

  // Coverage: for each role seen, how many of its learners finished each lesson and tour meant for it.
  const roles = [...new Set(kept.map((f) => f.role).filter((r): r is string => !!r))].sort();
  const coverage = roles.map((role) => {
    const learnersOfRole = new Set(kept.filter((f) => f.role === role).map((f) => f.learner));
    const meant = (options.items ?? []).filter((i) => (i.kind === 'lesson' || i.kind === 'tour') && (!i.audience?.roles || i.audience.roles.includes(role)));
    return {
      role,
      learners: sup.count({ n: learnersOfRole.size, learners: learnersOfRole.size }),
      items: meant.map((i) => ({ itemId: i.id, kind: i.kind, covered: sup.count(distinct(`learn|${i.kind}|${i.id}|roledone|${role}`)) })),
    };
  });

  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  const reviews = (options.items ?? [])
    .filter((i) => i.reviewBy && i.reviewBy <= soon)
    .map((i) => ({ itemId: i.id, ...(i.title ? { title: i.title } : {}), reviewBy: i.reviewBy!, status: i.reviewBy! < today ? ('past' as const) : ('due' as const) }))
    .sort((a, b) => a.reviewBy.localeCompare(b.reviewBy));

  return {
    period: { ...(options.since ? { since: options.since } : {}), ...(options.until ? { until: options.until } : {}) },
    minCell,
    statements: { counted: kept.length, skipped },
    models,
    learning,
    items,
    coverage,
    reviews,
    suppressed: sup.suppressed,
  };
}
