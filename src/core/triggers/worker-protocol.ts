import type { ConditionResult } from './evaluator.js';

export type WorkerRequestBody =
  | { type: 'data'; parts: Record<string, unknown>; append?: boolean }
  | { type: 'evaluate'; expressions: readonly string[] }
  | { type: 'check'; expressions: readonly string[] };

export type WorkerRequest = WorkerRequestBody & { id: number };

export type WorkerResponse =
  | { id: number; type: 'ok' }
  | { id: number; type: 'results'; results: ConditionResult[] }
  | { id: number; type: 'checks'; errors: Array<string | undefined> }
  | { id: number; type: 'error'; error: string };
