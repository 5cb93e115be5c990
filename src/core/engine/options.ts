import type { HttpTransport, IdSource, KeyValueStorage, LockRunner } from '../adapters.js';
import type { FatiguePolicy } from '../fatigue/policy.js';
import type { ProgressStorage } from '../progress/storage.js';
import type { LrsConfig } from '../records/learning-records.js';
import type { ConditionEvaluator } from '../triggers/evaluator.js';
import type { EngineProblem } from './problems.js';

/** What a `GuideEngine` is built with: who learns, where progress and records go, and the platform's adapters. */
export interface EngineOptions {
  /** Pseudonymous learner id (never a name, MRN or e-mail). */
  learnerId: string;
  /** One id per clinician session; per-session caps and the budget count within it. */
  sessionId: string;
  /** Where progress is kept (memory when absent; the element layer passes the browser's durable storage). */
  storage?: ProgressStorage;
  policy?: Partial<FatiguePolicy>;
  /** How FHIRPath runs; created lazily, only once a loaded pack has conditions. */
  createEvaluator?: () => ConditionEvaluator;
  /** How packs are fetched and learning records sent (the platform's HTTP transport). */
  transport?: HttpTransport;
  /** Where the learning-record queue survives a closed tab (memory when absent). */
  recordStorage?: KeyValueStorage | null;
  /** Serialises sending the learning-record queue between tabs (Web Locks in browsers). */
  lock?: LockRunner;
  /** What relative pack and LRS URLs resolve against, and the default learner home page's origin (the page's URL). */
  baseUrl?: string;
  /** Learning-record statement ids (the platform's UUID generator; a Math.random one when absent). */
  newId?: IdSource;
  /** The clock (tests pass a fake one). */
  now?: () => number;
  /** Problems for authors and integrators (bad packs, failing conditions, storage trouble). Never PHI. */
  onProblem?: (problem: EngineProblem) => void;
  /** The health system's LRS, where learning records and AI feedback go as xAPI statements. */
  lrs?: LrsConfig;
  /** The xAPI account home page for learners (the health system's URL); default: the base URL's origin. */
  learnerHomePage?: string;
}
