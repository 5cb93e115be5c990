// The SMART app's launch page: an EHR opens it with ?iss=…&launch=…; a standalone launch gives ?iss=… only.
import { describeSmartError, SmartError, startLaunch } from '../src/smart/index.js';

startLaunch({ clientId: 'ehr-guide' }).catch((error: unknown) => {
  const kind = error instanceof SmartError ? error.kind : 'network';
  document.getElementById('status')!.textContent = describeSmartError(kind);
});
