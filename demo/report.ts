// The demo intranet's report page: <ehr-guide-report> over the sandbox LRS, and a scripted clinic month — the
// statements ehr-guide's own recorder makes (AI feedback, lessons, tours, tips shown and dismissed) for 40
// pseudonymous clinicians, seeded so every run records the same month — posted to the LRS like the library does.
import '../src/define/ehr-guide-report.js';
import { aiFeedbackStatement, itemStatement, lessonStatement, tourStatement, withRole, type XapiStatement } from '../src/core/records/statements.js';

function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One month of a 40-clinician ward using the demo's packs. */
export function scriptedMonth(homePage: string, seed = 42): XapiStatement[] {
  const random = seeded(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const roles = ['physician', 'physician', 'resident', 'nurse', 'nurse', 'nurse', 'pharmacist'] as const;
  const clinicians = Array.from({ length: 40 }, (_, i) => ({ learner: { homePage, name: `demo-clinician-${String(i + 1).padStart(2, '0')}` }, role: pick(roles) }));
  const month = new Date();
  const at = () => new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), 1 + Math.floor(random() * 27), 8 + Math.floor(random() * 10))).toISOString();
  const out: XapiStatement[] = [];
  for (const { learner, role } of clinicians) {
    for (let n = 0; n < 6; n++) {
      const sepsis = random() < 0.6;
      const override = random() < (sepsis ? 0.45 : 0.2);
      const population = pick(['inside', 'inside', 'inside', 'outside', 'cannot-tell'] as const);
      const reason = override ? pick([{ code: 'clinical-judgement', display: 'My assessment of the patient differs' }, { code: 'data-wrong', display: 'The data the score used is wrong or out of date' }, { code: 'outside-population', display: "Patient is outside the model's intended population" }]) : undefined;
      out.push({ ...withRole(aiFeedbackStatement({ modelId: sepsis ? 'example-sepsis-model' : 'example-deterioration-index', outcome: override ? 'override' : 'agree', source: 'risk-assessment', population, ...(reason ? { reason: { system: 'https://ehr-guide.dev/CodeSystem/ai-override-reason', ...reason } } : {}) }, learner), role), timestamp: at() });
    }
    if (random() < 0.8) {
      const score = pick([0.5, 1, 1, 1]);
      out.push({ ...withRole(lessonStatement({ itemId: 'lesson.reading-a-risk-score', version: '1.0.0', title: 'Reading a risk score (2 minutes)', score, passed: score >= 0.8, durationMs: 90_000 + Math.floor(random() * 90_000) }, learner), role), timestamp: at() });
    }
    if (random() < 0.6) out.push({ ...withRole(tourStatement({ itemId: 'tour.order-entry', version: '1.0.0', title: 'Order entry in three steps', durationMs: 40_000 + Math.floor(random() * 40_000) }, learner), role), timestamp: at() });
    for (const tip of ['orders.sign-check', 'ai.reading-a-score', 'docs.smartphrases']) {
      out.push({ ...withRole(itemStatement('shown', { itemId: tip, version: '1.0.0', title: tip, kind: 'tip' }, learner), role), timestamp: at() });
      const r = random();
      const event = tip === 'docs.smartphrases' ? (r < 0.55 ? 'never' : 'got-it') : r < 0.1 ? 'never' : r < 0.25 ? 'snoozed' : 'got-it';
      out.push({ ...withRole(itemStatement(event, { itemId: tip, version: '1.0.0', title: tip, kind: 'tip' }, learner), role), timestamp: at() });
    }
  }
  return out.map((st) => ({ ...st, id: crypto.randomUUID() }));
}

document.getElementById('scripted-run')?.addEventListener('click', async () => {
  const status = document.getElementById('run-status')!;
  const statements = scriptedMonth(location.origin);
  status.textContent = `Recording ${statements.length} statements…`;
  const response = await fetch('/__sandbox/xapi/statements', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' }, body: JSON.stringify(statements) });
  status.textContent = response.ok ? `${statements.length} statements recorded in the sandbox LRS.` : `The LRS refused them (HTTP ${response.status}).`;
  const report = document.querySelector('ehr-guide-report')!;
  report.lrsEndpoint = `/__sandbox/xapi/statements?t=${Date.now()}`;
});
