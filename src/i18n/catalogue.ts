import { LOADERS } from './compiled/loaders.js';
import { SOURCE_LOCALE, bestLocale, canonicalLocale, localeChain } from '../core/i18n/locale.js';

/** A namespace's compiled messages: one function per key, taking the message's arguments. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- compiled messages take any arguments
export type Messages = Record<string, (args?: any) => unknown>;
type Loader = () => Promise<{ default: unknown }>;

const registered = new Map<string, Map<string, Messages | Loader>>();
const loaded = new Map<string, Messages>();
const pending = new Map<string, Promise<Messages | undefined>>();

for (const [locale, namespaces] of Object.entries(LOADERS)) {
  registered.set(locale, new Map(Object.entries(namespaces)));
}

/**
 * Adds (or replaces) a locale's messages for one namespace — e.g. a vendor's French, compiled with
 * `@messageformat/core` (`compileModule`) like the library's own — as the module object or a loader of it.
 * Keys it lacks fall back to the locale's parent, then to English.
 */
export function registerMessages(locale: string, namespace: string, messages: Messages | Loader): void {
  const tag = canonicalLocale(locale);
  if (!tag) throw new TypeError(`registerMessages: "${locale}" is not a BCP 47 language tag`);
  if (!registered.has(tag)) registered.set(tag, new Map());
  registered.get(tag)!.set(namespace, messages);
  loaded.delete(`${tag}|${namespace}`);
  pending.delete(`${tag}|${namespace}`);
}

/** The locales that have messages for `namespace` (the source locale included). */
export function localesOf(namespace: string): string[] {
  return [SOURCE_LOCALE, ...[...registered].filter(([, m]) => m.has(namespace)).map(([l]) => l)];
}

/** Which registered locale serves `tag` for `namespace` (`es-MX` → `es`), the source locale when none does. */
export function servingLocale(tag: string, namespace: string): string {
  return bestLocale(tag, localesOf(namespace)) ?? SOURCE_LOCALE;
}

/** The messages of `locale` (exactly) for `namespace` if already loaded; undefined while loading or absent. */
export function loadedMessages(locale: string, namespace: string): Messages | undefined {
  return loaded.get(`${locale}|${namespace}`);
}

/** Loads `locale`'s messages for `namespace` (once; later calls share the promise). Undefined when there are none. */
export function loadMessages(locale: string, namespace: string): Promise<Messages | undefined> {
  const key = `${locale}|${namespace}`;
  const done = loaded.get(key);
  if (done) return Promise.resolve(done);
  let promise = pending.get(key);
  if (!promise) {
    const entry = registered.get(locale)?.get(namespace);
    promise = !entry
      ? Promise.resolve(undefined)
      : Promise.resolve(typeof entry === 'function' ? entry().then((m) => m.default as Messages) : entry).then((messages) => {
          if (messages) loaded.set(key, messages);
          return messages;
        });
    pending.set(key, promise);
  }
  return promise;
}

/** Every namespace a locale has (to preload them all when a guide's locale is known). */
export function namespacesOf(locale: string): string[] {
  return [...(registered.get(locale)?.keys() ?? [])];
}

/** Starts loading every namespace `tag` needs (its chain, e.g. `es-MX` and `es`), so elements render at once. */
export function preloadLocale(tag: string): Promise<unknown> {
  return Promise.all(localeChain(tag).flatMap((l) => namespacesOf(l).map((ns) => loadMessages(l, ns).catch(() => undefined))));
}
