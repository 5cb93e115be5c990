import type { Report } from './aggregate.js';

/**
 * The report as CSV (RFC 4180), one figure per row: `section,id,group,measure,value`. A suppressed figure is the
 * word `suppressed`, never a number; rates are shares from 0 to 1.
 */
export function reportCsv(report: Report): string {
  const rows: Array<Array<string | number | null>> = [['section', 'id', 'group', 'measure', 'value']];
  const v = (x: number | null) => (x === null ? 'suppressed' : x);
  for (const m of report.models) {
    for (const measure of ['learners', 'explained', 'agree', 'override', 'overrideRate', 'accept', 'edit', 'reject'] as const) rows.push(['model', m.modelId, '', measure, v(m[measure])]);
    for (const r of m.reasons) rows.push(['model', m.modelId, `reason:${r.code}`, 'count', v(r.count)]);
    for (const [kind, groups] of [['population', m.byPopulation], ['role', m.byRole], ['month', m.byMonth]] as const) {
      for (const [group, c] of Object.entries(groups)) {
        rows.push(['model', m.modelId, `${kind}:${group}`, 'agree', v(c.agree)]);
        rows.push(['model', m.modelId, `${kind}:${group}`, 'override', v(c.override)]);
      }
    }
  }
  for (const l of report.learning) {
    for (const measure of ['learners', 'attempts', 'completed', 'completionRate', 'meanScore', 'medianMinutes'] as const) rows.push([l.kind, l.itemId, '', measure, v(l[measure])]);
    for (const [role, c] of Object.entries(l.byRole)) {
      rows.push([l.kind, l.itemId, `role:${role}`, 'learners', v(c.learners)]);
      rows.push([l.kind, l.itemId, `role:${role}`, 'completed', v(c.completed)]);
    }
  }
  for (const i of report.items) {
    for (const measure of ['shown', 'gotIt', 'never', 'snoozed', 'neverRate'] as const) rows.push(['item', i.itemId, i.kind, measure, v(i[measure])]);
    rows.push(['item', i.itemId, i.kind, 'flagged', i.flagged ? 1 : 0]);
  }
  for (const c of report.coverage) {
    rows.push(['coverage', c.role, '', 'learners', v(c.learners)]);
    for (const i of c.items) rows.push(['coverage', c.role, `${i.kind}:${i.itemId}`, 'covered', v(i.covered)]);
  }
  for (const r of report.reviews) rows.push(['review', r.itemId, r.status, 'reviewBy', r.reviewBy]);
  for (const [reason, n] of Object.entries(report.statements.skipped)) rows.push(['skipped', '', reason, 'statements', n]);
  const cell = (x: string | number | null) => {
    const text = String(x ?? '');
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
