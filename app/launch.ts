// The SMART app's launch page: an EHR opens it with ?iss=…&launch=…; a standalone launch gives ?iss=… only.
// The client id (per issuer), scope policy and packs come from ehr-guide.config.json beside it; the scopes
// are what the packs read, nothing more.
import { clientIdFor, describeSmartError, launchTarget, packReads, SmartError, startLaunch } from '../src/smart/index.js';
import { fetchPacks, loadConfig, showFailure } from './config.js';

const status = document.getElementById('status')!;

async function main(): Promise<void> {
  const { config, packUrls } = await loadConfig();
  const { iss } = launchTarget({});
  const packs = await fetchPacks(packUrls);
  const reads = packReads(packs, { learningRecords: Boolean(config.lrs), extraResourceTypes: config.scopes.extraResourceTypes });
  await startLaunch({ clientId: clientIdFor(config, iss), redirectUri: config.redirectUri, reads, scopeVersion: config.scopes.version, onlineAccess: config.scopes.onlineAccess });
}

main().catch((error: unknown) => {
  const kind = error instanceof SmartError ? error.kind : 'network';
  showFailure(status, kind, describeSmartError(kind), (error as Error).message);
});
