// The SMART app (what an EHR registers and opens in its app frame): checks the redirect, completes the launch,
// and shows the library's own elements for this patient — the help panel (tips, lessons inline, tours), the
// explainer for each AI output in the launch context and the record. Configured at run time by
// ehr-guide.config.json beside it. Errors show as one quiet sentence; nothing is thrown at the EHR.
import '../src/define/ehr-guide.js';
import '../src/define/ehr-help-panel.js';
import '../src/define/ehr-ai-explainer.js';
import '../src/define/ehr-tip.js';
import '../src/define/ehr-lesson.js';
import { applySmartStyle, completeLaunch, describeSmartError, grantsRead, itemReads, AI_OUTPUT_TYPES, SmartError, type SmartSession } from '../src/smart/index.js';
import { pseudonymousLearnerId } from '../src/platform/web-crypto.js';
import type { EhrGuide } from '../src/components/guide/guide.js';
import { loadConfig, showFailure, type LoadedConfig } from './config.js';
import { showAiOutputs } from './ai-outputs.js';
import { showRole, showUnavailable, showBanner, showIntent } from './panels.js';

const status = document.getElementById('status')!;
const main = document.getElementById('panel')!;

function showError(error: unknown): void {
  const kind = error instanceof SmartError ? error.kind : 'network';
  showFailure(status, kind, describeSmartError(kind), (error as Error)?.message);
}

/**
 * The learner as the LRS sees them: a hash of the tenant and fhirUser, salted with the configured salt (else the
 * issuer: stable, but public — see README "Deploy the SMART app"); never a name.
 */
async function learner(session: SmartSession, loaded: LoadedConfig) {
  const fhirUser = session.launch.fhirUser;
  const tenant = session.launch.tenant;
  const iss = String(session.client.state.serverUrl);
  const base = loaded.config.lrs?.homePage ?? new URL(iss).origin;
  return {
    id: fhirUser ? await pseudonymousLearnerId(`${tenant ?? ''}|${fhirUser}`, loaded.config.lrs?.learnerIdSalt ?? `${iss}#ehr-guide-learners`) : undefined,
    // Each tenant's learners are their own account namespace (xAPI account homePage).
    homePage: tenant ? `${base.replace(/\/+$/, '')}/tenants/${encodeURIComponent(tenant)}` : base,
  };
}

async function run(): Promise<void> {
  const loaded = await loadConfig();
  const session = await completeLaunch({ timeoutMs: 4000 });
  const { config } = loaded;
  if (session.launch.smartStyleUrl) applySmartStyle(session.launch.smartStyleUrl, document.documentElement).catch(() => undefined);

  const state = session.client.state as { scope?: string; tokenResponse?: { scope?: string } };
  const requested = state.scope ?? '';
  const granted = state.tokenResponse?.scope;
  const who = await learner(session, loaded);
  const guide = document.createElement('ehr-guide') as EhrGuide;
  if (who.id) guide.learnerId = who.id;
  guide.learnerHomePage = who.homePage;
  if (config.lrs) guide.lrsEndpoint = config.lrs.endpoint;
  if (config.prevalences) guide.localPrevalence = config.prevalences;
  // The locale: the launch's, else the configuration's, else the page's.
  guide.locale = session.launch.locale ?? config.locale ?? (document.documentElement.lang || 'en');
  // Opened on purpose by the clinician: the panel shows all that applies (the fatigue guard's on-request mode).
  guide.policy = { onRequest: true };
  // Read only what the granted scope allows: the rest is shown as unavailable, never a failed request.
  guide.dataSource = {
    load: (request) =>
      session.dataSource
        .load({ ...request, resourceTypes: [...new Set([...request.resourceTypes, ...AI_OUTPUT_TYPES])].filter((type) => grantsRead(granted, requested, type)) })
        .catch((error: unknown) => {
          if (!request.signal?.aborted) showError(error); // a superseded load is not a failure
          throw error;
        }),
  };
  const panel = document.createElement('ehr-help-panel');
  panel.setAttribute('heading', 'For this patient, now');
  guide.append(panel);
  main.append(guide);
  guide.packs = loaded.packUrls.join(' ');
  await guide.updateComplete; // packsLoaded is the load the update just started (packs, then the record)
  await guide.packsLoaded;
  status.textContent = '';

  const engine = guide.engine;
  // intent: a workflow point the packs know opens that screen's guidance; an item id opens that item.
  const workflows = new Set(engine.items.flatMap((item) => item.when?.workflow ?? []));
  const intent = session.launch.intent;
  guide.workflow = intent && workflows.has(intent) ? intent : config.workflow;
  if (intent && engine.packs.item(intent)) showIntent(engine.packs.item(intent)!, guide);

  if (session.launch.needPatientBanner !== false) showBanner(document.getElementById('banner')!, engine.context.patient);
  showRole(document.getElementById('role')!, guide, config.roles);
  const reads = itemReads([{ items: engine.items }]);
  showUnavailable(main, engine.items, reads, (type) => grantsRead(granted, requested, type));
  await showAiOutputs(guide, session, guide, (type) => grantsRead(granted, requested, type));

  document.getElementById('refresh')!.addEventListener('click', () => {
    status.textContent = '';
    void guide.refreshData();
  });
}

run().catch(showError);
