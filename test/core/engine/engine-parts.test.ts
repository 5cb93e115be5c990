import { expect } from '@open-wc/testing';
import { GuideEngine } from '../../../src/core/engine/engine.js';
import { applyGuard } from '../../../src/core/engine/guard.js';
import { prefilter } from '../../../src/core/engine/prefilter.js';
import { inferProficiency, ADVANCED_LESSONS, INTERMEDIATE_ITEMS_SEEN } from '../../../src/core/engine/proficiency.js';
import { ExposureTracker, REMOUNT_GRACE_MS } from '../../../src/core/engine/exposure.js';
import { StepWalker } from '../../../src/core/tours/step-walker.js';
import { createContext } from '../../../src/core/context/context.js';
import { resolvePolicy } from '../../../src/core/fatigue/policy.js';
import { loadPack, type LoadedItem } from '../../../src/core/packs/load-pack.js';
import { emptyProgress } from '../../../src/core/progress/progress.js';
import { memoryStorage } from '../../../src/core/progress/storage.js';
import type { ConditionEvaluator } from '../../../src/core/triggers/evaluator.js';
import type { Decision } from '../../../src/core/fatigue/decisions.js';

const T = new Date(2026, 10, 23, 9).getTime();
const tip = (id: string, extra: Record<string, unknown> = {}) => ({ kind: 'tip', id, version: '1.0.0', title: id, reviewBy: '2027-12-31', body: 'b', ...extra });
const pack = (items: unknown[]) => ({ format: 'ehr-guide-pack/1', id: 'parts', version: '1.0.0', title: 'Parts', locale: 'en', items });
const items = (list: unknown[]): LoadedItem[] => loadPack(pack(list), 'test').pack!.items;

/** An evaluator that counts its calls and says "true" to every condition. */
function countingEvaluator() {
  const calls: string[][] = [];
  const evaluator: ConditionEvaluator = {
    evaluate: async (expressions: readonly string[]) => {
      calls.push([...expressions]);
      return expressions.map(() => ({ ok: true as const, value: true }));
    },
    check: async () => [],
    dispose: () => undefined,
  } as unknown as ConditionEvaluator;
  return { calls, evaluator };
}

describe('engine parts', () => {
  it('a tip appearing re-runs only the guard: no FHIRPath, and subscribers hear only of changed decisions', async () => {
    const { calls, evaluator } = countingEvaluator();
    const engine = new GuideEngine({ learnerId: 'l', sessionId: 's', storage: memoryStorage(), now: () => T, createEvaluator: () => evaluator, policy: { minIntervalMs: 60_000, maxNewAtOnce: 1 } });
    engine.addPack(pack([tip('a', { priority: 90, when: { conditions: ['%patient.exists()'] } }), tip('b', { priority: 10, when: { conditions: ['%patient.exists()'] } })]));
    engine.mount('a');
    engine.mount('b');
    engine.setContext({ patient: { resourceType: 'Patient', id: 'p' } });
    const first = await engine.evaluate();
    expect(first.decisions.map((d) => `${d.itemId}:${d.show ? 'show' : d.reason}`)).to.deep.equal(['a:show', 'b:outranked']);
    expect(calls).to.have.length(1);
    const heard: string[][] = [];
    engine.subscribe((result) => heard.push(result.changed.map((d) => `${d.itemId}:${d.show ? 'show' : d.reason}`)));
    await engine.recordShown('a');
    await new Promise((r) => setTimeout(r, 20));
    // The interval started with a's showing: b is now held back by it, not outranked — and no FHIRPath ran.
    expect(calls).to.have.length(1);
    expect(heard).to.deep.equal([['b:min-interval']]);
    // Showing it again (a re-render) changes nothing: nobody is told.
    await engine.recordShown('a');
    await new Promise((r) => setTimeout(r, 20));
    expect(heard).to.have.length(1);
  });

  it('only the resource types the packs read are handed to the evaluator', async () => {
    const seen: string[][] = [];
    const evaluator = {
      evaluate: async (expressions: readonly string[], data: { resources: Record<string, unknown> }) => {
        seen.push(Object.keys(data.resources).sort());
        return expressions.map(() => ({ ok: true as const, value: true }));
      },
      check: async () => [],
      dispose: () => undefined,
    } as unknown as ConditionEvaluator;
    const engine = new GuideEngine({ learnerId: 'l', sessionId: 's', storage: memoryStorage(), createEvaluator: () => evaluator });
    engine.addPack(pack([tip('meds', { when: { conditions: ["%MedicationRequest.where(status = 'active').exists()"] } })]));
    engine.mount('meds');
    // A host that hands over the whole record: 1,000 observations, claims, immunizations nobody's condition reads.
    const many = (type: string, n: number) => Array.from({ length: n }, (_, i) => ({ resourceType: type, id: `${type}-${i}` }));
    engine.setContext({ patient: { resourceType: 'Patient', id: 'p' }, resources: { MedicationRequest: many('MedicationRequest', 3), Observation: many('Observation', 1000), Claim: many('Claim', 200), Immunization: many('Immunization', 50) } });
    await engine.evaluate();
    expect(seen.at(-1)).to.deep.equal(['MedicationRequest']);
  });

  it('of a type read only through the clinical functions, only the elements they read are handed over', async () => {
    const seen: Array<Record<string, Array<Record<string, unknown>>>> = [];
    const evaluator = {
      evaluate: async (expressions: readonly string[], data: { resources: Record<string, Array<Record<string, unknown>>> }) => {
        seen.push(data.resources);
        return expressions.map(() => ({ ok: true as const, value: true }));
      },
      check: async () => [],
      dispose: () => undefined,
    } as unknown as ConditionEvaluator;
    const engine = new GuideEngine({ learnerId: 'l', sessionId: 's', storage: memoryStorage(), createEvaluator: () => evaluator });
    const vs = { url: 'https://x.example/vs', version: '1', provenance: 'test', compose: { add: [{ system: 'http://loinc.org', code: '1-1', reason: 'test' }] } };
    engine.addPack({ ...pack([tip('lab', { when: { conditions: ["latestValue('https://x.example/vs', 30, 'mmol/L') < 3", "%Condition.where(note.exists()).exists()"] } })]), valueSets: [vs] } as never);
    engine.mount('lab');
    const observation = { resourceType: 'Observation', id: 'o', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '1-1' }] }, valueQuantity: { value: 2, code: 'mmol/L' }, component: [{ big: 'x'.repeat(1000) }], note: [{ text: 'free text' }], subject: { reference: 'Patient/p' } };
    const condition = { resourceType: 'Condition', id: 'c', note: [{ text: 'read by %Condition' }], evidence: [{ detail: [] }] };
    engine.setContext({ patient: { resourceType: 'Patient', id: 'p' }, resources: { Observation: [observation], Condition: [condition] } });
    await engine.evaluate();
    // Observation: only through latestValue() → projected; Condition: through %Condition → whole.
    expect(seen.at(-1)!.Observation[0]).to.deep.equal({ resourceType: 'Observation', id: 'o', status: 'final', code: observation.code, valueQuantity: observation.valueQuantity });
    expect(seen.at(-1)!.Condition[0]).to.equal(condition);
    engine.dispose();
  });

  it('the prefilter decides before any FHIRPath: workflow, role, locale, expiry', () => {
    const [onlyOrders, nurses, spanish, expired] = items([
      tip('orders', { when: { workflow: ['order-sign'] } }),
      tip('nurses', { audience: { roles: ['nurse'] } }),
      tip('es', { locale: 'es' }),
      tip('old', { reviewBy: '2020-01-01' }),
    ]);
    const context = { ...createContext(), workflow: 'patient-view', role: 'physician' as const, locale: 'en' };
    expect(prefilter(onlyOrders, context, 'novice', '2026-11-23', true)?.reason).to.equal('workflow');
    expect(prefilter(nurses, context, 'novice', '2026-11-23', true)?.reason).to.equal('role');
    expect(prefilter(spanish, context, 'novice', '2026-11-23', true)?.reason).to.equal('locale');
    expect(prefilter(expired, context, 'novice', '2026-11-23', true)?.reason).to.equal('expired');
    expect(prefilter(spanish, { ...context, locale: 'es-MX' }, 'novice', '2026-11-23', true)).to.equal(undefined);
    // An item in the pack's own language shows to everyone (in a translation when it has one).
    expect(prefilter(nurses, { ...context, role: 'nurse', locale: 'es' }, 'novice', '2026-11-23', true)).to.equal(undefined);
  });

  it('the guard applies the session budget and keeps what is on screen in place', () => {
    const list = items([tip('x', { priority: 80 }), tip('y', { priority: 70 }), tip('z', { priority: 60 })]);
    const candidates = list.map((item) => ({ item, decision: { itemId: item.id, kind: item.kind, version: item.version, priority: item.priority ?? 50, intrusive: true, show: false } as Decision }));
    const progress = emptyProgress('l', 's');
    progress.session.unsolicited = 5;
    const policy = resolvePolicy({ sessionBudget: 5, maxNewAtOnce: 3, minIntervalMs: 0 });
    applyGuard({ candidates, progress, policy, now: T, workflow: 'patient-view', showing: new Set(['y']) });
    expect(candidates.map((c) => `${c.item.id}:${c.decision.show ? 'show' : c.decision.reason}`)).to.deep.equal(['x:session-budget', 'y:show', 'z:session-budget']);
  });

  it('proficiency follows named thresholds', () => {
    expect(inferProficiency({ lessonsCompleted: 0, itemsSeen: INTERMEDIATE_ITEMS_SEEN - 1 })).to.equal('novice');
    expect(inferProficiency({ lessonsCompleted: 0, itemsSeen: INTERMEDIATE_ITEMS_SEEN })).to.equal('intermediate');
    expect(inferProficiency({ lessonsCompleted: ADVANCED_LESSONS, itemsSeen: 0 })).to.equal('advanced');
  });

  it('exposure: a re-render inside the grace continues the same showing; after it, a new one', () => {
    let now = T;
    const exposure = new ExposureTracker(() => now);
    const unmount = exposure.mount('t');
    expect(exposure.isMounted('t')).to.equal(true);
    expect(exposure.shown('t')).to.equal('new');
    expect(exposure.shown('t')).to.equal('already');
    exposure.hidden('t');
    now += REMOUNT_GRACE_MS - 1;
    expect(exposure.onScreen().has('t')).to.equal(true);
    expect(exposure.shown('t')).to.equal('continued');
    exposure.hidden('t');
    now += REMOUNT_GRACE_MS + 1;
    expect(exposure.onScreen().has('t')).to.equal(false);
    expect(exposure.shown('t')).to.equal('new');
    unmount();
    unmount(); // idempotent
    expect(exposure.isMounted('t')).to.equal(false);
  });

  it('the tour walker skips missing steps the way the clinician was going, and ends honestly', () => {
    const walker = new StepWalker(4);
    expect(walker.isFirst).to.equal(true);
    expect(walker.move(1)).to.deep.equal({ kind: 'step', index: 1 });
    expect(walker.move(1)).to.deep.equal({ kind: 'step', index: 2 });
    expect(walker.skip()).to.deep.equal({ kind: 'step', index: 3 }); // step 3 missing: on to 4
    expect(walker.isLast).to.equal(true);
    expect(walker.move(-1)).to.deep.equal({ kind: 'step', index: 1 }); // back skips the missing step
    expect(walker.move(-1)).to.deep.equal({ kind: 'step', index: 0 });
    expect(walker.move(-1)).to.deep.equal({ kind: 'stay' });
    const none = new StepWalker(2);
    expect(none.skip()).to.deep.equal({ kind: 'step', index: 1 });
    expect(none.skip()).to.deep.equal({ kind: 'end', completed: false, reason: 'no-steps' });
  });
});
