// Report aggregation time: 10,000 and 100,000 generated learning records (the statements ehr-guide's own builders
// make) read and aggregated by the report core — the work <ehr-guide-report>'s worker does — median of 5 runs
// each, in Node (the same code the worker runs). Writes its figures into bench/results.json.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const core = await import(join(root, 'dist/core/index.js'));

function seeded(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function statements(n) {
  const random = seeded(n);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const learners = Array.from({ length: 2000 }, (_, i) => ({ learner: { homePage: 'https://hospital.example', name: `l${i}` }, role: pick(['physician', 'nurse', 'pharmacist', 'resident']) }));
  const out = [];
  for (let i = 0; i < n; i++) {
    const { learner, role } = pick(learners);
    const r = random();
    const st =
      r < 0.4
        ? core.aiFeedbackStatement({ modelId: pick(['example-sepsis-model', 'example-deterioration-index', 'example-ich-triage']), outcome: random() < 0.3 ? 'override' : 'agree', source: 'risk-assessment', population: pick(['inside', 'outside', 'cannot-tell']), reason: { code: pick(['clinical-judgement', 'data-wrong']) } }, learner)
        : r < 0.6
          ? core.lessonStatement({ itemId: pick(['lesson.reading-a-risk-score', 'lesson.automation-bias']), version: '1.0.0', title: 't', score: pick([0.5, 1]), passed: random() < 0.8, durationMs: 100000 }, learner)
          : core.itemStatement(pick(['shown', 'shown', 'got-it', 'never', 'snoozed']), { itemId: pick(['orders.sign-check', 'ai.reading-a-score', 'docs.smartphrases']), version: '1.0.0', title: 't', kind: 'tip' }, learner);
    out.push({ ...core.withRole(st, role), timestamp: new Date(Date.UTC(2026, Math.floor(random() * 12), 1 + Math.floor(random() * 27))).toISOString() });
  }
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = {};
for (const n of [10_000, 100_000]) {
  const input = statements(n);
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const { facts, skipped } = core.readStatements(input);
    core.aggregateReport(facts, { minCell: 5 }, skipped);
    runs.push(performance.now() - t0);
  }
  results[n] = { medianMs: Math.round(median(runs) * 10) / 10, runsMs: runs.map((r) => Math.round(r)) };
  console.log(`report: ${n.toLocaleString('en')} statements read and aggregated in ${results[n].medianMs} ms (median of 5; ${runs.map((r) => Math.round(r)).join(', ')} ms)`);
}
const file = join(root, 'bench/results.json');
const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
all.reportAggregation = { date: new Date().toISOString(), runtime: `Node ${process.version}`, results };
writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
