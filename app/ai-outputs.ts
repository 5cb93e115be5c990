// The AI outputs the app explains: the one the launch names in `fhirContext` first (read once, by reference or
// identifier), then every AI output in the record — RiskAssessments, and Observations an AI produced (the AI
// Transparency on FHIR `AIAST` security label, or a method that names a model card the packs carry).
import type { EhrGuide } from '../src/components/guide/guide.js';
import type { FhirResource } from '../src/core/context/fhir-types.js';
import { aiOutputFromResource, findModelCard } from '../src/core/models/ai-output.js';
import { aiOutputRequest, type SmartSession } from '../src/smart/index.js';

const AIAST = (r: FhirResource) => ((r.meta as { security?: Array<{ code?: string }> } | undefined)?.security ?? []).some((s) => s?.code === 'AIAST');

function isExplainable(resource: FhirResource, guide: EhrGuide): boolean {
  try {
    const output = aiOutputFromResource(resource);
    return resource.resourceType === 'RiskAssessment' || AIAST(resource) || Boolean(findModelCard(output, guide.engine.modelCards));
  } catch {
    return false;
  }
}

function section(id: string, heading: string): HTMLElement {
  const s = document.createElement('section');
  s.id = id;
  s.setAttribute('aria-labelledby', `${id}-h`);
  const h = document.createElement('h2');
  h.id = `${id}-h`;
  h.textContent = heading;
  s.append(h);
  return s;
}

function explainer(resource: FhirResource, expanded: boolean): HTMLElement {
  const el = document.createElement('ehr-ai-explainer') as HTMLElement & { resource?: unknown; expanded?: boolean };
  el.resource = resource;
  el.expanded = expanded;
  return el;
}

export async function showAiOutputs(target: HTMLElement, session: SmartSession, guide: EhrGuide, granted: (type: string) => boolean): Promise<void> {
  const focus = aiOutputRequest(session.launch.fhirContext);
  let focused: FhirResource | undefined;
  if (focus) {
    const s = section('ai-output', 'The AI output you opened ehr-guide from');
    try {
      if (!granted(focus.type)) throw new Error('not granted');
      const answer = (await session.client.request(focus.url)) as FhirResource & { entry?: Array<{ resource?: FhirResource }> };
      focused = focus.search ? answer.entry?.[0]?.resource : answer;
      if (!focused) throw new Error('not found');
      s.append(explainer(focused, true));
    } catch {
      const p = document.createElement('p');
      p.textContent = 'The AI output this launch named could not be read.';
      s.append(p);
    }
    guide.prepend(s);
  }
  const resources = guide.engine.context.resources;
  const outputs = [...(resources.RiskAssessment ?? []), ...(resources.Observation ?? [])].filter((r) => isExplainable(r, guide) && !(focused && r.resourceType === focused.resourceType && r.id === focused.id));
  if (!outputs.length) return;
  const s = section('ai-record', 'AI outputs in this record');
  for (const r of outputs) s.append(explainer(r, false));
  target.append(s);
}
