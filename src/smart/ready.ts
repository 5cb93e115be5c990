import type Client from 'fhirclient/lib/Client';
import { SmartError, toSmartError } from './errors.js';
import { launchExtras, smartDataSource, type LaunchExtras, type SmartDataOptions } from './data-source.js';
import type { GuideDataSource } from '../core/context/data-source.js';

export interface SmartSession {
  client: Client;
  dataSource: GuideDataSource;
  launch: LaunchExtras;
}

/**
 * Completes the launch on the redirect page (fhirclient's `ready()`, loaded now). A denied launch (the EHR sent
 * `error=` back) becomes a SmartError of kind `denied`; nothing is thrown at the page beyond that promise.
 */
export async function completeLaunch(options: SmartDataOptions = {}, location: Location = globalThis.location): Promise<SmartSession> {
  const params = new URLSearchParams(location.search);
  if (params.has('error')) throw new SmartError('denied', `authorization: ${params.get('error')}`);
  const { default: FHIR } = await import('fhirclient');
  let client: Client;
  try {
    client = (await FHIR.oauth2.ready()) as unknown as Client;
  } catch (error) {
    throw toSmartError(error, 'authorization');
  }
  return { client, dataSource: smartDataSource(client, options), launch: launchExtras(client) };
}

/** A session over a fhirclient Client the host already holds (its own launch). */
export function sessionFromClient(client: Client, options: SmartDataOptions = {}): SmartSession {
  return { client, dataSource: smartDataSource(client, options), launch: launchExtras(client) };
}

/** Maps a SMART style (smart_style_url) onto ehr-guide's design tokens on `target`. */
export async function applySmartStyle(url: string, target: HTMLElement): Promise<void> {
  const style = (await (await fetch(url)).json()) as Record<string, string>;
  const map: Record<string, string> = {
    color_background: '--ehr-color-surface',
    color_text: '--ehr-color-text',
    color_highlight: '--ehr-color-accent',
    dim_border_radius: '--ehr-radius',
    dim_font_size: '--ehr-font-size',
    font_family_body: '--ehr-font-family',
  };
  for (const [key, token] of Object.entries(map)) {
    const value = style[key];
    // Only plain CSS values: a style file must not smuggle in url() or expressions.
    if (typeof value === 'string' && /^[#\w\s.,%()'"-]{1,100}$/.test(value) && !/url\(/i.test(value)) target.style.setProperty(token, value);
  }
}
