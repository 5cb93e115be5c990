import { aiFeedbackStatement, itemStatement, lessonStatement, withRole, type XapiStatement } from '../../../src/core/records/statements.js';

/** A seeded PRNG (mulberry32): the same "random" clinicians on every run. */
function prng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const HOME = 'https://hospital.example.org';
export type Event =
  | { kind: 'ai'; learner: string; role: string; at: string; model: string; outcome: 'agree' | 'override'; population: 'inside' | 'outside' | 'cannot-tell'; reason?: string }
  | { kind: 'lesson'; learner: string; role: string; at: string; itemId: string; passed: boolean; score: number; ms: number }
  | { kind: 'item'; learner: string; role: string; at: string; itemId: string; event: 'shown' | 'got-it' | 'never' | 'snoozed' };

/** Events as plain records, and the statements the library would send for them. */
export function generate(n: number, seed = 7) {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const roles = ['physician', 'nurse', 'pharmacist'] as const;
  const learners = Array.from({ length: 40 }, (_, i) => ({ name: `learner-${i}`, role: pick(roles) }));
  const events: Event[] = [];
  for (let i = 0; i < n; i++) {
    const l = pick(learners);
    const at = new Date(Date.UTC(2026, 8 + Math.floor(random() * 3), 1 + Math.floor(random() * 27), 10)).toISOString();
    const r = random();
    if (r < 0.45) {
      const outcome = random() < 0.3 ? 'override' : 'agree';
      events.push({ kind: 'ai', learner: l.name, role: l.role, at, model: pick(['example-sepsis-model', 'example-deterioration-index']), outcome, population: pick(['inside', 'outside', 'cannot-tell'] as const), ...(outcome === 'override' ? { reason: pick(['clinical-judgement', 'data-wrong', 'outside-population']) } : {}) });
    } else if (r < 0.7) {
      const score = Math.round(random() * 4) / 4;
      events.push({ kind: 'lesson', learner: l.name, role: l.role, at, itemId: pick(['lesson.reading-a-risk-score', 'lesson.automation-bias']), passed: score >= 0.75, score, ms: Math.round(60_000 + random() * 120_000) });
    } else {
      events.push({ kind: 'item', learner: l.name, role: l.role, at, itemId: pick(['ai.reading-a-score', 'orders.sign-check']), event: pick(['shown', 'shown', 'shown', 'got-it', 'never', 'snoozed'] as const) });
    }
  }
  const statements: XapiStatement[] = events.map((e) => {
    const learner = { homePage: HOME, name: e.learner };
    const st =
      e.kind === 'ai'
        ? aiFeedbackStatement({ modelId: e.model, outcome: e.outcome, source: 'risk-assessment', population: e.population, ...(e.reason ? { reason: { code: e.reason, display: `because ${e.reason}` } } : {}) }, learner)
        : e.kind === 'lesson'
          ? lessonStatement({ itemId: e.itemId, version: '1.0.0', title: e.itemId, score: e.score, passed: e.passed, durationMs: e.ms }, learner)
          : itemStatement(e.event, { itemId: e.itemId, version: '1.0.0', title: e.itemId, kind: 'tip' }, learner);
    return { ...withRole(st, e.role), timestamp: e.at };
  });
  return { events, statements };
}

/** The expected count by hand: events matching, shown only when 5 or more learners are behind them (0 stays 0). */
export function expected(events: Event[], match: (e: Event) => boolean): number | null {
  const hits = events.filter(match);
  const learners = new Set(hits.map((e) => e.learner)).size;
  return learners > 0 && learners < 5 ? null : hits.length;
}
