import { html, nothing } from 'lit';
import type { Report } from '../../core/report/aggregate.js';
import type { Count } from '../../core/report/tally.js';
import type { Words } from '../../controllers/words.js';
import type messages from '../../i18n/compiled/en/report.js';
import { heading } from '../shared/heading.js';
import { barChart } from './report-charts.js';

export type ReportMessage = keyof typeof messages;
type W = Words<ReportMessage>;

/** A count, or "—" with the reason it is withheld (for screen readers too). */
function cell(w: W, minCell: number, value: Count | undefined, percent = false) {
  if (value === null) return html`<span aria-hidden="true">—</span><span class="visually-hidden">${w.t('withheld', { minCell })}</span>`;
  if (value === undefined) return '';
  return percent ? w.percent(value) : w.number(value, 1);
}
const num = (w: W, m: number, v: Count | undefined, pct = false) => html`<td class="num">${cell(w, m, v, pct)}</td>`;
const POP = { inside: 'popInside', outside: 'popOutside', 'cannot-tell': 'popCannotTell', 'not-recorded': 'popNotRecorded' } as const;

export function renderModels(w: W, level: number, report: Report) {
  const m = report.minCell;
  const sub = Math.min(6, level + 1);
  return html`<section part="section">
    ${heading(level, w.t('models'))}
    ${report.models.length === 0
      ? html`<p class="muted">${w.t('noModels')}</p>`
      : report.models.map((model) => {
          const max = Math.max(model.agree ?? 0, model.override ?? 0, 1);
          const text = (v: Count) => (v === null ? '—' : w.number(v, 0));
          return html`${heading(sub, model.modelId)}
            ${barChart(
              [
                { label: w.t('agree'), value: model.agree, text: text(model.agree) },
                { label: w.t('override'), value: model.override, text: text(model.override) },
              ],
              max,
              w.t('chartAgreeOverride', { model: model.modelId, agree: text(model.agree), override: text(model.override) }),
            )}
            <table part="table">
              <thead><tr><th scope="col">${w.t('learners')}</th><th scope="col">${w.t('explained')}</th><th scope="col">${w.t('agree')}</th><th scope="col">${w.t('override')}</th><th scope="col">${w.t('overrideRate')}</th><th scope="col">${w.t('accept')}</th><th scope="col">${w.t('edit')}</th><th scope="col">${w.t('reject')}</th></tr></thead>
              <tbody><tr>${num(w, m, model.learners)}${num(w, m, model.explained)}${num(w, m, model.agree)}${num(w, m, model.override)}${num(w, m, model.overrideRate, true)}${num(w, m, model.accept)}${num(w, m, model.edit)}${num(w, m, model.reject)}</tr></tbody>
            </table>
            ${model.reasons.length
              ? html`<table part="table"><caption>${w.t('reasons')}</caption><thead><tr><th scope="col">${w.t('reason')}</th><th scope="col">${w.t('count')}</th></tr></thead>
                  <tbody>${model.reasons.map((r) => html`<tr><td>${r.display ?? r.code}</td>${num(w, m, r.count)}</tr>`)}</tbody></table>`
              : nothing}
            ${groupTable(w, m, w.t('byPopulation'), model.byPopulation, (k) => w.t(POP[k as keyof typeof POP] ?? 'popNotRecorded'))}
            ${groupTable(w, m, w.t('byRole'), model.byRole, (k) => (k === 'not-recorded' ? w.t('roleNotRecorded') : k))}
            ${groupTable(w, m, w.t('byMonth'), model.byMonth, (k) => k)}`;
        })}
  </section>`;
}

function groupTable(w: W, m: number, caption: string, groups: Record<string, { agree: Count; override: Count }>, label: (key: string) => string) {
  const keys = Object.keys(groups).sort();
  if (!keys.length) return nothing;
  return html`<table part="table"><caption>${caption}</caption>
    <thead><tr><td></td><th scope="col">${w.t('agree')}</th><th scope="col">${w.t('override')}</th></tr></thead>
    <tbody>${keys.map((k) => html`<tr><th scope="row">${label(k)}</th>${num(w, m, groups[k].agree)}${num(w, m, groups[k].override)}</tr>`)}</tbody>
  </table>`;
}

export function renderLearning(w: W, level: number, report: Report) {
  const m = report.minCell;
  if (!report.learning.length) return html`<section part="section">${heading(level, w.t('learning'))}<p class="muted">${w.t('noLearning')}</p></section>`;
  const rows = report.learning.map((l) => ({ label: l.title ?? l.itemId, value: l.completionRate === null ? null : l.completionRate * 100, text: l.completionRate === null ? '—' : w.percent(l.completionRate) }));
  return html`<section part="section">
    ${heading(level, w.t('learning'))}
    ${barChart(rows, 100, w.t('chartCompletion', { list: rows.map((r) => `${r.label} ${r.text}`).join('; ') }))}
    <table part="table">
      <thead><tr><th scope="col">${w.t('item')}</th><th scope="col">${w.t('learners')}</th><th scope="col">${w.t('attempts')}</th><th scope="col">${w.t('completed')}</th><th scope="col">${w.t('completionRate')}</th><th scope="col">${w.t('meanScore')}</th><th scope="col">${w.t('medianMinutes')}</th></tr></thead>
      <tbody>
        ${report.learning.map((l) => html`<tr><th scope="row">${w.t(l.kind === 'lesson' ? 'kindLesson' : 'kindTour')}: ${l.title ?? l.itemId}</th>${num(w, m, l.learners)}${num(w, m, l.attempts)}${num(w, m, l.completed)}${num(w, m, l.completionRate, true)}${num(w, m, l.meanScore, true)}${num(w, m, l.medianMinutes)}</tr>`)}
      </tbody>
    </table>
  </section>`;
}

export function renderItems(w: W, level: number, report: Report) {
  const m = report.minCell;
  return html`<section part="section">
    ${heading(level, w.t('items'))}
    ${report.items.length === 0
      ? html`<p class="muted">${w.t('noItems')}</p>`
      : html`<table part="table">
          <thead><tr><th scope="col">${w.t('item')}</th><th scope="col">${w.t('shown')}</th><th scope="col">${w.t('gotIt')}</th><th scope="col">${w.t('never')}</th><th scope="col">${w.t('snoozed')}</th><th scope="col">${w.t('neverRate')}</th></tr></thead>
          <tbody>
            ${report.items.map((i) => html`<tr class=${i.flagged ? 'flagged' : ''}><th scope="row">${i.title ?? i.itemId}${i.flagged ? html` <span class="warning">(${w.t('flagged')})</span>` : nothing}</th>${num(w, m, i.shown)}${num(w, m, i.gotIt)}${num(w, m, i.never)}${num(w, m, i.snoozed)}${num(w, m, i.neverRate, true)}</tr>`)}
          </tbody>
        </table>`}
  </section>`;
}

export function renderCoverage(w: W, level: number, report: Report) {
  const m = report.minCell;
  return html`<section part="section">
    ${heading(level, w.t('coverage'))}
    ${report.coverage.length === 0
      ? html`<p class="muted">${w.t('noCoverage')}</p>`
      : html`<table part="table">
          <thead><tr><th scope="col">${w.t('role')}</th><th scope="col">${w.t('learners')}</th><th scope="col">${w.t('learning')}</th></tr></thead>
          <tbody>${report.coverage.map((c) => html`<tr><th scope="row">${c.role}</th>${num(w, m, c.learners)}<td>${c.items.map((i, n) => html`${n ? '; ' : ''}${i.itemId}: ${cell(w, m, i.covered)}`)}</td></tr>`)}</tbody>
        </table>`}
    ${report.reviews.length
      ? html`${heading(level, w.t('reviews'))}
          <ul>${report.reviews.map((r) => html`<li class=${r.status === 'past' ? 'warning' : ''}>${r.title ?? r.itemId}: ${w.t(r.status === 'past' ? 'pastReview' : 'dueReview', { date: w.date(r.reviewBy) })}</li>`)}</ul>`
      : nothing}
    ${heading(level, w.t('skipped'))}
    ${Object.keys(report.statements.skipped).length
      ? html`<ul>${Object.entries(report.statements.skipped).map(([reason, n]) => html`<li><span lang="en">${reason}</span>: ${w.number(n, 0)}</li>`)}</ul>`
      : html`<p class="muted">${w.t('noSkipped')}</p>`}
  </section>`;
}
