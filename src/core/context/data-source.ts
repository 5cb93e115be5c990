import type { ContextPatch } from './context.js';

/**
 * Where live clinical context comes from: the SMART layer implements it over a fhirclient Client; a host that
 * already holds resources can implement it in a few lines. `<ehr-guide>` calls `load` with the resource types its
 * packs' conditions read, so nothing else is fetched.
 */
export interface GuideDataSource {
  load(request: { resourceTypes: readonly string[]; signal?: AbortSignal }): Promise<ContextPatch>;
}
