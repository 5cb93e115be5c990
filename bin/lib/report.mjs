// `ehr-guide report`: the governance and learning report from learning records — an LRS read through the xAPI
// Statements API, or exported statement files — as a table, JSON or CSV; the same figures as <ehr-guide-report>.
import { readFileSync } from 'node:fs';

/** Statements from a file: a JSON array, a StatementResult ({ statements }), or one statement per line (NDJSON). */
function statementsOf(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { error: `${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}` };
  }
  try {
    const json = JSON.parse(text);
    if (Array.isArray(json)) return { statements: json };
    if (Array.isArray(json?.statements)) return { statements: json.statements };
    return { error: `${file}: neither an array of statements nor a StatementResult` };
  } catch {
    const lines = text.split(/\r?\n/).filter((l) => l.trim());
    const statements = [];
    for (const [i, line] of lines.entries()) {
      try {
        statements.push(JSON.parse(line));
      } catch {
        return { error: `${file}: line ${i + 1} is not JSON (expected JSON, or one statement per line)` };
      }
    }
    return { statements };
  }
}

const show = (v, pct = false) => (v === null ? 'suppressed' : v === undefined ? '—' : pct ? `${Math.round(v * 100)}%` : String(v));

function table(report) {
  const lines = [];
  lines.push(`Period: ${report.period.since ?? 'all'} to ${report.period.until ?? 'now'} · ${report.statements.counted} statement(s) counted · cells under ${report.minCell} learners suppressed (${report.suppressed})`);
  lines.push('', 'AI models                        learners explained  agree  override  override rate  accept  edit  reject');
  for (const m of report.models) lines.push(`  ${m.modelId.padEnd(30)} ${show(m.learners).padStart(6)} ${show(m.explained).padStart(9)} ${show(m.agree).padStart(6)} ${show(m.override).padStart(9)} ${show(m.overrideRate, true).padStart(14)} ${show(m.accept).padStart(7)} ${show(m.edit).padStart(5)} ${show(m.reject).padStart(7)}`);
  for (const m of report.models) for (const r of m.reasons) lines.push(`    ${m.modelId} override reason ${r.display ?? r.code}: ${show(r.count)}`);
  lines.push('', 'Lessons and tours    learners  completed  rate  mean score  median minutes');
  for (const l of report.learning) lines.push(`  ${`${l.kind} ${l.itemId}`.padEnd(36)} ${show(l.learners).padStart(6)} ${show(l.completed).padStart(10)} ${show(l.completionRate, true).padStart(5)} ${show(l.meanScore, true).padStart(11)} ${show(l.medianMinutes).padStart(15)}`);
  lines.push('', 'Pushed items         shown  got it  never  snoozed  never rate');
  for (const i of report.items) lines.push(`  ${`${i.itemId}${i.flagged ? ' (review: often rejected)' : ''}`.padEnd(40)} ${show(i.shown).padStart(5)} ${show(i.gotIt).padStart(7)} ${show(i.never).padStart(6)} ${show(i.snoozed).padStart(8)} ${show(i.neverRate, true).padStart(11)}`);
  if (report.coverage.length) lines.push('', 'Coverage by role');
  for (const c of report.coverage) lines.push(`  ${c.role} (${show(c.learners)} learners): ${c.items.map((i) => `${i.itemId} ${show(i.covered)}`).join(', ') || 'no lessons or tours for this role'}`);
  if (report.reviews.length) lines.push('', 'Content to review');
  for (const r of report.reviews) lines.push(`  ${r.itemId}: ${r.status === 'past' ? 'past its review-by date' : 'due for review by'} ${r.reviewBy}`);
  const skipped = Object.entries(report.statements.skipped);
  if (skipped.length) lines.push('', 'Skipped statements');
  for (const [reason, n] of skipped) lines.push(`  ${n}: ${reason}`);
  return lines.join('\n');
}

export async function report(args, core, fail) {
  const { readStatements, aggregateReport, reportCsv, readLrs, loadPack } = core;
  if (!args.lrs && !args.statementFiles.length) fail('report: name an LRS (--lrs https://…/xapi/statements) or statement files (--statements FILE)');
  if (args.minCell !== undefined && !(Number.isInteger(Number(args.minCell)) && Number(args.minCell) >= 1)) fail(`--min-cell must be a whole number of at least 1, got ${args.minCell}`);
  for (const [name, value] of [['--since', args.since], ['--until', args.until]]) if (value && Number.isNaN(Date.parse(value))) fail(`${name} must be an ISO 8601 date or time, got ${value}`);
  const statements = [];
  const notes = [];
  for (const file of args.statementFiles) {
    const read = statementsOf(file);
    if (read.error) fail(`--statements ${read.error}`);
    statements.push(...read.statements);
  }
  if (args.lrs) {
    const transport = async ({ url, method, headers, body, signal }) => {
      const r = await fetch(url, { method, headers, body, signal });
      return { status: r.status, headers: Object.fromEntries(r.headers.entries()), text: await r.text() };
    };
    const read = await readLrs(transport, { endpoint: args.lrs, auth: process.env.EHR_GUIDE_LRS_AUTH, since: args.since, until: args.until });
    statements.push(...read.statements);
    if (read.stopped) notes.push(`the LRS read stopped after ${read.pages} page(s): ${read.stopped}`);
  }
  const items = [];
  for (const file of args.files) {
    let json;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      fail(`${file}: ${error.message}`);
    }
    const loaded = loadPack(json, file);
    for (const item of loaded.pack?.items ?? []) items.push({ id: item.id, kind: item.kind, title: item.title, reviewBy: item.reviewBy, audience: item.audience });
  }
  const { facts, skipped } = readStatements(statements);
  const result = aggregateReport(facts, { since: args.since, until: args.until, role: args.role, model: args.model, minCell: args.minCell === undefined ? undefined : Number(args.minCell), items, today: args.today }, skipped);
  if (args.csv) process.stdout.write(reportCsv(result));
  else if (args.json) console.log(JSON.stringify({ ...result, notes }, null, 2));
  else {
    console.log(table(result));
    for (const n of notes) console.log(`note    ${n}`);
  }
  return notes.length ? 1 : 0;
}
