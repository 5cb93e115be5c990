import { CdsFeedbackOutbox } from '../core/cds/feedback-outbox.js';
import { fetchTransport } from './fetch-transport.js';
import { webLock } from './web-locks.js';
import { durableStorage } from './storage-access.js';

/**
 * The page's one CDS feedback outbox, over localStorage, fetch and Web Locks (shared through a global symbol, so
 * two copies of ehr-guide on a page share it too): two outboxes over one stored queue would send the same
 * feedback twice.
 */
export function sharedCdsFeedbackOutbox(): CdsFeedbackOutbox {
  const key = Symbol.for('ehr-guide/cds-feedback-outbox');
  const holder = globalThis as unknown as Record<symbol, CdsFeedbackOutbox | undefined>;
  return (holder[key] ??= new CdsFeedbackOutbox({ storage: durableStorage(), transport: fetchTransport(), lock: webLock }));
}
