import { expect } from '@open-wc/testing';
import { GuideEngine } from '../../../src/core/engine/engine.js';
import { WorkerEvaluator } from '../../../src/platform/worker-evaluator.js';
import { InlineEvaluator } from '../../../src/core/triggers/inline-evaluator.js';
import { memoryStorage } from '../../../src/core/progress/storage.js';
import type { ConditionEvaluator, EvaluationData } from '../../../src/core/triggers/evaluator.js';
import type { EngineProblem } from '../../../src/core/engine/engine.js';
import { ANTICOAGULANTS, ANTICOAGULANT_65_CONDITIONS, SYNTHEA, alive, loadSynthea, withBirthDate, withMedication, type Record_ } from './fixtures.js';

const pack = {
  format: 'ehr-guide-pack/1',
  id: 'triggers',
  version: '1.0.0',
  title: 'Trigger tests',
  locale: 'en',
  items: [
    {
      kind: 'tip',
      id: 'anticoag.older-adult',
      version: '1.0.0',
      title: 'Older adult on an anticoagulant',
      reviewBy: '2027-12-31',
      when: { conditions: ANTICOAGULANT_65_CONDITIONS },
      body: 'Check falls risk and renal function.',
    },
  ],
};

/** The expected answer, derived in plain JavaScript from the record — not from the engine. */
function expectedMatch(record: Record_, today = new Date()): boolean {
  const birth = new Date(`${record.patient.birthDate as string}T00:00:00`);
  const sixtyFifth = new Date(birth.getFullYear() + 65, birth.getMonth(), birth.getDate());
  const over65 = sixtyFifth <= today;
  const onAnticoagulant = (record.resources.MedicationRequest ?? []).some(
    (m) =>
      m.status === 'active' &&
      ((m.medicationCodeableConcept as { coding?: Array<{ system?: string; code?: string }> })?.coding ?? []).some(
        (c) => c.system === 'http://www.nlm.nih.gov/research/umls/rxnorm' && ANTICOAGULANTS.includes(c.code ?? ''),
      ),
  );
  return over65 && onAnticoagulant;
}

async function records(): Promise<Record_[]> {
  const [dead, joaquin, patria] = await Promise.all(SYNTHEA.map(loadSynthea));
  const chet = { ...alive(dead), name: 'Chet' }; // the synthetic cases need a living older adult
  const now = new Date();
  const turned65Today = `${now.getFullYear() - 65}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const turns65Tomorrow = new Date(now.getFullYear() - 65, now.getMonth(), now.getDate() + 1);
  const tomorrow65 = `${turns65Tomorrow.getFullYear()}-${String(turns65Tomorrow.getMonth() + 1).padStart(2, '0')}-${String(turns65Tomorrow.getDate()).padStart(2, '0')}`;
  return [
    chet,
    joaquin,
    patria,
    withMedication(chet, 'chet+warfarin', '855332', 'Warfarin Sodium 5 MG Oral Tablet', 'active'),
    withMedication(chet, 'chet+warfarin-stopped', '855332', 'Warfarin Sodium 5 MG Oral Tablet', 'stopped'),
    withMedication(chet, 'chet+metoprolol', '866924', 'Metoprolol Tartrate 25 MG Oral Tablet', 'active'),
    withMedication(joaquin, 'joaquin+apixaban', '1364435', 'apixaban 5 MG Oral Tablet', 'active'),
    withMedication(withBirthDate(patria, 'patria-65-today+rivaroxaban', turned65Today), 'patria-65-today+rivaroxaban', '1114198', 'rivaroxaban 20 MG Oral Tablet', 'active'),
    withMedication(withBirthDate(patria, 'patria-65-tomorrow+rivaroxaban', tomorrow65), 'patria-65-tomorrow+rivaroxaban', '1114198', 'rivaroxaban 20 MG Oral Tablet', 'active'),
  ];
}

async function matching(createEvaluator: () => ConditionEvaluator, all: Record_[]): Promise<string[]> {
  const engine = new GuideEngine({ learnerId: 'test', sessionId: 's1', storage: memoryStorage(), createEvaluator });
  engine.addPack(pack);
  engine.mount('anticoag.older-adult');
  const out: string[] = [];
  for (const record of all) {
    engine.setContext({ patient: record.patient, resources: Object.fromEntries(Object.entries(record.resources).map(([k, v]) => [k, v])) });
    // Clear types a previous record had and this one lacks.
    const missing = Object.keys(engine.context.resources).filter((t) => !(t in record.resources));
    if (missing.length) engine.setContext({ resources: Object.fromEntries(missing.map((t) => [t, null])) });
    const { decisions } = await engine.evaluate();
    const decision = decisions.find((d) => d.itemId === 'anticoag.older-adult')!;
    expect(decision.reason, `${record.name}: ${decision.detail}`).to.not.equal('condition-error');
    if (decision.show) out.push(record.name);
  }
  engine.dispose();
  return out;
}

describe('FHIRPath triggers on real Synthea records', () => {
  it('matches "65 or over with an active anticoagulant" exactly where it is true (worker)', async () => {
    const all = await records();
    const expected = all.filter((r) => expectedMatch(r)).map((r) => r.name);
    expect(expected).to.deep.equal(['chet+warfarin', 'patria-65-today+rivaroxaban']); // sanity of the fixtures themselves
    expect(await matching(() => new WorkerEvaluator(), all)).to.deep.equal(expected);
  });

  it('gives the same answers in-process (InlineEvaluator)', async () => {
    const all = await records();
    expect(await matching(() => new InlineEvaluator(), all)).to.deep.equal(all.filter((r) => expectedMatch(r)).map((r) => r.name));
  });

  it('reports a failing or non-boolean expression and does not match, never throwing into the page', async () => {
    const problems: EngineProblem[] = [];
    const engine = new GuideEngine({ learnerId: 'test', sessionId: 's1', storage: memoryStorage(), createEvaluator: () => new WorkerEvaluator(), onProblem: (p) => problems.push(p) });
    engine.addPack({
      ...pack,
      items: [
        { ...pack.items[0], id: 'bad.syntax', when: { conditions: ['birthDate <= '] } },
        { ...pack.items[0], id: 'bad.type', when: { conditions: ["%MedicationRequest.where(status = 'active')"] } },
        { ...pack.items[0], id: 'bad.function', when: { conditions: ['nosuchfunction()'] } },
        { ...pack.items[0], id: 'fine', when: { conditions: ["gender = 'male'"] } },
      ],
    });
    ['bad.syntax', 'bad.type', 'bad.function', 'fine'].forEach((id) => engine.mount(id));
    const chet = alive(await loadSynthea(SYNTHEA[0]));
    engine.setContext({ patient: chet.patient, resources: chet.resources });
    const { decisions } = await engine.evaluate();
    const by = Object.fromEntries(decisions.map((d) => [d.itemId, d]));
    expect(by['bad.syntax']).to.include({ show: false, reason: 'condition-error' });
    expect(by['bad.syntax'].detail).to.match(/^condition 1: does not compile: line: 1; column: 12/);
    expect(by['bad.type'].detail).to.equal('condition 1: must evaluate to true, false or empty; got 1 item(s) — add .exists() or a comparison');
    expect(by['bad.function'].reason).to.equal('condition-error');
    expect(by.fine.show).to.equal(true);
    expect(problems.filter((p) => p.code === 'condition-error').map((p) => p.itemId).sort()).to.deep.equal(['bad.function', 'bad.syntax', 'bad.type']);
    expect(problems.every((p) => !p.message.includes('Chet') && !p.message.includes('1939'))).to.equal(true);
    engine.dispose();
  });

  it('re-evaluates only expressions whose inputs changed, and does not load an evaluator without conditions', async () => {
    const calls: string[][] = [];
    const counting = (): ConditionEvaluator => {
      const inner = new InlineEvaluator();
      return {
        evaluate: (expressions: readonly string[], data: EvaluationData) => {
          calls.push([...expressions]);
          return inner.evaluate(expressions, data);
        },
        check: (e) => inner.check(e),
        dispose: () => inner.dispose(),
      };
    };
    let created = 0;
    const engine = new GuideEngine({ learnerId: 'test', sessionId: 's1', storage: memoryStorage(), createEvaluator: () => (created++, counting()) });
    engine.addPack({ ...pack, items: [{ ...pack.items[0], id: 'plain', when: { workflow: ['patient-view'] } }] });
    engine.setContext({ workflow: 'patient-view' });
    await engine.evaluate();
    expect(created, 'no conditions, no evaluator').to.equal(0);
    engine.addPack({
      ...pack,
      id: 'second',
      items: [
        { ...pack.items[0], id: 'age', when: { conditions: ['birthDate <= today() - 65 years'] } },
        { ...pack.items[0], id: 'meds', when: { conditions: ["%MedicationRequest.where(status = 'active').exists()"] } },
        { ...pack.items[0], id: 'conds', when: { conditions: ["%Condition.exists()"] } },
      ],
    });
    const chet = alive(await loadSynthea(SYNTHEA[0]));
    engine.setContext({ patient: chet.patient, resources: chet.resources });
    await engine.evaluate();
    expect(calls.length, 'pushed items nobody renders are not evaluated').to.equal(0);
    ['age', 'meds', 'conds'].forEach((id) => engine.mount(id));
    await engine.evaluate();
    expect(calls.at(-1)!.length).to.equal(3);
    const before = calls.length;
    engine.setContext({ workflow: 'order-select' }); // no data changed
    await engine.evaluate();
    expect(calls.length).to.equal(before);
    engine.setContext({ resources: { MedicationRequest: [] } }); // only medications changed
    await engine.evaluate();
    expect(calls.at(-1)).to.deep.equal(["%MedicationRequest.where(status = 'active').exists()", 'birthDate <= today() - 65 years', '%Condition.exists()'].filter((e) => e.startsWith('%Med')));
    expect(engine.requiredResourceTypes).to.deep.equal(['Condition', 'MedicationRequest']);
    engine.dispose();
  });
});
