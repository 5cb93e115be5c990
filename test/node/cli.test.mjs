// The ehr-guide CLI, run as a user runs it (a child process), against packs written to a temp folder.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = (...args) => {
  const r = spawnSync(process.execPath, ['bin/ehr-guide.mjs', ...args], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout, err: r.stderr };
};

let dir;
const write = (name, value) => {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};
const tip = (id, extra = {}) => ({ kind: 'tip', id, version: '1.0.0', title: id, reviewBy: '2027-12-31', body: `**${id}** body`, ...extra });
const pack = (id, items) => ({ format: 'ehr-guide-pack/1', id, version: '1.0.0', title: id, locale: 'en', items });

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'ehr-guide-cli-'));
});

describe('ehr-guide validate', () => {
  it('passes the example packs with exit status 0', () => {
    const r = cli('validate', 'packs/ehr-skills.json', 'packs/ai-literacy.json', 'packs/model-cards.json', '--today', '2026-11-23');
    assert.equal(r.status, 0, r.out + r.err);
    assert.match(r.out, /3 pack\(s\), 16 item\(s\): 0 error\(s\), 0 warning\(s\)/);
  });

  it('warns about model cards that leave HTI-1 attributes out, and checks their population FHIRPath', () => {
    const cards = JSON.parse(readFileSync('packs/model-cards.json', 'utf8'));
    delete cards.modelCards[0].hti1.fundingSource;
    delete cards.modelCards[0].hti1.updateProcess;
    cards.modelCards[1].population.criteria[0].expression = 'birthDate <=';
    cards.modelCards[1].subgroups[1].criterion = "gender = 'female' or";
    // The value sets the cards name by href sit beside the pack, as in packs/ (the composed one is inline).
    mkdirSync(join(dir, 'value-sets'), { recursive: true });
    for (const vs of cards.valueSets) if (vs.href) writeFileSync(join(dir, vs.href), readFileSync(join('packs', vs.href)));
    const r = cli('validate', write('cards.json', cards), '--json');
    assert.equal(r.status, 1);
    const { errors, warnings } = JSON.parse(r.out);
    assert.deepEqual(warnings.map((w) => w.message), [
      'model card "example-sepsis-model" leaves out 2 HTI-1 source attribute(s): fundingSource, updateProcess (use "not available" where the rule allows it)',
      // Validated alone, the cards' lesson (in ai-literacy.json) is not among the packs given.
      ...cards.modelCards.map((c) => `model card "${c.id}" links lesson "lesson.reading-a-risk-score", which none of the packs validated here contains`),
    ]);
    assert.deepEqual(errors.map((e) => e.path), ['$.modelCards[1].population.criteria[0].expression', '$.modelCards[1].subgroups[1].criterion']);
    assert.match(errors[0].message, /FHIRPath does not compile/);
  });

  it('prints errors with JSON paths and exits 1; the valid items are still counted', () => {
    const file = write('bad.json', pack('bad', [tip('good'), tip('bad', { reviewBy: 'soon', audience: { roles: ['wizard'] } }), tip('fp', { when: { conditions: ['birthDate <= ', '%nope.exists()'] } })]));
    const r = cli('validate', file);
    assert.equal(r.status, 1);
    assert.match(r.out, /error {3}\S+bad\.json \$\.items\[1\]\.reviewBy: must be a date written YYYY-MM-DD/);
    assert.match(r.out, /error {3}\S+bad\.json \$\.items\[1\]\.audience\.roles\[0\]: must be one of physician/);
    assert.match(r.out, /\$\.items\[2\]\.when\.conditions\[0\]: FHIRPath does not compile: line: 1; column: 12/);
    assert.match(r.out, /\$\.items\[2\]\.when\.conditions\[1\]: unknown variable\(s\) %nope/);
    assert.match(r.out, /2 item\(s\): 4 error\(s\)/);
  });

  it('warns about review-by dates past and due within 30 days, duplicate ids, long tours and missing page targets', () => {
    const steps = Array.from({ length: 13 }, (_, i) => ({ selector: `#step-${i}`, title: `Step ${i}`, body: 'x' }));
    const a = write('a.json', pack('a', [tip('stale', { reviewBy: '2026-10-01' }), tip('due', { reviewBy: '2026-12-10' }), tip('fine', { reviewBy: '2027-06-01', when: { selector: '#present' } })]));
    const b = write('b.json', pack('b', [tip('fine'), { kind: 'tour', id: 'long', version: '1.0.0', title: 'Long', reviewBy: '2027-06-01', body: 'b', steps }], '2026-11-23'));
    const page = write('page.html', '<!doctype html><main><button id="present">x</button><div id="step-0"></div></main>');
    const r = cli('validate', a, b, '--today', '2026-11-23', '--page', page, '--json');
    assert.equal(r.status, 0, r.err);
    const { errors, warnings } = JSON.parse(r.out);
    assert.deepEqual(errors, []);
    const messages = warnings.map((w) => `${w.path}: ${w.message}`);
    assert.ok(messages.includes('$.items[0].reviewBy: "stale" is past its review-by date 2026-10-01'));
    assert.ok(messages.includes('$.items[1].reviewBy: "due" is due for review by 2026-12-10 (within 30 days)'));
    assert.ok(messages.some((m) => m.startsWith('$.items[0].id: duplicate id "fine" (also in')));
    assert.ok(messages.includes('$.items[1].steps: tour "long" has 13 steps; keep tours to 12 or fewer'));
    assert.ok(messages.includes(`$.items[1].steps[1].selector: target "#step-1" not found in ${page}`));
    assert.ok(!messages.some((m) => m.includes('#step-0') || m.includes('#present')), 'targets present on the page are not reported');
  });

  it("checks interactive steps' targets and conditions, and checklists' entries, against the page (--page)", () => {
    const tour = {
      kind: 'tour',
      id: 'doing',
      version: '1.0.0',
      title: 'Doing',
      reviewBy: '2027-06-01',
      body: 'b',
      steps: [
        { selector: '#label', title: 'Type', body: 'x', action: { on: 'input' } },
        { selector: '#freq', title: 'Choose', body: 'x', action: { on: 'select', values: ['BID', 'Q4H'] } },
        { selector: '#med', title: 'Fine', body: 'x', action: { on: 'input', matches: '\\S{3,}' }, check: { condition: "%MedicationRequest.where(", fix: 'x' } },
        { selector: '#sign', title: 'Off', body: 'x', action: { on: 'click' }, check: { condition: '%nope.exists()', fix: 'x' } },
      ],
    };
    const list = { kind: 'checklist', id: 'week-one', version: '1.0.0', title: 'Week one', reviewBy: '2027-06-01', body: 'b', entries: [{ id: 'doing', item: 'doing' }, { id: 'gone', item: 'tour.nowhere' }] };
    const file = write('doing.json', pack('doing', [tour, list]));
    const page = write('doing.html', '<!doctype html><span id="label">Medication</span><select id="freq"><option value="QD">Once</option><option value="BID">Twice</option></select><input id="med"><button id="sign" disabled>Sign</button>');
    const r = cli('validate', file, '--today', '2026-11-23', '--page', page, '--json');
    const { errors, warnings } = JSON.parse(r.out);
    const messages = [...errors, ...warnings].map((w) => `${w.path}: ${w.message}`);
    assert.ok(messages.includes(`$.items[0].steps[0].action: target "#label" in ${page} waits for typing, but the target holds no text field (input, textarea or contenteditable)`), messages.join('\n'));
    assert.ok(messages.includes(`$.items[0].steps[1].action: target "#freq" in ${page} waits for "Q4H", which the target does not offer (it offers "QD", "BID")`));
    assert.ok(messages.includes(`$.items[0].steps[3].action: target "#sign" in ${page} waits for a click on a disabled control`));
    assert.ok(messages.some((m) => m.startsWith('$.items[0].steps[2].check.condition: FHIRPath does not compile')), messages.join('\n'));
    assert.ok(messages.includes('$.items[0].steps[3].check.condition: unknown variable(s) %nope: use %patient, %encounter, %user or %<ResourceType>'));
    assert.ok(messages.includes('$.items[1].entries[1].item: checklist "week-one" lists "tour.nowhere", which none of the packs validated here contains'));
    assert.ok(!messages.some((m) => m.includes('steps[2].action')), 'a text field that takes typing is not reported');
    assert.equal(r.status, 1);
  });

  it('reports unreadable and non-JSON files and bad usage clearly', () => {
    assert.match(cli('validate', join(dir, 'missing.json')).out, /missing\.json \$: cannot read: no such file/);
    assert.match(cli('validate', write('broken.json', '{ "format": ')).out, /broken\.json \$: not valid JSON/);
    const usage = cli('validate');
    assert.equal(usage.status, 2);
    assert.match(usage.err, /validate: name at least one pack file/);
    assert.match(cli('frobnicate', 'x.json').err, /unknown command "frobnicate"/);
  });
});

describe('ehr-guide validate: translations', () => {
  it('the example packs are fully translated into Spanish; another locale lists every item, field by field', () => {
    const ok = cli('validate', 'packs/ehr-skills.json', 'packs/ai-literacy.json', '--today', '2026-11-23');
    assert.equal(ok.status, 0, ok.out + ok.err);
    assert.doesNotMatch(ok.out, /translation/);
    const fr = cli('validate', 'packs/ehr-skills.json', '--locales', 'fr', '--today', '2026-11-23');
    assert.equal(fr.status, 0, fr.out + fr.err);
    assert.match(fr.out, /warning packs\/ehr-skills.json \$\.items\[8\]\.translations: "tour.order-entry" is missing a "fr" translation of title, body, steps\[0\]\.title, steps\[0\]\.body, steps\[1\]\.title, steps\[1\]\.body, steps\[2\]\.title, steps\[2\]\.body: clinicians reading fr see the pack's en there/);
    assert.equal((fr.out.match(/missing a "fr" translation/g) ?? []).length, 11);
  });

  it('names what a partial translation leaves out, skips items in their own language, and rejects a bad tag', () => {
    const file = write('partial.json', pack('partial', [
      tip('a', { translations: { es: { title: 'A' } } }),
      tip('b', { translations: { 'es-MX': { title: 'B', body: 'cuerpo' }, es: { body: 'cuerpo' } } }),
      tip('c', { locale: 'fr' }),
      tip('d', { translations: { es_MX: { title: 'x' } } }),
    ]));
    const r = cli('validate', file, '--locales', 'es,es-MX', '--today', '2026-11-23');
    assert.equal(r.status, 1, r.out + r.err);
    assert.match(r.out, /error {3}\S+ \$\.items\[3\]\.translations\.es_MX: must be a BCP 47 language tag/);
    assert.match(r.out, /\$\.items\[0\]\.translations: "a" is missing a "es" translation of body:/);
    assert.match(r.out, /\$\.items\[0\]\.translations: "a" is missing a "es-MX" translation of body:/);
    assert.match(r.out, /\$\.items\[1\]\.translations: "b" is missing a "es" translation of title:/);
    assert.doesNotMatch(r.out, /"b" is missing a "es-MX"/);
    assert.doesNotMatch(r.out, /"c" is missing/);
    assert.match(cli('validate', file, '--locales', 'es,english!').err, /--locales: "english!" is not a BCP 47 language tag/);
  });
});

describe('ehr-guide compile', () => {
  it('compiles markdown bodies (items and tour steps) into token trees that load without marked', async () => {
    const src = write('authored.json', pack('authored', [tip('t1', { body: 'Use **care** <script>x</script> [ok](https://example.org)' }), { kind: 'tour', id: 'tour', version: '1.0.0', title: 'T', reviewBy: '2027-01-01', body: 'tour *intro*', steps: [{ selector: '#a', title: 'A', body: 'step **one**' }] }]));
    const out = join(dir, 'out', 'compiled.json');
    const r = cli('compile', src, '-o', out);
    assert.equal(r.status, 0, r.err);
    const compiled = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(compiled.items[0].body.blocks[0].c.slice(0, 2), [{ t: 'text', v: 'Use ' }, { t: 'strong', c: [{ t: 'text', v: 'care' }] }]);
    assert.ok(JSON.stringify(compiled.items[0].body).includes('"v":" <script>x</script> "'), 'raw HTML stays text');
    assert.deepEqual(compiled.items[1].steps[0].body.blocks[0].c[1], { t: 'strong', c: [{ t: 'text', v: 'one' }] });
    const { loadPack } = await import('../../dist/core/index.js');
    assert.deepEqual(loadPack(compiled).errors, []);
  });

  it('refuses to compile an invalid pack and exits 1', () => {
    const r = cli('compile', write('invalid.json', pack('invalid', [tip('x', { body: '' })])));
    assert.equal(r.status, 1);
    assert.match(r.err, /\$\.items\[0\]\.body: must not be empty/);
  });
});

describe('content-pack JSON Schema', () => {
  it('is up to date with the valibot schemas and describes every item kind', async () => {
    const { toJsonSchema } = await import('@valibot/to-json-schema');
    const { PackSchema } = await import('../../dist/core/packs/schema.js');
    const committed = JSON.parse(readFileSync('schemas/content-pack.schema.json', 'utf8'));
    const generated = toJsonSchema(PackSchema, { errorMode: 'ignore' });
    assert.deepEqual(committed.properties, generated.properties);
    const kinds = committed.properties.items.items.anyOf ?? committed.properties.items.items.oneOf;
    assert.deepEqual(kinds.map((k) => k.properties.kind.const).sort(), ['checklist', 'lesson', 'tip', 'tour']);
  });
});

describe('ehr-guide test (pack tests for authors)', () => {
  const packs = ['packs/ehr-skills.json', 'packs/ai-literacy.json', 'packs/model-cards.json'];
  it('the example packs say what their expectations say about the Synthea fixtures', () => {
    const r = cli('test', ...packs, '--patients', 'test/fixtures/synthea', '--expect', 'packs/expectations/synthea-fixtures.json');
    assert.equal(r.status, 0, r.out + r.err);
    assert.match(r.out, /results\.thiazide-electrolytes\s+no\s+match\s+no/);
    assert.match(r.out, /0 mismatch\(es\), 0 error\(s\)/);
  });

  it("the demo's living older adult (opioid by medicationReference, warfarin coded without text, MDRD eGFR) gets the medication-safety tips", async () => {
    const { demoOlderAdultBundle } = await import('../../sandbox/demo-patient.mjs');
    dir ??= mkdtempSync(join(tmpdir(), 'ehr-guide-cli-'));
    const patients = join(dir, 'demo-patients');
    mkdirSync(patients, { recursive: true });
    writeFileSync(join(patients, 'rosa.json'), JSON.stringify(demoOlderAdultBundle()));
    const expect = write('demo-expectations.json', {
      items: {
        'orders.older-adult-opioid': { match: ['rosa'] },
        'orders.anticoagulant-older-adult': { match: ['rosa'] },
        'results.metformin-renal': { noMatch: ['rosa'] },
        'results.thiazide-electrolytes': { noMatch: ['rosa'] },
      },
      populations: { 'example-sepsis-model': { inside: ['rosa'] }, 'example-deterioration-index': { cannotTell: ['rosa'] } },
    });
    const r = cli('test', ...packs, '--patients', patients, '--expect', expect);
    assert.equal(r.status, 0, r.out + r.err);
    assert.match(r.out, /0 mismatch\(es\), 0 error\(s\)/);
  });

  it('names each mismatch and exits 1', () => {
    dir ??= mkdtempSync(join(tmpdir(), 'ehr-guide-cli-'));
    const expect = write('wrong-expectations.json', { items: { 'results.thiazide-electrolytes': { match: ['Chet_Thompson_eda17701-070d-4fae-9f7d-c8cd6263b63a'] } }, populations: { 'example-sepsis-model': { outside: ['Patria_Schimmel_d2f8f862-3856-490d-b56f-98e0ed984b1e'] } } });
    const r = cli('test', ...packs, '--patients', 'test/fixtures/synthea', '--expect', expect);
    assert.equal(r.status, 1);
    assert.match(r.out, /mismatch item "results\.thiazide-electrolytes" must match Chet_Thompson_eda17701-070d-4fae-9f7d-c8cd6263b63a, got no/);
    assert.match(r.out, /mismatch model card "example-sepsis-model": Patria_Schimmel_d2f8f862-3856-490d-b56f-98e0ed984b1e must be outside, got inside/);
  });

  it('says what is missing: no --patients, or a folder that does not exist', () => {
    assert.equal(cli('test', 'packs/ehr-skills.json').status, 2);
    const r = cli('test', 'packs/ehr-skills.json', '--patients', 'no/such/dir');
    assert.equal(r.status, 2);
    assert.match(r.err, /--patients no\/such\/dir: no such folder/);
  });
});

describe('ehr-guide validate: value sets and coded conditions', () => {
  it('lists composed sets, warns on text-only conditions and names a value set no pack defines', () => {
    dir ??= mkdtempSync(join(tmpdir(), 'ehr-guide-cli-'));
    const file = write('vocab.json', {
      format: 'ehr-guide-pack/1', id: 'vocab', version: '1.0.0', title: 'Vocabulary', locale: 'en',
      valueSets: [
        { url: 'https://h.example/vs/base', version: '1', provenance: 'test', valueSet: { resourceType: 'ValueSet', url: 'https://h.example/vs/base', expansion: { contains: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '1', display: 'warfarin 5 MG' }, { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '2', display: 'aspirin 81 MG' }] } } },
        { url: 'https://h.example/vs/warfarin', version: '1', provenance: 'test', compose: { include: [{ valueSet: 'https://h.example/vs/base', displayMatches: 'warfarin' }], add: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '3', display: 'Coumadin', reason: 'the brand some systems send' }] } },
        { url: 'https://h.example/vs/broken', version: '1', provenance: 'test', compose: { add: [{ system: 'x', code: 'y' }] } },
      ],
      items: [
        tip('coded', { when: { conditions: ["onMedication('https://h.example/vs/warfarin')"] } }),
        tip('text', { when: { conditions: ["%MedicationRequest.where(medicationCodeableConcept.text.lower().contains('warfarin')).exists()"] } }),
        tip('unknown', { when: { conditions: ["onMedication('https://h.example/vs/nowhere')"] } }),
      ],
    });
    const r = cli('validate', file, '--today', '2026-01-01');
    assert.equal(r.status, 1);
    assert.match(r.out, /info {4}\S+ \$\.valueSets\[1\]: composed set https:\/\/h\.example\/vs\/warfarin: 2 code\(s\) from https:\/\/h\.example\/vs\/base filtered by \/warfarin\/i; added 3 \(Coumadin\): the brand some systems send/);
    assert.match(r.out, /warning \S+ \$\.items\[1\]\.when\.conditions\[0\]: matches free text only/);
    assert.match(r.out, /error {3}\S+ \$\.items\[2\]\.when\.conditions\[0\]: onMedication\('https:\/\/h\.example\/vs\/nowhere'\): no pack validated here defines this value set/);
    assert.match(r.out, /error {3}\S+ \$\.valueSets\[2\]\.compose\.add\[0\]\.reason: an added code needs the reason it is added/);
  });
});

describe('ehr-guide report', () => {
  let statementsFile;
  let core;
  before(async () => {
    core = await import('../../dist/core/index.js');
    const learner = (i) => ({ homePage: 'https://hospital.example', name: `l${i}` });
    const st = [];
    // 7 physicians agree with the sepsis model, 5 nurses override it (3 "data-wrong", 2 "clinical-judgement");
    // 3 pharmacists agree with the deterioration index (too few: suppressed); 6 nurses pass a lesson, 1 fails.
    for (let i = 0; i < 7; i++) st.push(core.withRole(core.aiFeedbackStatement({ modelId: 'example-sepsis-model', outcome: 'agree', source: 'score', population: 'inside' }, learner(i)), 'physician'));
    for (let i = 0; i < 5; i++) st.push(core.withRole(core.aiFeedbackStatement({ modelId: 'example-sepsis-model', outcome: 'override', source: 'score', population: 'outside', reason: { code: i < 3 ? 'data-wrong' : 'clinical-judgement', display: i < 3 ? 'Data wrong' : 'My assessment differs' } }, learner(10 + i)), 'nurse'));
    for (let i = 0; i < 3; i++) st.push(core.withRole(core.aiFeedbackStatement({ modelId: 'example-deterioration-index', outcome: 'agree', source: 'score' }, learner(20 + i)), 'pharmacist'));
    for (let i = 0; i < 7; i++) st.push(core.withRole(core.lessonStatement({ itemId: 'lesson.reading-a-risk-score', version: '1.0.0', title: 'x', score: i < 6 ? 1 : 0.5, passed: i < 6, durationMs: 120000 }, learner(10 + (i % 5) + (i >= 5 ? 30 : 0))), 'nurse'));
    st.push({ actor: { mbox: 'mailto:someone@example.org' }, verb: { id: 'x' }, object: { id: 'y' } });
    statementsFile = write('statements.json', st.map((s, i) => ({ ...s, timestamp: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z` })));
  });

  it('prints the figures (JSON) as a hand count says, suppressing cells under 5 learners, and names what it skipped', () => {
    const r = cli('report', 'packs/ai-literacy.json', '--statements', statementsFile, '--today', '2026-12-01', '--json');
    assert.equal(r.status, 0, r.out + r.err);
    const report = JSON.parse(r.out);
    const sepsis = report.models.find((m) => m.modelId === 'example-sepsis-model');
    assert.deepEqual([sepsis.learners, sepsis.agree, sepsis.override, sepsis.overrideRate], [12, 7, 5, 5 / 12]);
    // 3 and 2 learners: both withheld (then ordered by code).
    assert.deepEqual(sepsis.reasons, [{ code: 'clinical-judgement', display: 'My assessment differs', count: null }, { code: 'data-wrong', display: 'Data wrong', count: null }]);
    assert.deepEqual(sepsis.byPopulation, { inside: { agree: 7, override: 0 }, outside: { agree: 0, override: 5 } });
    assert.deepEqual(sepsis.byRole, { physician: { agree: 7, override: 0 }, nurse: { agree: 0, override: 5 } });
    const di = report.models.find((m) => m.modelId === 'example-deterioration-index');
    assert.deepEqual([di.learners, di.agree], [null, null]);
    const lesson = report.learning.find((l) => l.itemId === 'lesson.reading-a-risk-score');
    assert.deepEqual([lesson.learners, lesson.attempts, lesson.completed, lesson.title], [7, 7, 6, 'Reading a risk score (2 minutes)']);
    assert.deepEqual(report.statements.skipped, { 'no account actor (ehr-guide names learners by account only)': 1 });
    assert.ok(report.suppressed >= 4);
  });

  it('writes CSV and a readable table; bad options are named', () => {
    const csv = cli('report', '--statements', statementsFile, '--csv');
    assert.equal(csv.status, 0, csv.err);
    assert.match(csv.out, /^section,id,group,measure,value\r\n/);
    assert.match(csv.out, /model,example-sepsis-model,,override,5\r\n/);
    assert.match(csv.out, /model,example-deterioration-index,,agree,suppressed\r\n/);
    const text = cli('report', '--statements', statementsFile, '--role', 'nurse');
    assert.equal(text.status, 0, text.err);
    assert.match(text.out, /example-sepsis-model\s+5\s+0\s+0\s+5\s+100%/); // learners, explained, agreed, overrode, rate
    assert.match(cli('report').err, /name an LRS \(--lrs https:\/\/…\/xapi\/statements\) or statement files/);
    assert.match(cli('report', '--statements', statementsFile, '--min-cell', '0').err, /--min-cell must be a whole number of at least 1/);
    assert.match(cli('report', '--statements', join(dir, 'nope.json')).err, /nope\.json: no such file/);
  });

  it('reads the sandbox LRS through the statements API, and says so when it stops early', async () => {
    const { createServer } = await import('node:http');
    const { createSandbox } = await import('../../sandbox/sandbox.mjs');
    const sandbox = await createSandbox();
    const server = createServer((req, res) => void sandbox.handle(req, res).then((handled) => handled || res.writeHead(404).end()));
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${server.address().port}`;
    sandbox.setBaseUrl(base);
    try {
      const statements = JSON.parse(readFileSync(statementsFile, 'utf8')).filter((s) => s.actor.account);
      const post = await fetch(`${base}/__sandbox/xapi/statements`, { method: 'POST', headers: { 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' }, body: JSON.stringify(statements) });
      assert.equal(post.status, 200, await post.clone().text());
      // The server runs in this process: the CLI must run alongside it, not block it (spawnSync would).
      const { execFile } = await import('node:child_process');
      const run = (...a) => new Promise((resolve) => execFile(process.execPath, ['bin/ehr-guide.mjs', ...a], (error, stdout, stderr) => resolve({ status: error ? error.code : 0, stdout, stderr })));
      const r = await run('report', '--lrs', `${base}/__sandbox/xapi/statements`, '--json');
      assert.equal(r.status, 0, r.stdout + r.stderr);
      const report = JSON.parse(r.stdout);
      assert.equal(report.models.find((m) => m.modelId === 'example-sepsis-model').override, 5);
      const refused = await run('report', '--lrs', `${base}/__sandbox/no-such-lrs`);
      assert.equal(refused.status, 1);
      assert.match(refused.stdout, /note {4}the LRS read stopped after 0 page\(s\): the LRS answered HTTP 404/);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
