/**
 * ehr-guide's platform adapters: what the DOM-free core needs from a browser (or Node), handed to it by the
 * elements — HTTP over `fetch`, Web Storage and IndexedDB, Web Locks, the FHIRPath module worker.
 */
export { fetchTransport } from './fetch-transport.js';
export { webLock } from './web-locks.js';
export { durableStorage, tabStorage, browserDismissalStore, webStorage, indexedDbStorage } from './web-storage.js';
export { WorkerEvaluator } from './worker-evaluator.js';
export { webUuid, webSha256, pseudonymousLearnerId } from './web-crypto.js';
export { sharedCdsFeedbackOutbox } from './shared-outbox.js';
export { browserEngineOptions } from './browser-engine.js';
