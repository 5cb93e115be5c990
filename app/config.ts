// Loads the app's run-time configuration, `ehr-guide.config.json` beside the page, and the packs it names.
// A missing or invalid file is a `config-invalid` SmartError whose message lists each field and what is wrong.
import { parseAppConfig, packUrls, type SmartAppConfig } from '../src/smart/app-config.js';
import { SmartError } from '../src/smart/errors.js';

export const CONFIG_FILE = 'ehr-guide.config.json';

export interface LoadedConfig {
  config: SmartAppConfig;
  url: string;
  packUrls: string[];
}

export async function loadConfig(base: string = location.href): Promise<LoadedConfig> {
  const url = new URL(CONFIG_FILE, base).href;
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-cache' });
  } catch {
    throw new SmartError('config-invalid', `${CONFIG_FILE}: could not be fetched`);
  }
  if (!response.ok) throw new SmartError('config-invalid', `${CONFIG_FILE}: HTTP ${response.status} (it must sit beside index.html)`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new SmartError('config-invalid', `${CONFIG_FILE}: is not JSON`);
  }
  const { config, problems } = parseAppConfig(json);
  if (!config) throw new SmartError('config-invalid', `${CONFIG_FILE}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return { config, url, packUrls: packUrls(config, url) };
}

/** The pack files as JSON (the launch page reads them for scopes before any engine exists). */
export async function fetchPacks(urls: readonly string[]): Promise<unknown[]> {
  return Promise.all(
    urls.map(async (url) => {
      const response = await fetch(url, { headers: { Accept: 'application/json' } }).catch(() => undefined);
      if (!response?.ok) throw new SmartError('config-invalid', `${CONFIG_FILE}: pack ${url} could not be loaded${response ? ` (HTTP ${response.status})` : ''}`);
      return response.json().catch(() => {
        throw new SmartError('config-invalid', `${CONFIG_FILE}: pack ${url} is not JSON`);
      });
    }),
  );
}

/** Shows a launch failure: the sentence for its kind, and for configuration problems the details an admin needs. */
export function showFailure(status: HTMLElement, kind: string, sentence: string, detail?: string): void {
  status.textContent = sentence;
  status.dataset.kind = kind;
  // For whoever supports the deployment (devtools): what failed, naming requests and fields, never patient data.
  if (detail) status.dataset.detail = detail;
  if (kind === 'config-invalid' && detail) {
    const p = document.createElement('p');
    p.className = 'detail';
    p.textContent = detail;
    status.after(p);
  }
}
