/**
 * The fields of a CHAI applied model card (XML, `https://mc.chai.org/v0.1/schema.xsd`) the badge shows. Parsed
 * with the browser's DOMParser as XML (no script, no markup reaches the page: only text content is read).
 */
export interface ChaiCardFields {
  name?: string;
  developer?: string;
  release?: string;
  summary?: string;
  intendedUse?: string;
  users?: string;
  risks?: string;
}

const FIELDS: Record<keyof ChaiCardFields, string> = {
  name: 'ModelName',
  developer: 'ModelDeveloper',
  release: 'ReleaseVersion',
  summary: 'Summary',
  intendedUse: 'IntendedUseAndWorkflow',
  users: 'PrimaryIntendedUsers',
  risks: 'KnownRisksAndLimitations',
};

/** The fields, or undefined when the text is not a CHAI model card (not XML, or another root). */
export function readChaiCard(xml: string | undefined): ChaiCardFields | undefined {
  if (!xml || xml.length > 2_000_000) return undefined;
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length || doc.documentElement.localName !== 'AppliedModelCard') return undefined;
  const out: ChaiCardFields = {};
  for (const [key, tag] of Object.entries(FIELDS) as Array<[keyof ChaiCardFields, string]>) {
    const text = doc.getElementsByTagNameNS('*', tag)[0]?.textContent?.trim();
    if (text) out[key] = text.length > 1200 ? `${text.slice(0, 1199)}…` : text;
  }
  return out;
}
