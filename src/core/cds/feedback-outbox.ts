import { missingTransport, runUnlocked, type HttpTransport, type KeyValueStorage, type LockRunner } from '../adapters.js';
import { StoredList } from '../stored-list.js';
import { postCardFeedback, type CdsFeedbackBody } from './feedback.js';

export interface CdsFeedbackOutboxOptions {
  /** Where the queue survives a closed tab (durable storage from the platform); memory when absent. */
  storage?: KeyValueStorage | null;
  /** How feedback reaches the service (the platform's HTTP transport). */
  transport?: HttpTransport;
  /** Serialises sending between tabs (Web Locks in browsers). */
  lock?: LockRunner;
  onProblem?: (message: string) => void;
}

const KEY = 'ehr-guide:cds-feedback-queue';
const MAX = 500;

interface Entry {
  serviceUrl: string;
  body: CdsFeedbackBody;
}

/**
 * CDS Hooks feedback waiting to reach its service. Written to storage before it is sent and removed only when
 * the service accepted it, so an outage or a closed tab loses no clinician's feedback; `flush()` (called on each
 * new feedback, and by the elements when they connect) sends what is left.
 */
export class CdsFeedbackOutbox {
  #queue: StoredList<Entry>;
  #flushing?: Promise<void>;
  #listeners = new Set<(message: string) => void>();

  readonly #transport: HttpTransport;
  readonly #lock: LockRunner;

  constructor(options: CdsFeedbackOutboxOptions = {}) {
    this.#queue = new StoredList<Entry>(options.storage ?? null, KEY);
    this.#transport = options.transport ?? missingTransport('CDS feedback');
    this.#lock = options.lock ?? runUnlocked;
    if (options.onProblem) this.#listeners.add(options.onProblem);
  }

  /** Hears delivery problems (elements report them as events; the latest listener is told); returns the function that stops listening. */
  onProblem(listener: (message: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** A problem is told once, to the listener that joined last (one event per failure, however many elements). */
  #problem(message: string): void {
    const listener = [...this.#listeners].at(-1);
    try {
      listener?.(message);
    } catch {
      // a listener's failure is not the outbox's
    }
  }

  get pending(): Entry[] {
    return this.#queue.read();
  }

  #save(entries: Entry[]): void {
    if (entries.length > MAX) {
      this.#problem(`CDS feedback could not be delivered for ${entries.length} cards; the oldest ${entries.length - MAX} were dropped`);
      entries = entries.slice(-MAX);
    }
    this.#queue.write(entries);
  }

  /** Queues feedback for `serviceUrl` (the service's own URL, `{base}/cds-services/{id}`) and sends. */
  send(serviceUrl: string, body: CdsFeedbackBody): Promise<void> {
    this.#save([...this.pending, { serviceUrl, body }]);
    return this.flush();
  }

  flush(): Promise<void> {
    this.#flushing ??= this.#lock('ehr-guide:cds-feedback', () => this.#sendAll()).finally(() => (this.#flushing = undefined));
    return this.#flushing;
  }

  async #sendAll(): Promise<void> {
    for (const entry of this.pending) {
      try {
        await postCardFeedback(entry.serviceUrl, entry.body, this.#transport);
        const sent = JSON.stringify(entry);
        this.#save(this.pending.filter((e) => JSON.stringify(e) !== sent));
      } catch (error) {
        this.#problem(`feedback for a card of ${entry.serviceUrl} was not delivered (${(error as Error).message}); kept to send again`);
        return; // the service is down: keep the order, try later
      }
    }
  }
}

