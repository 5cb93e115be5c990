// The SMART app (what an EHR registers and opens in its app frame): completes the launch, hands the live
// context to <ehr-guide>, and lists the guidance that applies to this patient, user and moment. Errors show as a
// quiet sentence; nothing is thrown at the EHR.
import '../src/define/ehr-guide.js';
import '../src/define/ehr-tip.js';
import { applySmartStyle, completeLaunch, describeSmartError, SmartError } from '../src/smart/index.js';
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
  // Launched from an AI output (fhirContext names a RiskAssessment, intent "explain-risk"): show that output first.
  // The full explainer (PPV at local prevalence, population check, Model Facts) comes with <ehr-ai-explainer>.
  const focus = session.launch.fhirContext?.find((c) => c.reference?.startsWith('RiskAssessment/'));
  if (focus?.reference) {
    const section = document.createElement('section');
    section.id = 'ai-output';
    section.setAttribute('aria-label', 'The AI output you opened ehr-guide from');
    try {
      const ra = (await session.client.request(focus.reference)) as { method?: { coding?: Array<{ display?: string }> }; prediction?: Array<{ probabilityDecimal?: number; outcome?: { text?: string } }> };
      const p = ra.prediction?.[0];
      const heading = document.createElement('h2');
      heading.textContent = 'You opened ehr-guide from an AI output';
      const line = document.createElement('p');
      line.textContent = `${ra.method?.coding?.[0]?.display ?? 'A model'}: ${p?.outcome?.text ?? 'risk'} — ${typeof p?.probabilityDecimal === 'number' ? `${Math.round(p.probabilityDecimal * 100)} %` : 'no probability given'}.`;
      section.append(heading, line);
      const tip = document.createElement('ehr-tip');
      tip.setAttribute('item', 'ai.reading-a-score');
      tip.setAttribute('variant', 'callout');
      section.append(tip);
    } catch {
      section.textContent = 'The AI output this launch named could not be read.';
    }
    panel.append(section);
  }
  // Every tip of the packs, shown as a callout in this panel; the engine decides which apply.
  const heading = document.createElement('h2');
  heading.textContent = 'For this patient, now';
  panel.append(heading);
  for (const item of guide.engine.items) {
    if (item.kind !== 'tip' || (focus && item.id === 'ai.reading-a-score')) continue;
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
