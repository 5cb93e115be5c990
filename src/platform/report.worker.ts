/**
 * The report's Web Worker: statements arrive page by page (`add`), are read into facts there, and each
 * `aggregate` answers with the figures for the filters asked — 100,000 statements never block the page.
 */
import { aggregateReport, type ReportOptions } from '../core/report/aggregate.js';
import { readStatements, type Fact } from '../core/report/read-statements.js';

type Request = { id: number } & ({ type: 'reset' } | { type: 'add'; statements: unknown[] } | { type: 'aggregate'; options: ReportOptions });

let facts: Fact[] = [];
let skipped: Record<string, number> = {};

self.addEventListener('message', (event: MessageEvent<Request>) => {
  const request = event.data;
  try {
    if (request.type === 'reset') {
      facts = [];
      skipped = {};
      self.postMessage({ id: request.id, ok: true });
    } else if (request.type === 'add') {
      const read = readStatements(request.statements);
      for (const f of read.facts) facts.push(f);
      for (const [reason, n] of Object.entries(read.skipped)) skipped[reason] = (skipped[reason] ?? 0) + n;
      self.postMessage({ id: request.id, ok: true, read: facts.length });
    } else {
      self.postMessage({ id: request.id, ok: true, report: aggregateReport(facts, request.options, skipped) });
    }
  } catch (error) {
    self.postMessage({ id: request.id, ok: false, error: (error as Error).message });
  }
});
