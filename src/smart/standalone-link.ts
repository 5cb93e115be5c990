/**
 * A CDS card's SMART link opened without the EHR's launcher: a SMART standalone launch of the app against the
 * FHIR server `iss` (the app then asks for the patient). Relative app URLs resolve against `base`. Only http(s)
 * app URLs are launched: anything else throws, naming the URL.
 */
export function standaloneLaunchUrl(appUrl: string, iss: string, base: string): string {
  const url = new URL(appUrl, base);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`the SMART app URL ${JSON.stringify(appUrl)} is not http(s)`);
  const server = new URL(iss, base);
  if (server.protocol !== 'https:' && server.protocol !== 'http:') throw new TypeError(`the FHIR server ${JSON.stringify(iss)} is not http(s)`);
  url.searchParams.set('iss', server.href.replace(/\/$/, ''));
  return url.href;
}
