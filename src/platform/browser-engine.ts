import type { EngineOptions } from '../core/engine/engine.js';
import { deviceLearnerId, tabSessionId } from '../core/progress/identity.js';
import { fetchTransport } from './fetch-transport.js';
import { webLock } from './web-locks.js';
import { WorkerEvaluator } from './worker-evaluator.js';
import { webUuid } from './web-crypto.js';
import { durableStorage, tabStorage, webStorage } from './web-storage.js';

/**
 * The engine's options in a browser page: progress and the learning-record queue in localStorage, packs and
 * statements over fetch, Web Locks between tabs, FHIRPath in a module worker, URLs relative to the page, and a
 * pseudonymous device learner id and tab session id unless given.
 */
export function browserEngineOptions(options: Partial<EngineOptions> & { workerUrl?: string } = {}): EngineOptions {
  const { workerUrl, ...rest } = options;
  const storage = durableStorage();
  return {
    learnerId: deviceLearnerId(storage, webUuid),
    sessionId: tabSessionId(tabStorage(), webUuid),
    newId: webUuid,
    storage: storage ? webStorage(storage) : undefined,
    recordStorage: storage,
    transport: fetchTransport(),
    lock: webLock,
    baseUrl: globalThis.location?.href,
    createEvaluator: () => new WorkerEvaluator(workerUrl ?? undefined),
    ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
  } as EngineOptions;
}
