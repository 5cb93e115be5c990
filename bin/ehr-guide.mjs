#!/usr/bin/env node
// ehr-guide CLI: `compile` turns authored packs (markdown bodies) into compiled packs (token trees), so pages pay
// for no markdown code; `validate` reports errors with JSON paths and warns about stale content, FHIRPath that
// does not compile, long tours and (with --page) targets missing from a page. Exit status 1 on errors.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let core;
try {
  core = await import(join(root, 'dist/core/index.js'));
} catch (error) {
  console.error(`ehr-guide: the library is not built (${error.message}). Run "npm run build" in ${root}.`);
  process.exit(2);
}
const { loadPack, compileMarkdown, expressionDependencies, InlineEvaluator, missingHti1Attributes, resolveValueSets, untranslatedFields, canonicalLocale } = core;

const USAGE = `Usage:
  ehr-guide validate <pack.json…> [--page FILE.html …] [--locales es,es-MX] [--today YYYY-MM-DD] [--json]
  ehr-guide compile <pack.json…> [--out DIR | -o FILE]
  ehr-guide test <pack.json…> --patients DIR [--expect FILE.json] [--json]
  ehr-guide report [pack.json…] (--lrs URL | --statements FILE …) [--since ISO] [--until ISO] [--role R]
                   [--model ID] [--min-cell N] [--today YYYY-MM-DD] [--json | --csv]

validate  prints every error with its JSON path, and warns about items past their review-by date or due within
          30 days, duplicate ids across packs, FHIRPath that does not compile or uses unknown variables, conditions
          that match medication or problem text only, tours of more than 12 steps, checklist entries naming items
          no pack has, and (with --page) tour or tip targets missing from the page and interactive steps whose
          target cannot take their action (typing without a text field, a choice the select does not offer). Value sets: every problem (and a condition naming a set no pack defines)
          is an error; each composed set's contents are listed. Translations: an item whose words a locale's
          translation leaves out is warned about, field by field, for each --locales tag (default: every locale
          the packs translate into); a malformed translation is an error with its path. Exit 1 on errors.
compile   writes each pack with its markdown bodies compiled (default: <name>.compiled.json beside it).
report    the governance and learning report: per AI model (agree / override, reasons, by population fit, role,
          month; accept / edit / reject of AI content), per lesson and tour, per pushed item (the often rejected
          flagged), coverage by role, content past or near review-by (with packs given). From an LRS (the
          Authorization header from EHR_GUIDE_LRS_AUTH) or statement files (JSON array, StatementResult, NDJSON).
          Cells from fewer than --min-cell learners (default 5) are suppressed. Exit 1 when an LRS read stopped early.
test      evaluates every item's conditions and every model card's population against each FHIR bundle in DIR
          (the browser's evaluator, the packs' value sets), prints a table, and with --expect compares with
          { items: { id: { match: [bundle…], noMatch: [bundle…] } }, populations: { id: { inside, outside,
          cannotTell } } } (bundles named by file name without .json). Exit 1 on a mismatch or a failing condition.`;

function parseArgs(argv) {
  const args = { files: [], pages: [], statementFiles: [], lrs: undefined, since: undefined, until: undefined, role: undefined, model: undefined, minCell: undefined, csv: false, locales: undefined, today: undefined, out: undefined, outFile: undefined, json: false, patients: undefined, expect: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) fail(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--page') args.pages.push(value());
    else if (a === '--today') args.today = value();
    else if (a === '--locales') args.locales = value().split(',').map((l) => l.trim()).filter(Boolean);
    else if (a === '--out') args.out = value();
    else if (a === '-o') args.outFile = value();
    else if (a === '--json') args.json = true;
    else if (a === '--csv') args.csv = true;
    else if (a === '--lrs') args.lrs = value();
    else if (a === '--statements') args.statementFiles.push(value());
    else if (a === '--since') args.since = value();
    else if (a === '--until') args.until = value();
    else if (a === '--role') args.role = value();
    else if (a === '--model') args.model = value();
    else if (a === '--min-cell') args.minCell = value();
    else if (a === '--patients') args.patients = value();
    else if (a === '--expect') args.expect = value();
    else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith('-')) fail(`unknown option ${a}`);
    else args.files.push(a);
  }
  return args;
}

function fail(message) {
  console.error(`ehr-guide: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function readJson(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { error: `cannot read: ${error.code === 'ENOENT' ? 'no such file' : error.message}` };
  }
  try {
    return { json: JSON.parse(text) };
  } catch (error) {
    return { error: `not valid JSON: ${error.message}` };
  }
}

const DAY = 86_400_000;
function todayString(override) {
  if (override) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(override)) fail(`--today must be YYYY-MM-DD, got ${override}`);
    return override;
  }
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function pageDocuments(pages) {
  if (!pages.length) return [];
  const { parseHTML } = await import('linkedom');
  return pages.map((file) => {
    const text = readFileSync(file, 'utf8');
    return { file, document: parseHTML(text).document };
  });
}

/** Whether a selector (with optional `a >>> b` shadow parts) can be found in a static page. */
function selectorStatus(selector, document) {
  const [host, ...inner] = selector.split('>>>').map((s) => s.trim());
  try {
    const found = document.querySelector(host);
    if (!found) return 'missing';
    return inner.length ? 'host-only' : 'found';
  } catch {
    return 'invalid';
  }
}

/**
 * Whether a page element can take an interactive step's action: typing needs a text control (input, textarea,
 * contenteditable, or a custom element, which may hold one), a choice a select, radio or checkbox (with the
 * values the step names). Returns what is wrong, or undefined.
 */
function actionProblem(action, el) {
  const controls = [el, ...el.querySelectorAll('input, select, textarea, [contenteditable]')];
  const tag = (e) => e.localName;
  const custom = controls.some((e) => tag(e).includes('-'));
  if (action.on === 'input') {
    const ok = controls.some((e) => (tag(e) === 'input' && !['checkbox', 'radio', 'button', 'submit', 'reset', 'hidden', 'image'].includes((e.getAttribute('type') ?? 'text').toLowerCase())) || tag(e) === 'textarea' || e.hasAttribute?.('contenteditable'));
    if (!ok && !custom) return 'waits for typing, but the target holds no text field (input, textarea or contenteditable)';
  }
  if (action.on === 'select') {
    const choices = controls.filter((e) => tag(e) === 'select' || (tag(e) === 'input' && ['radio', 'checkbox'].includes((e.getAttribute('type') ?? '').toLowerCase())));
    if (!choices.length && !custom) return 'waits for a choice, but the target holds no select, radio or checkbox';
    const offered = new Set(choices.flatMap((e) => (tag(e) === 'select' ? [...e.querySelectorAll('option')].map((o) => o.getAttribute('value') ?? o.textContent.trim()) : [e.getAttribute('value') ?? 'on'])));
    const missing = (action.values ?? []).filter((value) => choices.length && !offered.has(value));
    if (missing.length) return `waits for ${missing.map((v) => JSON.stringify(v)).join(', ')}, which the target does not offer (it offers ${[...offered].map((v) => JSON.stringify(v)).join(', ') || 'nothing'})`;
  }
  if (action.on === 'click' && el.hasAttribute('disabled')) return 'waits for a click on a disabled control';
  return undefined;
}

async function validate(args) {
  const today = todayString(args.today);
  const soon = new Date(new Date(`${today}T00:00:00Z`).getTime() + 30 * DAY).toISOString().slice(0, 10);
  const errors = [];
  const warnings = [];
  const ids = new Map();
  const expressions = [];
  const lessonLinks = [];
  const checklistLinks = [];
  const docs = await pageDocuments(args.pages);
  const valueSetEntries = [];
  for (const l of args.locales ?? []) if (!canonicalLocale(l)) fail(`--locales: "${l}" is not a BCP 47 language tag such as es or es-MX`);
  const translatable = [];
  for (const file of args.files) {
    const { json, error } = readJson(file);
    if (error) {
      errors.push({ file, path: '$', message: error });
      continue;
    }
    const result = loadPack(json, file);
    for (const e of result.errors) errors.push({ file, path: e.path, message: e.message });
    if (!result.pack) continue;
    result.pack.valueSets.forEach((vs, index) => {
      let fetched;
      if (vs.entry.href) {
        const read = readJson(join(dirname(file), vs.entry.href));
        if (read.error) errors.push({ file, path: `$.valueSets[${index}].href`, message: `${vs.entry.href}: ${read.error}` });
        fetched = read.json;
      }
      valueSetEntries.push({ entry: vs.entry, path: `$.valueSets[${index}]`, fetched, file });
    });
    const rawCards = Array.isArray(json.modelCards) ? json.modelCards : [];
    for (const card of result.pack.modelCards) {
      const at = `$.modelCards[${rawCards.findIndex((raw) => raw && raw.id === card.id)}]`;
      const missing = missingHti1Attributes(card);
      if (missing.length) warnings.push({ file, path: `${at}.hti1`, message: `model card "${card.id}" leaves out ${missing.length} HTI-1 source attribute(s): ${missing.join(', ')} (use "not available" where the rule allows it)` });
      card.population.criteria.forEach((criterion, i) => expressions.push({ file, path: `${at}.population.criteria[${i}].expression`, expression: criterion.expression, itemId: card.id }));
      (card.subgroups ?? []).forEach((subgroup, i) => subgroup.criterion && expressions.push({ file, path: `${at}.subgroups[${i}].criterion`, expression: subgroup.criterion, itemId: card.id }));
      const thresholds = new Set(card.performance.atThresholds.map((t) => t.threshold));
      card.thresholds.forEach((t, i) => {
        if (!thresholds.has(t.value)) warnings.push({ file, path: `${at}.thresholds[${i}]`, message: `model card "${card.id}" gives no performance at its threshold ${t.value}: the explainer cannot say what a flag there means` });
      });
      if (card.lessonId) lessonLinks.push({ file, path: `${at}.lessonId`, cardId: card.id, lessonId: card.lessonId });
    }
    const rawItems = Array.isArray(json.items) ? json.items : [];
    for (const item of result.pack.items) {
      const index = rawItems.findIndex((raw) => raw && raw.id === item.id);
      const at = `$.items[${index}]`;
      if (ids.has(item.id)) warnings.push({ file, path: `${at}.id`, message: `duplicate id "${item.id}" (also in ${ids.get(item.id)}); the later pack's item replaces the earlier one` });
      else ids.set(item.id, file);
      if (item.reviewBy < today) warnings.push({ file, path: `${at}.reviewBy`, message: `"${item.id}" is past its review-by date ${item.reviewBy}` });
      else if (item.reviewBy <= soon) warnings.push({ file, path: `${at}.reviewBy`, message: `"${item.id}" is due for review by ${item.reviewBy} (within 30 days)` });
      (item.when?.conditions ?? []).forEach((expression, i) => {
        expressions.push({ file, path: `${at}.when.conditions[${i}]`, expression, itemId: item.id });
        const unknown = expressionDependencies(expression).unknownVariables;
        if (unknown.length) errors.push({ file, path: `${at}.when.conditions[${i}]`, message: `unknown variable(s) ${unknown.map((v) => `%${v}`).join(', ')}: use %patient, %encounter, %user or %<ResourceType>` });
      });
      if (!item.ownLocale) translatable.push({ file, at, item });
      if (item.kind === 'tour' && item.steps.length > 12) warnings.push({ file, path: `${at}.steps`, message: `tour "${item.id}" has ${item.steps.length} steps; keep tours to 12 or fewer` });
      const targets = [];
      if (item.when?.selector) targets.push({ path: `${at}.when.selector`, selector: item.when.selector });
      if (item.kind === 'tour') item.steps.forEach((step, i) => targets.push({ path: `${at}.steps[${i}].selector`, selector: step.selector, action: step.action }));
      if (item.kind === 'tour') {
        item.steps.forEach((step, i) => {
          const condition = step.check?.condition;
          if (!condition) return;
          expressions.push({ file, path: `${at}.steps[${i}].check.condition`, expression: condition, itemId: item.id });
          const unknown = expressionDependencies(condition).unknownVariables;
          if (unknown.length) errors.push({ file, path: `${at}.steps[${i}].check.condition`, message: `unknown variable(s) ${unknown.map((v) => `%${v}`).join(', ')}: use %patient, %encounter, %user or %<ResourceType>` });
        });
      }
      if (item.kind === 'checklist') item.entries.forEach((entry, i) => entry.item && checklistLinks.push({ file, path: `${at}.entries[${i}].item`, checklistId: item.id, itemId: entry.item }));
      for (const { path, selector, action } of targets) {
        for (const { file: page, document } of docs) {
          const status = selectorStatus(selector, document);
          const problem = status === 'found' && action ? actionProblem(action, document.querySelector(selector)) : undefined;
          if (problem) warnings.push({ file, path: path.replace(/\.selector$/, '.action'), message: `target ${JSON.stringify(selector)} in ${page} ${problem}` });
          if (status === 'missing') warnings.push({ file, path, message: `target ${JSON.stringify(selector)} not found in ${page}` });
          if (status === 'invalid') errors.push({ file, path, message: `${JSON.stringify(selector)} is not a valid CSS selector` });
          if (status === 'host-only') warnings.push({ file, path, message: `target ${JSON.stringify(selector)}: host found in ${page}; the part inside its shadow root cannot be checked statically` });
        }
      }
    }
  }
  // Translations: every item, in each locale asked for (else each locale any item of these packs is translated into).
  const locales = args.locales ?? [...new Set(translatable.flatMap(({ item }) => Object.keys(item.translations ?? {})))];
  for (const locale of locales) {
    for (const { file, at, item } of translatable) {
      const gaps = untranslatedFields(item, locale);
      if (gaps.length) warnings.push({ file, path: `${at}.translations`, message: `"${item.id}" is missing a "${locale}" translation of ${gaps.join(', ')}: clinicians reading ${locale} see the pack's ${item.locale} there` });
    }
  }
  // Value sets across every pack given (a composed set may include another pack's).
  const { sets, problems: setProblems } = resolveValueSets(valueSetEntries);
  const fileOfPath = (path) => valueSetEntries.find((e) => path.startsWith(e.path))?.file ?? args.files[0];
  for (const p of setProblems) errors.push({ file: fileOfPath(p.path), path: p.path, message: p.message });
  const infos = [];
  for (const e of valueSetEntries) {
    const set = sets.get(e.entry.url);
    if (!set || !e.entry.compose) continue;
    const parts = (e.entry.compose.include ?? []).map((inc) => `${inc.valueSet}${inc.displayMatches ? ` filtered by /${inc.displayMatches}/i` : ''}${inc.codes ? ` limited to ${inc.codes.length} code(s)` : ''}`);
    const added = set.added.map((c) => `${c.code}${c.display ? ` (${c.display})` : ''}: ${c.reason}`);
    infos.push({ file: e.file, path: e.path, message: `composed set ${e.entry.url}: ${set.members.size} code(s) from ${parts.join('; ') || 'no include'}${added.length ? `; added ${added.join('; ')}` : ''}${set.excluded.length ? `; excluded ${set.excluded.map((c) => c.code).join(', ')}` : ''}` });
  }
  for (const e of expressions) {
    for (const match of e.expression.matchAll(/\b(memberOf|onMedication|hasCondition|latestValue)\(\s*'([^']+)'/g)) {
      if (!sets.has(match[2])) errors.push({ file: e.file, path: e.path, message: `${match[1]}('${match[2]}'): no pack validated here defines this value set` });
    }
    const coded = /\b(memberOf|onMedication|hasCondition|latestValue)\(|\.coding\b|\bcode\s*=/.test(e.expression);
    if (!coded && /\.(text|display)\b/.test(e.expression)) warnings.push({ file: e.file, path: e.path, message: 'matches free text only: EHRs often send coded data without (or with other) text — use a value set (memberOf, onMedication, hasCondition), keeping text as a documented fallback' });
  }
  // A card's lesson may live in another pack: checked once every pack given is read.
  for (const link of lessonLinks) {
    if (!ids.has(link.lessonId)) warnings.push({ file: link.file, path: link.path, message: `model card "${link.cardId}" links lesson "${link.lessonId}", which none of the packs validated here contains` });
  }
  for (const link of checklistLinks) {
    if (!ids.has(link.itemId)) warnings.push({ file: link.file, path: link.path, message: `checklist "${link.checklistId}" lists "${link.itemId}", which none of the packs validated here contains` });
  }
  if (expressions.length) {
    const checks = await new InlineEvaluator().check(expressions.map((e) => e.expression));
    checks.forEach((message, i) => {
      if (message) errors.push({ file: expressions[i].file, path: expressions[i].path, message: `FHIRPath does not compile: ${message}` });
    });
  }
  if (args.json) {
    console.log(JSON.stringify({ errors, warnings, infos }, null, 2));
  } else {
    for (const e of errors) console.log(`error   ${e.file} ${e.path}: ${e.message}`);
    for (const w of warnings) console.log(`warning ${w.file} ${w.path}: ${w.message}`);
    for (const i of infos) console.log(`info    ${i.file} ${i.path}: ${i.message}`);
    console.log(`${args.files.length} pack(s), ${ids.size} item(s): ${errors.length} error(s), ${warnings.length} warning(s)`);
  }
  return errors.length ? 1 : 0;
}

function compileBodies(value) {
  return typeof value === 'string' ? compileMarkdown(value) : value;
}

async function compile(args) {
  if (args.outFile && args.files.length > 1) fail('-o names one output file; use --out DIR for several packs');
  let status = 0;
  for (const file of args.files) {
    const { json, error } = readJson(file);
    if (error) {
      console.error(`error   ${file} $: ${error}`);
      status = 1;
      continue;
    }
    const result = loadPack(json, file);
    for (const e of result.errors) console.error(`error   ${file} ${e.path}: ${e.message}`);
    if (!result.pack || result.errors.length) {
      status = 1;
      continue;
    }
    const compiled = {
      ...json,
      items: json.items.map((item) => ({
        ...item,
        body: compileBodies(item.body),
        ...(Array.isArray(item.steps) ? { steps: item.steps.map((step) => ({ ...step, body: compileBodies(step.body) })) } : {}),
      })),
    };
    delete compiled.$schema;
    const target = args.outFile ?? (args.out ? join(args.out, basename(file).replace(/\.json$/, '.compiled.json')) : file.replace(/\.json$/, '.compiled.json'));
    mkdirSync(dirname(resolve(target)), { recursive: true });
    writeFileSync(target, `${JSON.stringify(compiled)}\n`);
    console.log(`compiled ${file} → ${target} (${result.pack.items.length} item(s))`);
  }
  return status;
}

async function packTest(args) {
  if (!args.patients) fail('test: name the folder of FHIR bundles with --patients DIR');
  const { runPackTests, compareExpectations, formatTable } = await import('./lib/pack-test.mjs');
  let outcome;
  try {
    outcome = await runPackTests(core, { files: args.files, patients: args.patients });
  } catch (error) {
    console.error(`ehr-guide test: ${error.message}`);
    return 2;
  }
  const { results, problems } = outcome;
  let expectations;
  if (args.expect) {
    const { json, error } = readJson(args.expect);
    if (error) fail(`--expect ${args.expect}: ${error}`);
    expectations = json;
  }
  const mismatches = expectations ? compareExpectations(results, expectations) : [];
  const errors = Object.entries(results.items).flatMap(([id, r]) => Object.entries(r).filter(([, s]) => s.startsWith('error')).map(([p, s]) => `item "${id}" on ${p}: ${s}`));
  if (args.json) console.log(JSON.stringify({ results, mismatches, errors, problems: problems.map((p) => `${p.code}: ${p.message}`) }, null, 2));
  else {
    for (const p of problems) console.log(`problem ${p.code}: ${p.message}`);
    console.log(formatTable(results));
    for (const e of errors) console.log(`error   ${e}`);
    for (const m of mismatches) console.log(`mismatch ${m}`);
    console.log(`${Object.keys(results.items).length} item(s), ${Object.keys(results.populations).length} population(s): ${mismatches.length} mismatch(es), ${errors.length} error(s)`);
  }
  return mismatches.length || errors.length || problems.some((p) => p.code !== 'storage') ? 1 : 0;
}

const [command, ...rest] = process.argv.slice(2);
const args = parseArgs(rest);
if (!command || command === '--help' || command === '-h') {
  console.log(USAGE);
  process.exit(command ? 0 : 2);
}
if (command === 'report') {
  const { report } = await import('./lib/report.mjs');
  process.exit(await report(args, core, fail));
}
if (!args.files.length) fail(`${command}: name at least one pack file`);
if (command === 'validate') process.exit(await validate(args));
else if (command === 'compile') process.exit(await compile(args));
else if (command === 'test') process.exit(await packTest(args));
else fail(`unknown command "${command}"`);
