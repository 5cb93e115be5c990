/**
 * Registers a custom element without ever throwing. Two vendors' modules — or two versions of ehr-guide — on one
 * EHR page must not crash each other: if the tag already holds this class nothing happens, if it holds another
 * class (another copy or version) we keep theirs and warn once.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return; // server-side rendering or a worker: nothing to define
  const existing = registry.get(tag);
  if (existing === ctor) return;
  if (existing) {
    const theirs = (existing as { version?: string }).version ?? 'unknown';
    const ours = (ctor as { version?: string }).version ?? 'unknown';
    console.warn(`ehr-guide: <${tag}> is already defined by another copy (version ${theirs}); this copy (version ${ours}) is not registered.`);
    return;
  }
  try {
    registry.define(tag, ctor);
  } catch (error) {
    // Another script may have raced us between get() and define(), or the constructor is already registered
    // under another tag. Either way the page keeps working with the existing definition.
    console.warn(`ehr-guide: <${tag}> could not be registered: ${(error as Error).message}`);
  }
}
