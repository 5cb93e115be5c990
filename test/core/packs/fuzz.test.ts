import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { loadPack, type PackLoadResult } from '../../../src/core/packs/load-pack.js';
import { GuideEngine } from '../../../src/core/engine/engine.js';
import { InlineEvaluator } from '../../../src/core/triggers/inline-evaluator.js';
import { memoryStorage } from '../../../src/core/progress/storage.js';

// Property-based fuzzing of pack loading (fast-check, fixed seeds, 1,000 runs each): mutations of the example
// packs and of model cards — keys deleted, values of the wrong type, unknown keys, huge strings, nesting thousands
// deep, duplicated entries, prototype-pollution keys — each load, or are refused with an error that has a JSON
// path and a message; nothing throws, nothing pollutes Object.prototype, and an engine given the pack keeps working.
type Json = unknown;
const SEED = 20261201;

const OPS = ['delete', 'type', 'unknown-key', 'huge', 'deep', 'duplicate', 'empty', 'proto', 'swap'] as const;
const value = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.string(), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 }));
const mutation = fc.record({ at: fc.nat(), op: fc.constantFrom(...OPS), value, other: fc.nat() });
const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

/** Every [container, key] in `root` (the places a mutation may hit); iterative, as values may nest thousands deep. */
function places(root: Json): Array<[Record<string, unknown> | unknown[], string | number]> {
  const out: Array<[Record<string, unknown> | unknown[], string | number]> = [];
  const stack: Json[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) v.forEach((x, i) => (out.push([v, i]), stack.push(x)));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (out.push([v as Record<string, unknown>, k]), stack.push(x));
  }
  return out;
}

function deep(n: number): Json {
  let v: Json = 'bottom';
  for (let i = 0; i < n; i++) v = [v];
  return v;
}

function nestedQuote(n: number): Json {
  let v: Json = { t: 'p', c: [{ t: 'text', v: 'bottom' }] };
  for (let i = 0; i < n; i++) v = { t: 'quote', c: [v] };
  return v;
}

function mutate(original: Json, steps: Array<{ at: number; op: (typeof OPS)[number]; value: unknown; other: number }>): Json {
  const json = structuredClone(original);
  for (const step of steps) {
    const all = places(json);
    if (!all.length) break;
    const [parent, key] = all[step.at % all.length];
    const target = parent as Record<string | number, unknown>;
    switch (step.op) {
      case 'delete':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete target[key];
        break;
      case 'type':
        target[key] = step.value;
        break;
      case 'unknown-key':
        if (target[key] && typeof target[key] === 'object' && !Array.isArray(target[key])) (target[key] as Record<string, unknown>)[`x-${step.other}`] = step.value;
        else target[key] = { unexpected: step.value };
        break;
      case 'huge':
        target[key] = 'x'.repeat(100_000 + (step.other % 1000));
        break;
      case 'deep':
        // Nested arrays, or compiled markdown nested thousands deep (a body as `ehr-guide compile` writes it).
        target[key] = step.other % 2 ? deep(3000) : { format: 'ehr-md/1', blocks: [nestedQuote(3000)] };
        break;
      case 'duplicate': {
        let copy: unknown;
        try {
          copy = structuredClone(Array.isArray(parent) ? parent[key as number] : target[key]);
        } catch {
          break; // a value nested too deep for the browser to clone (two deep mutations in one): nothing to copy
        }
        if (Array.isArray(parent)) parent.push(copy);
        else target[`${String(key)}-copy`] = copy;
        break;
      }
      case 'empty':
        target[key] = [[], {}, ''][step.other % 3];
        break;
      case 'proto':
        target[key] = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
        break;
      case 'swap': {
        const [p2, k2] = all[step.other % all.length];
        const a = target[key];
        target[key] = (p2 as Record<string | number, unknown>)[k2];
        (p2 as Record<string | number, unknown>)[k2] = a;
        break;
      }
    }
  }
  return json;
}

/** fc.assert, but the failure names the error itself (the test runner does not print an error's cause). */
async function holds<T>(property: fc.IProperty<T> | fc.IAsyncProperty<T>, params: fc.Parameters<T>): Promise<void> {
  const details = await fc.check(property as fc.IAsyncProperty<T>, params);
  if (details.failed) throw new Error(`${String(details.errorInstance)}\ncounterexample: ${fc.stringify(details.counterexample).slice(0, 600)}\nseed ${details.seed}, path ${details.counterexamplePath}`);
}

function checkResult(result: PackLoadResult): void {
  expect(result.errors).to.be.an('array');
  for (const e of result.errors) {
    expect(e.path, JSON.stringify(e)).to.be.a('string').and.match(/^\$/);
    expect(e.message, JSON.stringify(e)).to.be.a('string').and.not.equal('');
  }
  if (!result.pack) expect(result.errors.length, 'a refused pack says why').to.be.above(0);
  expect(({} as { polluted?: unknown }).polluted, 'Object.prototype untouched').to.equal(undefined);
}

describe('pack fuzzing (fast-check)', function () {
  this.timeout(300000);
  const packs: Record<string, Json> = {};
  before(async () => {
    for (const name of ['ehr-skills', 'ai-literacy', 'model-cards']) packs[name] = await (await fetch(`/packs/${name}.json`)).json();
  });

  it('1,000 mutations of the example packs: each loads or is refused with paths, none throws', async () => {
    const names = Object.keys(packs);
    let refusedItems = 0;
    await holds(
      fc.property(fc.nat(), mutations, (which, steps) => {
        const json = mutate(packs[names[which % names.length]], steps);
        let result: PackLoadResult;
        try {
          result = loadPack(json, 'fuzz');
        } catch (error) {
          throw new Error(`loadPack threw ${(error as Error).name}: ${(error as Error).message}`);
        }
        checkResult(result);
        refusedItems += result.errors.length ? 1 : 0;
      }),
      { seed: SEED, numRuns: 1000 },
    );
    expect(refusedItems, 'the mutations do break packs (the fuzz is not vacuous)').to.be.above(300);
  });

  it('1,000 mutations of model cards: each card loads or is refused with its path, the other cards still load', async () => {
    const base = packs['model-cards'] as { modelCards: unknown[] };
    let refused = 0;
    await holds(
      fc.property(fc.nat(), mutations, (which, steps) => {
        const cards = structuredClone(base.modelCards);
        const i = which % cards.length;
        cards[i] = mutate(cards[i], steps);
        const result = loadPack({ ...base, modelCards: cards }, 'fuzz-cards');
        checkResult(result);
        const bad = result.errors.filter((e) => e.path.startsWith(`$.modelCards[${i}]`));
        if (bad.length) refused++;
        // The untouched cards are all there.
        const loaded = result.pack?.modelCards.map((c) => c.id) ?? [];
        for (const [j, c] of (base.modelCards as Array<{ id: string }>).entries()) if (j !== i) expect(loaded).to.include(c.id);
      }),
      { seed: SEED + 1, numRuns: 1000 },
    );
    expect(refused).to.be.above(300);
  });

  it('200 mutated packs given to a running engine: no throw, and it still decides on a patient afterwards', async () => {
    const engine = new GuideEngine({ learnerId: 'l', sessionId: 's', storage: memoryStorage(), createEvaluator: () => new InlineEvaluator() });
    await holds(
      fc.asyncProperty(fc.nat(), mutations, async (which, steps) => {
        const names = Object.keys(packs);
        const result = engine.addPack(mutate(packs[names[which % names.length]], steps), 'fuzz');
        checkResult(result);
      }),
      { seed: SEED + 2, numRuns: 200 },
    );
    engine.addPack(packs['ehr-skills'], 'good');
    engine.setContext({ patient: { resourceType: 'Patient', id: 'p', birthDate: '1940-01-01' }, resources: {}, workflow: 'patient-view', role: 'physician' } as never);
    await engine.evaluate?.();
    expect(engine.item('orders.sign-check')?.title).to.be.a('string');
    engine.dispose();
  });
});
