import { workerUrl } from './worker-url.js';
import { yieldToPage } from '../core/yield.js';
import type { ConditionEvaluator, ConditionResult, EvaluationData } from '../core/triggers/evaluator.js';
import type { WorkerRequestBody, WorkerResponse } from '../core/triggers/worker-protocol.js';

/**
 * Resources per postMessage when sending a record to the worker: whole resources (an Observation with components
 * and notes clones slowly), or resources cut down to what the clinical functions read (small: fewer, larger slices
 * save the per-message cost).
 */
const CHUNK = { whole: 25, projected: 100 };
/** Main-thread time spent cloning slices before the page gets a turn (a long task is 50 ms; guidance keeps to 4). */
const TASK_BUDGET_MS = 4;


type Pending = { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void };
type WorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener'>;

/**
 * Evaluates conditions in a module Web Worker. The worker (and with it fhirpath) is created on first use only.
 * Data crosses the thread boundary once per change: each part (patient, encounter, user, each resource type) is
 * sent again only when its version changed.
 */
export class WorkerEvaluator implements ConditionEvaluator {
  #worker?: WorkerLike;
  #nextId = 1;
  #pending = new Map<number, Pending>();
  #sent: Record<string, string> = {};
  #failed?: Error;

  /** `source`: a function that creates the worker, or the URL of `fhirpath.worker.js` if the host serves it elsewhere. */
  constructor(source: (() => WorkerLike) | string | URL = defaultWorker) {
    this.createWorker = typeof source === 'function' ? source : () => defaultWorker(new URL(String(source), globalThis.location?.href));
  }

  private readonly createWorker: () => WorkerLike;

  #ensure(): WorkerLike {
    if (this.#failed) throw this.#failed;
    if (!this.#worker) {
      const worker = this.createWorker();
      worker.addEventListener('message', (event: Event) => {
        const response = (event as MessageEvent<WorkerResponse>).data;
        const pending = this.#pending.get(response.id);
        if (!pending) return;
        this.#pending.delete(response.id);
        if (response.type === 'error') pending.reject(new Error(response.error));
        else pending.resolve(response);
      });
      worker.addEventListener('error', (event: Event) => {
        // The worker script failed to load or crashed: every pending and later request fails with a clear reason.
        this.#failed = new Error(`FHIRPath worker failed: ${(event as ErrorEvent).message || 'could not load'}`);
        for (const pending of this.#pending.values()) pending.reject(this.#failed);
        this.#pending.clear();
      });
      this.#worker = worker;
    }
    return this.#worker;
  }

  #send<T extends WorkerResponse>(request: WorkerRequestBody): Promise<T> {
    const worker = this.#ensure();
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (r: WorkerResponse) => void, reject });
      worker.postMessage({ ...request, id });
    });
  }

  #queue: Promise<unknown> = Promise.resolve();

  /**
   * Evaluations run one after another: data goes over in slices with yields between them, so a second
   * evaluation must not post its request while the first one's data is still on its way.
   */
  evaluate(expressions: readonly string[], data: EvaluationData): Promise<ConditionResult[]> {
    const run = this.#queue.then(() => this.#evaluate(expressions, data));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #evaluate(expressions: readonly string[], data: EvaluationData): Promise<ConditionResult[]> {
    if (expressions.length === 0) return [];
    try {
      const parts: Record<string, unknown> = {};
      const check = (part: string, value: unknown) => {
        // The same version in another shape (all elements, or only those the clinical functions read) is other data.
        const version = `${data.versions[part] ?? 0}|${data.shapes?.[part] ?? ''}`;
        if (this.#sent[part] !== version) {
          parts[part] = value ?? null;
          this.#sent[part] = version;
        }
      };
      check('patient', data.patient);
      check('encounter', data.encounter);
      check('user', data.user);
      if (data.valueSets) check('valueSets', data.valueSets);
      for (const type of Object.keys(data.resources)) check(`resource:${type}`, data.resources[type]);
      for (const part of Object.keys(this.#sent)) {
        if (part.startsWith('resource:') && !(part.slice(9) in data.resources)) {
          parts[part] = null;
          delete this.#sent[part];
        }
      }
      // The worker handles messages in order: the evaluation is posted as soon as the data is, without waiting for
      // the worker to acknowledge each slice; a slice that failed fails the evaluation.
      const { delivered } = await this.#sendData(parts, new Set(Object.keys(data.shapes ?? {}).filter((part) => data.shapes![part])));
      const [, response] = await Promise.all([delivered, this.#send<{ id: number; type: 'results'; results: ConditionResult[] }>({ type: 'evaluate', expressions })]);
      return response.results;
    } catch (error) {
      this.#sent = {};
      return expressions.map(() => ({ ok: false, error: (error as Error).message }));
    }
  }

  /**
   * Sends changed data in slices, yielding to the page once a task has spent its budget: cloning a whole record
   * for postMessage in one go can take tens of milliseconds on the main thread; slices of a few resources, and a
   * yield every few milliseconds, keep every task short without paying a task hop per slice.
   */
  async #sendData(parts: Record<string, unknown>, projected: ReadonlySet<string>): Promise<{ delivered: Promise<unknown> }> {
    const entries = Object.entries(parts);
    if (!entries.length) return { delivered: Promise.resolve() };
    const pending: Array<Promise<unknown>> = [];
    // Handled at once: a dispose() during a yield below rejects slices Promise.all has not yet been given.
    const track = (promise: Promise<unknown>) => {
      promise.catch(() => undefined);
      pending.push(promise);
    };
    let taskStart = performance.now();
    const maybeYield = async () => {
      if (performance.now() - taskStart < TASK_BUDGET_MS) return;
      await yieldToPage();
      taskStart = performance.now();
    };
    for (const [part, value] of entries) {
      const chunk = projected.has(part) ? CHUNK.projected : CHUNK.whole;
      if (Array.isArray(value) && value.length > chunk) {
        for (let i = 0; i < value.length; i += chunk) {
          track(this.#send({ type: 'data', parts: { [part]: value.slice(i, i + chunk) }, append: i > 0 }));
          await maybeYield();
        }
      } else {
        track(this.#send({ type: 'data', parts: { [part]: value } }));
        await maybeYield();
      }
    }
    return { delivered: Promise.all(pending) };
  }

  async check(expressions: readonly string[]): Promise<Array<string | undefined>> {
    const response = await this.#send<{ id: number; type: 'checks'; errors: Array<string | undefined> }>({ type: 'check', expressions });
    return response.errors;
  }

  dispose(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#sent = {};
    for (const pending of this.#pending.values()) pending.reject(new Error('evaluator disposed'));
    this.#pending.clear();
  }
}

function defaultWorker(url = new URL('./fhirpath.worker.js', import.meta.url)): WorkerLike {
  return new Worker(workerUrl(url) as URL, { type: 'module', name: 'ehr-guide-fhirpath' });
}
