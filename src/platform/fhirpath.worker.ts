// The module Web Worker that parses and evaluates FHIRPath off the main thread, so the EHR never stutters while
// 1,000 triggers are checked. It keeps the last data it was sent per part and the compiled expressions.
import { checkExpression, evaluateExpressions, type WorkerData } from '../core/triggers/fhirpath-core.js';
import type { WorkerRequest, WorkerResponse } from '../core/triggers/worker-protocol.js';
import { valueSetMap } from '../core/triggers/evaluator.js';

const data: WorkerData = { resources: {} };

function handle(request: WorkerRequest): WorkerResponse {
  switch (request.type) {
    case 'data':
      for (const [part, value] of Object.entries(request.parts)) {
        if (part === 'patient' || part === 'encounter' || part === 'user') data[part] = (value ?? undefined) as WorkerData['patient'];
        else if (part === 'valueSets') data.valueSets = valueSetMap(value as Record<string, string[]> | null ?? undefined);
        else if (part.startsWith('resource:')) {
          const type = part.slice('resource:'.length);
          const list = value as WorkerData['resources'][string] | null;
          if (!list) delete data.resources[type];
          else data.resources[type] = request.append ? [...(data.resources[type] ?? []), ...list] : list;
        }
      }
      return { id: request.id, type: 'ok' };
    case 'evaluate':
      return { id: request.id, type: 'results', results: evaluateExpressions(request.expressions, data) };
    case 'check':
      return { id: request.id, type: 'checks', errors: request.expressions.map(checkExpression) };
  }
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  let response: WorkerResponse;
  try {
    response = handle(event.data);
  } catch (error) {
    response = { id: event.data?.id ?? -1, type: 'error', error: (error as Error).message };
  }
  (self as unknown as { postMessage(message: WorkerResponse): void }).postMessage(response);
});
