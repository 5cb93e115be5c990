// `ehr-guide test`: every item's conditions and every model card's intended population, evaluated against each
// FHIR bundle with the evaluator the browser uses (fhirpath with the clinical functions, the packs' value sets),
// compared with an expectations file. Exit 1 on a mismatch.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A transport over the file system, so packs and the value sets beside them load as they do over HTTP. */
const fileTransport = async ({ url }) => {
  try {
    return { status: 200, headers: {}, text: readFileSync(fileURLToPath(url), 'utf8') };
  } catch (error) {
    return { status: error.code === 'ENOENT' ? 404 : 500, headers: {}, text: error.message };
  }
};

function bundles(dir) {
  let files;
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch (error) {
    throw new Error(`--patients ${dir}: ${error.code === 'ENOENT' ? 'no such folder' : error.message}`);
  }
  return files.map((file) => {
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    return { name: basename(file, '.json'), json };
  });
}

/** item id → { patient name → 'match' | 'no' | 'cannot-tell' | 'deceased' | 'error: …' }, and per model card the population. */
export async function runPackTests(core, { files, patients: dir }) {
  const problems = [];
  const engine = new core.GuideEngine({
    learnerId: 'pack-test',
    sessionId: 'pack-test',
    transport: fileTransport,
    baseUrl: pathToFileURL(`${process.cwd()}/`).href,
    createEvaluator: () => new core.InlineEvaluator(),
    onProblem: (p) => problems.push(p),
  });
  await engine.loadPacks(files.map((f) => pathToFileURL(resolve(f)).href));
  const evaluator = new core.InlineEvaluator();
  const { members, version } = engine.packs.valueSetMembers;
  const items = engine.items.filter((item) => item.when?.conditions?.length);
  const results = { items: {}, populations: {} };
  for (const { name, json } of bundles(dir)) {
    const byType = core.resourcesByType(core.bundleResources(json));
    const patient = byType.Patient?.[0];
    delete byType.Patient;
    const data = { patient, resources: byType, valueSets: members, versions: { valueSets: version } };
    const deceased = Boolean(patient && (patient.deceasedBoolean === true || typeof patient.deceasedDateTime === 'string'));
    for (const item of items) {
      const outcome = await evaluator.evaluate(item.when.conditions, data);
      const error = outcome.find((r) => !r.ok);
      const status = error ? `error: ${error.error}` : outcome.every((r) => r.value) ? (deceased ? 'deceased' : 'match') : outcome.some((r) => !r.value && !r.unknown) ? 'no' : 'cannot-tell';
      (results.items[item.id] ??= {})[name] = status;
    }
    for (const card of engine.modelCards) {
      const check = await core.checkPopulation(card, data, evaluator);
      (results.populations[card.id] ??= {})[name] = check.status;
    }
  }
  engine.dispose();
  return { results, problems };
}

/** Mismatches between results and expectations: `{ items: { id: { match: [..], noMatch: [..] } }, populations: { id: { inside|outside|cannotTell: [..] } } }`. */
export function compareExpectations(results, expectations) {
  const mismatches = [];
  for (const [id, want] of Object.entries(expectations.items ?? {})) {
    const got = results.items[id];
    if (!got) {
      mismatches.push(`item "${id}": not in the packs (or it has no conditions)`);
      continue;
    }
    for (const patient of want.match ?? []) if (got[patient] !== 'match') mismatches.push(`item "${id}" must match ${patient}, got ${got[patient] ?? 'no such patient'}`);
    for (const patient of want.noMatch ?? []) if (got[patient] === 'match' || got[patient] === undefined) mismatches.push(`item "${id}" must not match ${patient}, got ${got[patient] ?? 'no such patient'}`);
  }
  const words = { inside: 'inside', outside: 'outside', cannotTell: 'cannot-tell' };
  for (const [id, want] of Object.entries(expectations.populations ?? {})) {
    const got = results.populations[id];
    if (!got) {
      mismatches.push(`model card "${id}": not in the packs`);
      continue;
    }
    for (const [key, status] of Object.entries(words)) for (const patient of want[key] ?? []) if (got[patient] !== status) mismatches.push(`model card "${id}": ${patient} must be ${status}, got ${got[patient] ?? 'no such patient'}`);
  }
  return mismatches;
}

/** A table: one row per item or model card, one column per patient. */
export function formatTable(results) {
  const rows = [...Object.entries(results.items).map(([id, r]) => [id, r]), ...Object.entries(results.populations).map(([id, r]) => [`population ${id}`, r])];
  const patients = [...new Set(rows.flatMap(([, r]) => Object.keys(r)))];
  const short = (s) => (s.startsWith('error') ? 'ERROR' : s);
  const width = Math.max(4, ...rows.map(([id]) => id.length));
  const head = ['item'.padEnd(width), ...patients.map((p) => p.slice(0, 18).padEnd(18))].join('  ');
  return [head, ...rows.map(([id, r]) => [id.padEnd(width), ...patients.map((p) => short(r[p] ?? '').padEnd(18))].join('  '))].join('\n');
}
