import { aggregateReport, type Report, type ReportOptions } from '../core/report/aggregate.js';
import { readStatements, type Fact } from '../core/report/read-statements.js';
import { yieldToPage } from '../core/yield.js';
import { workerUrl } from './worker-url.js';

/**
 * Aggregates learning records for `<ehr-guide-report>` off the main thread: statements go to the report worker
 * page by page, figures come back per filter. Where no worker can start (a CSP without `worker-src` for it), the
 * same core runs on the page in slices that yield between them.
 */
export class ReportAggregator {
  #worker?: Worker;
  #failed = false;
  #next = 0;
  #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  #facts: Fact[] = [];
  #skipped: Record<string, number> = {};

  constructor(private readonly url: URL | string = new URL('./report.worker.js', import.meta.url)) {}

  #ensure(): Worker | undefined {
    if (this.#failed) return undefined;
    if (!this.#worker) {
      try {
        this.#worker = new Worker(workerUrl(new URL(String(this.url), globalThis.location?.href)) as URL, { type: 'module', name: 'ehr-guide-report' });
        this.#worker.addEventListener('message', (event: MessageEvent<{ id: number; ok: boolean; error?: string }>) => {
          const pending = this.#pending.get(event.data.id);
          if (!pending) return;
          this.#pending.delete(event.data.id);
          if (event.data.ok) pending.resolve(event.data);
          else pending.reject(new Error(event.data.error));
        });
        this.#worker.addEventListener('error', () => this.#fail());
      } catch {
        this.#fail();
      }
    }
    return this.#worker;
  }

  #fail(): void {
    this.#failed = true;
    this.#worker?.terminate();
    this.#worker = undefined;
    for (const p of this.#pending.values()) p.reject(new Error('the report worker stopped'));
    this.#pending.clear();
  }

  #ask<T>(message: object): Promise<T> | undefined {
    const worker = this.#ensure();
    if (!worker) return undefined;
    const id = ++this.#next;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, ...message });
    });
  }

  /** Starts over (a new source or period). */
  async reset(): Promise<void> {
    this.#facts = [];
    this.#skipped = {};
    await this.#ask({ type: 'reset' })?.catch(() => undefined);
  }

  /** Adds a page of statements. */
  async add(statements: unknown[]): Promise<void> {
    const asked = this.#ask({ type: 'add', statements });
    if (asked) {
      try {
        await asked;
        return;
      } catch {
        // The worker died: from here on, on the page.
      }
    }
    for (let i = 0; i < statements.length; i += 2000) {
      const read = readStatements(statements.slice(i, i + 2000));
      this.#facts.push(...read.facts);
      for (const [reason, n] of Object.entries(read.skipped)) this.#skipped[reason] = (this.#skipped[reason] ?? 0) + n;
      await yieldToPage();
    }
  }

  /** The figures for these filters. */
  async aggregate(options: ReportOptions): Promise<Report> {
    const asked = this.#ask<{ report: Report }>({ type: 'aggregate', options });
    if (asked) {
      try {
        return (await asked).report;
      } catch {
        // fall through to the page
      }
    }
    return aggregateReport(this.#facts, options, this.#skipped);
  }

  dispose(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
  }
}
