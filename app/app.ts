// The SMART app (what an EHR registers and opens in its app frame): completes the launch, hands the live
// context to <ehr-guide>, and lists the guidance that applies to this patient, user and moment. Errors show as a
// quiet sentence; nothing is thrown at the EHR.
import '../src/define/ehr-guide.js';
import '../src/define/ehr-tip.js';
import '../src/define/ehr-ai-explainer.js';
import { aiOutputRequest, applySmartStyle, completeLaunch, describeSmartError, SmartError } from '../src/smart/index.js';
import type { EhrGuide } from '../src/components/guide/guide.js';

const guide = document.getElementById('guide') as EhrGuide;
const status = document.getElementById('status')!;
const panel = document.getElementById('panel')!;
// Opened on purpose by the clinician: the panel shows all that applies (the fatigue guard's on-request mode).
guide.policy = { onRequest: true };

function showError(error: unknown): void {
  const kind = error instanceof SmartError ? error.kind : 'network';
  status.textContent = describeSmartError(kind);
  status.dataset.kind = kind;
}

async function main(): Promise<void> {
  const session = await completeLaunch({ timeoutMs: 4000 });
  if (session.launch.smartStyleUrl) applySmartStyle(session.launch.smartStyleUrl, document.documentElement).catch(() => undefined);
  await guide.packsLoaded;
  // Launched from an AI output (fhirContext names a RiskAssessment, intent "explain-risk"): explain that output
  // first, with its model card, PPV at this hospital, and the population check against the live record.
  const focus = aiOutputRequest(session.launch.fhirContext);
  if (focus) {
    const section = document.createElement('section');
    section.id = 'ai-output';
    section.setAttribute('aria-labelledby', 'ai-output-h');
    const heading = document.createElement('h2');
    heading.id = 'ai-output-h';
    heading.textContent = 'The AI output you opened ehr-guide from';
    section.append(heading);
    try {
      const explainer = document.createElement('ehr-ai-explainer');
      explainer.expanded = true;
      const answer = (await session.client.request(focus.url)) as { resourceType?: string; entry?: Array<{ resource?: unknown }> };
      explainer.resource = focus.search ? answer.entry?.[0]?.resource : answer;
      if (!explainer.resource) throw new Error('not found');
      section.append(explainer);
    } catch {
      const p = document.createElement('p');
      p.textContent = 'The AI output this launch named could not be read.';
      section.append(p);
    }
    panel.append(section);
  }
  // Every tip of the packs, shown as a callout in this panel; the engine decides which apply.
  const heading = document.createElement('h2');
  heading.textContent = 'For this patient, now';
  panel.append(heading);
  for (const item of guide.engine.items) {
    if (item.kind !== 'tip') continue;
    const tip = document.createElement('ehr-tip');
    tip.setAttribute('item', item.id);
    tip.setAttribute('variant', 'callout');
    panel.append(tip);
  }
  // The data source's own SmartError (with its kind) is what the clinician's sentence is chosen from.
  guide.dataSource = {
    load: (request) =>
      session.dataSource.load(request).catch((error: unknown) => {
        if (!request.signal?.aborted) showError(error); // a superseded load is not a failure
        throw error;
      }),
  };
  status.textContent = '';
  const refresh = document.getElementById('refresh') as HTMLButtonElement;
  refresh.addEventListener('click', () => {
    status.textContent = '';
    void guide.refreshData();
  });
  // The banner only when the EHR says it does not show its own (need_patient_banner).
  if (session.launch.needPatientBanner) {
    const p = await session.client.patient.read();
    const name = p.name?.[0];
    const banner = document.getElementById('banner')!;
    banner.textContent = `${[...(name?.given ?? []), name?.family ?? ''].join(' ').replace(/\d+/g, '').trim()} · ${p.gender ?? ''} · born ${p.birthDate ?? 'unknown'}`;
    banner.hidden = false;
  }
}

main().catch(showError);
