// Runs in headless Chromium: 1,000 pack items with FHIRPath triggers against the largest Synthea record.
// Measures the time per context change (setContext → decisions published) and the longest main-thread task
// while the engine starts and evaluates (a MessageChannel heartbeat: the longest gap between beats).
import { GuideEngine } from '../src/core/engine/engine.js';
import { WorkerEvaluator } from '../src/platform/worker-evaluator.js';
import { memoryStorage } from '../src/core/progress/storage.js';
import { bundleResources, resourcesByType } from '../src/core/context/context.js';
import type { FhirResource } from '../src/core/context/fhir-types.js';
import { fetchTransport } from '../src/platform/fetch-transport.js';
import { largeRecord } from './large-record.js';

interface Result {
  items: number;
  resources: number;
  startMs: number;
  firstEvaluationMs: number;
  perChange: Record<string, { median: number; p90: number; p95: number; runs: number; longestTaskMs?: number }>;
  longestTaskDuringStartMs: number;
  longestTaskDuringChangesMs: number;
  baselineLongestTaskMs: number;
  examplePacks: { items: number; valueSets: number; perChange: ReturnType<typeof stats> };
}

function heartbeat() {
  const channel = new MessageChannel();
  let last = performance.now();
  let longest = 0;
  let running = true;
  channel.port1.onmessage = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) channel.port2.postMessage(0);
  };
  channel.port2.postMessage(0);
  return {
    reset() {
      longest = 0;
      last = performance.now();
    },
    get longest() {
      return longest;
    },
    stop() {
      running = false;
    },
  };
}

function items(n: number) {
  const templates = [
    (i: number) => `birthDate <= today() - ${40 + (i % 40)} years`,
    (i: number) => `%MedicationRequest.where(status = 'active' and medicationCodeableConcept.text.lower().contains('${['metformin', 'insulin', 'warfarin', 'lisinopril', 'oxycodone', 'diphenhydramine'][i % 6]}')).exists()`,
    (i: number) => `%Condition.where(clinicalStatus.coding.code = 'active' and code.text.lower().contains('${['diabetes', 'hypertension', 'rhinitis', 'prediabetes', 'asthma'][i % 5]}')).exists()`,
    (i: number) => `%Observation.where(code.coding.code = '${['4548-4', '2339-0', '38483-4', '39156-5'][i % 4]}' and value.ofType(Quantity).value > ${i % 10}).exists()`,
    (i: number) => `%Observation.where(code.coding.code = '8480-6').count() > ${i % 7}`,
    (i: number) => `gender = '${i % 2 ? 'female' : 'male'}' and %AllergyIntolerance.exists()`,
    (i: number) => `%Encounter.where(period.start >= @20${10 + (i % 9)}-01-01).count() >= ${1 + (i % 3)}`,
    (i: number) => `%Immunization.where(vaccineCode.text.lower().contains('influenza')).count() > ${i % 4}`,
  ];
  return Array.from({ length: n }, (_, i) => ({
    kind: 'tip',
    id: `bench.item-${i}`,
    version: '1.0.0',
    title: `Item ${i}`,
    reviewBy: '2027-12-31',
    when: { workflow: ['patient-view', 'order-select'], conditions: [templates[i % templates.length](i)] },
    priority: i % 100,
    body: 'x',
  }));
}

const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)];
  return { median: sorted[Math.floor(sorted.length / 2)], p90: at(0.9), p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))], runs: sorted.length };
};

export async function run(bundleUrls: string[]): Promise<Result> {
  const beat = heartbeat();
  const records = await Promise.all(
    bundleUrls.map(async (url) => {
      const byType = resourcesByType(bundleResources(await (await fetch(url)).json()));
      const patient = byType.Patient[0];
      delete byType.Patient;
      return { patient, resources: byType as Record<string, FhirResource[]> };
    }),
  );
  const largest = largeRecord(records.reduce((a, b) => (Object.values(a.resources).flat().length >= Object.values(b.resources).flat().length ? a : b)));
  records.push(largest);
  await new Promise((r) => setTimeout(r, 200));
  performance.mark('ehr-bench:idle-begin');
  beat.reset();
  await new Promise((r) => setTimeout(r, 500));
  const baselineLongestTaskMs = beat.longest;
  performance.mark('ehr-bench:idle-end');

  // The pack as it arrives (parsed JSON): made before the clock starts, as the network and the browser's JSON
  // parser deliver it in a real page.
  const pack = { format: 'ehr-guide-pack/1', id: 'bench', version: '1.0.0', title: 'Bench', locale: 'en', items: items(1000) };
  await new Promise((r) => setTimeout(r, 50));

  // Start: engine, pack validation (in slices), context, first evaluation (compiles all 1,000 expressions in the worker).
  performance.mark('ehr-bench:start-begin');
  beat.reset();
  const t0 = performance.now();
  const engine = new GuideEngine({ learnerId: 'bench', sessionId: 'bench', storage: memoryStorage(), createEvaluator: () => new WorkerEvaluator() });
  await engine.addPackInSlices(pack);
  for (const item of pack.items) engine.mount(item.id);
  engine.setContext({ workflow: 'patient-view', role: 'physician', patient: largest.patient, resources: largest.resources });
  const startMs = performance.now() - t0;
  await engine.evaluate();
  const firstEvaluationMs = performance.now() - t0;
  const longestTaskDuringStartMs = beat.longest;
  performance.mark('ehr-bench:start-end');

  // Context changes a clinician causes, each timed from setContext to published decisions.
  const timed = async (patch: Parameters<GuideEngine['setContext']>[0]) => {
    const published = new Promise<void>((resolve) => {
      const off = engine.subscribe(() => {
        off();
        resolve();
      });
    });
    const start = performance.now();
    engine.setContext(patch);
    await published;
    const elapsed = performance.now() - start;
    // Each change in its own task, as a clinician's clicks are, so the heartbeat sees what one change costs.
    await new Promise((r) => setTimeout(r, 5));
    return elapsed;
  };
  // The re-fetched records (new objects, same content), made before the clock and the trace window start.
  const copies = Array.from({ length: 20 }, () => structuredClone(largest));
  await new Promise((r) => setTimeout(r, 50));
  beat.reset();
  performance.mark('ehr-bench:changes-begin');
  const perChange: Result['perChange'] = {};
  const workflow: number[] = [];
  const role: number[] = [];
  const oneType: number[] = [];
  const patient: number[] = [];
  const longest: Record<string, number> = {};
  const mark = (name: string) => {
    longest[name] = beat.longest;
    beat.reset();
  };
  for (let i = 0; i < 30; i++) workflow.push(await timed({ workflow: i % 2 ? 'patient-view' : 'order-select' }));
  mark('workflow point');
  for (let i = 0; i < 20; i++) role.push(await timed({ role: i % 2 ? 'physician' : 'nurse' }));
  mark('role');
  for (let i = 0; i < 20; i++) {
    const meds = largest.resources.MedicationRequest ?? [];
    oneType.push(await timed({ resources: { MedicationRequest: i % 2 ? meds : meds.slice(0, Math.max(0, meds.length - 1)) } }));
  }
  mark('one resource type (MedicationRequest)');
  for (let i = 0; i < 10; i++) {
    const r = records[i % records.length];
    const dropped = Object.keys(engine.context.resources).filter((t) => !(t in r.resources));
    patient.push(await timed({ patient: r.patient, resources: { ...r.resources, ...Object.fromEntries(dropped.map((t) => [t, null])) } }));
  }
  mark('patient switch (whole record)');
  // A host that hands over its whole record again with every change (a framework re-render): new arrays of the
  // same resources, with a workflow change; then re-fetched (new objects, same content), which must be re-read.
  const whole: number[] = [];
  const refetched: number[] = [];
  const resetTo = (r: typeof largest) => ({ patient: r.patient, resources: { ...Object.fromEntries(Object.keys(engine.context.resources).map((t) => [t, null])), ...r.resources } });
  await timed(resetTo(largest));
  for (let i = 0; i < 20; i++) whole.push(await timed({ workflow: i % 2 ? 'patient-view' : 'order-select', patient: largest.patient, resources: Object.fromEntries(Object.entries(largest.resources).map(([t, l]) => [t, [...l]])) }));
  mark('host re-sets the whole record (same resources)');
  for (let i = 0; i < 20; i++) refetched.push(await timed({ workflow: i % 2 ? 'patient-view' : 'order-select', patient: copies[i].patient, resources: copies[i].resources }));
  mark('host re-sets the whole record (re-fetched)');
  perChange['workflow point'] = { ...stats(workflow), longestTaskMs: longest['workflow point'] };
  perChange['role'] = { ...stats(role), longestTaskMs: longest.role };
  perChange['one resource type (MedicationRequest)'] = { ...stats(oneType), longestTaskMs: longest['one resource type (MedicationRequest)'] };
  perChange['patient switch (whole record)'] = { ...stats(patient), longestTaskMs: longest['patient switch (whole record)'] };
  perChange['host re-sets the whole record (same resources)'] = { ...stats(whole), longestTaskMs: longest['host re-sets the whole record (same resources)'] };
  perChange['host re-sets the whole record (re-fetched)'] = { ...stats(refetched), longestTaskMs: longest['host re-sets the whole record (re-fetched)'] };
  perChange['all of the above'] = stats([...workflow, ...role, ...oneType, ...patient, ...whole, ...refetched]);
  const longestTaskDuringChangesMs = Math.max(...Object.values(longest));
  performance.mark('ehr-bench:changes-end');
  beat.stop();
  engine.dispose();
  return {
    items: 1000,
    resources: Object.values(largest.resources).flat().length + 1,
    examplePacks: await runExamplePacks(largest),
    startMs,
    firstEvaluationMs,
    perChange,
    longestTaskDuringStartMs,
    longestTaskDuringChangesMs,
    baselineLongestTaskMs,
  };
}

/**
 * The straightforward way, for comparison: every trigger re-evaluated on the main thread on each context change,
 * as an integration that calls fhirpath directly would do (compiled once, cached).
 */
export async function runNaive(bundleUrls: string[]): Promise<{ perChange: { median: number; p95: number; runs: number }; longestTaskMs: number }> {
  const { evaluateExpressions } = await import('../src/core/triggers/fhirpath-core.js');
  const byType = resourcesByType(bundleResources(await (await fetch(bundleUrls[bundleUrls.length - 1])).json()));
  const patient = byType.Patient[0];
  delete byType.Patient;
  const expressions = items(1000).map((i) => i.when.conditions[0]);
  evaluateExpressions(expressions, { patient, resources: byType }); // compile and warm up
  const beat = heartbeat();
  await new Promise((r) => setTimeout(r, 50));
  beat.reset();
  const samples: number[] = [];
  for (let i = 0; i < 10; i++) {
    const start = performance.now();
    evaluateExpressions(expressions, { patient, resources: byType });
    samples.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, 0));
  }
  const longestTaskMs = beat.longest;
  beat.stop();
  return { perChange: stats(samples), longestTaskMs };
}

/**
 * The example packs (value sets, clinical functions: onMedication, latestValue with UCUM, hasCondition, ages) on
 * the 1,000+-resource record, the host re-setting the whole record, re-fetched, with every change.
 */
async function runExamplePacks(record: { patient: FhirResource; resources: Record<string, FhirResource[]> }) {
  const engine = new GuideEngine({ learnerId: 'bench', sessionId: 'bench', storage: memoryStorage(), transport: fetchTransport(), baseUrl: location.href, createEvaluator: () => new WorkerEvaluator() });
  await engine.loadPacks(['/packs/ehr-skills.json', '/packs/model-cards.json']);
  for (const item of engine.items) engine.mount(item.id);
  engine.setContext({ workflow: 'patient-view', role: 'physician', patient: record.patient, resources: record.resources });
  await engine.evaluate();
  const copies = Array.from({ length: 30 }, () => structuredClone(record));
  const samples: number[] = [];
  for (let i = 0; i < copies.length; i++) {
    const published = new Promise<void>((resolve) => {
      const off = engine.subscribe(() => {
        off();
        resolve();
      });
    });
    const start = performance.now();
    engine.setContext({ workflow: i % 2 ? 'patient-view' : 'order-select', patient: copies[i].patient, resources: copies[i].resources });
    await published;
    samples.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, 5));
  }
  const result = { items: engine.items.length, valueSets: Object.keys(engine.packs.valueSetMembers.members).length, perChange: stats(samples) };
  engine.dispose();
  return result;
}
