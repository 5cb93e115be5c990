/**
 * How an element brings in another element it shows only sometimes (the explainer's lesson and Model Facts, the
 * CDS card's explainer, the help panel's lesson and tour) without importing a define module itself: the define
 * modules register a loader per tag here, and the element asks for the tag when it first needs it. So
 * registration stays the page's choice, made in src/define/ only, and the layers import one way.
 */
const loaders = new Map<string, () => Promise<unknown>>();

/** Called by define modules: how to load and register `tag` on demand. */
export function registerElementLoader(tag: string, load: () => Promise<unknown>): void {
  if (!loaders.has(tag)) loaders.set(tag, load);
}

/**
 * Resolves once `tag` is defined: at once when it is, after its registered loader otherwise. Without a loader
 * (the page registers elements its own way) it waits for the page to define it.
 */
export async function ensureElement(tag: string): Promise<void> {
  if (customElements.get(tag)) return;
  const load = loaders.get(tag);
  if (load) await load();
  await customElements.whenDefined(tag);
}
