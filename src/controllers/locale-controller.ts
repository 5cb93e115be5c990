import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createEvent } from '../events.js';
import { loadMessages, loadedMessages, servingLocale, type Messages } from '../i18n/catalogue.js';
import { SOURCE_LOCALE, canonicalLocale, localeChain } from '../core/i18n/locale.js';
import type { GuideController } from './guide-controller.js';

const reported = new Set<string>();
const hosts = new Set<LocaleController<string>>();
let pageObserver: MutationObserver | undefined;

/** The nearest `lang` up the composed tree (through shadow roots), then the page's. */
export function nearestLang(node: Element): string | undefined {
  let el: Element | null = node;
  while (el) {
    const lang = el.getAttribute('lang');
    if (lang) return lang;
    el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
  }
  return undefined;
}

/**
 * Called with the locale whenever an element connects: words.ts (the number, date and list formats, which every
 * element but the tip uses) builds the locale's number format there while the browser is idle. The tip's path
 * never loads the formats.
 */
export const onLocaleConnect = new Set<(locale: string) => void>();

/** Follows the page's `lang` (one observer for every element of the library on the page). */
function watchPage(controller: LocaleController<string>, on: boolean): void {
  if (on) hosts.add(controller);
  else hosts.delete(controller);
  if (hosts.size && !pageObserver && typeof MutationObserver !== 'undefined') {
    pageObserver = new MutationObserver(() => hosts.forEach((h) => h.refresh()));
    pageObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: false });
  } else if (!hosts.size && pageObserver) {
    pageObserver.disconnect();
    pageObserver = undefined;
  }
}

/**
 * An element's words in the clinician's language: the locale of the enclosing `<ehr-guide>` (its `locale`, else
 * the SMART launch's, else the page's), or — standing alone — the nearest `lang` up the tree, else English. The
 * locale's compiled messages load once per page when first needed, and the host's first render waits for them
 * (no flash of English). A key the locale lacks falls back to its parent (`es-MX` → `es`), then to English, and
 * is reported once on `ehr-problem` — never a blank or a key shown to the clinician.
 */
export class LocaleController<K extends string> implements ReactiveController {
  /** The locale asked for (canonical BCP 47). */
  requested = SOURCE_LOCALE;
  /** The locale whose messages are shown (`es` for `es-MX`; `en` when there are none). */
  serving = SOURCE_LOCALE;
  #ready?: Promise<unknown>;
  /** The locale as last asked (before canonical form): refresh runs after every evaluation, most ask the same. */
  #asked?: string;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly namespace: string,
    private readonly source: Messages,
    private readonly guide?: GuideController,
  ) {
    host.addController(this);
    guide?.onGuide(() => this.refresh());
    guide?.onResult(() => this.refresh());
  }

  hostConnected(): void {
    watchPage(this, true);
    this.refresh();
    for (const hook of onLocaleConnect) hook(this.requested);
  }

  hostDisconnected(): void {
    watchPage(this, false);
  }

  /** While the locale's messages load: the host awaits this before rendering. */
  get ready(): Promise<unknown> | undefined {
    return this.#ready;
  }

  /** Re-reads the locale (the guide's context, the `lang` up the tree); loads and re-renders when it changed. */
  refresh(): void {
    const asked = this.guide?.guide?.context.locale || nearestLang(this.host) || SOURCE_LOCALE;
    if (asked === this.#asked) return;
    this.#asked = asked;
    const tag = canonicalLocale(asked) ?? SOURCE_LOCALE;
    if (tag !== canonicalLocale(asked)) this.#report(`locale:${asked}`, `"${asked}" is not a BCP 47 language tag; English is shown`);
    if (tag === this.requested && this.#ready === undefined) return;
    this.requested = tag;
    const serving = servingLocale(tag, this.namespace);
    if (serving === SOURCE_LOCALE && !localeChain(tag).includes(SOURCE_LOCALE)) {
      this.#report(`locale:${tag}|${this.namespace}`, `<${this.host.localName}> has no messages in "${tag}"; English is shown`);
    }
    const chain = localeChain(tag).filter((l) => l !== SOURCE_LOCALE);
    const missing = chain.filter((l) => !loadedMessages(l, this.namespace));
    if (missing.length === 0 || serving === SOURCE_LOCALE) {
      this.#set(serving);
      return;
    }
    const ready: Promise<unknown> = Promise.all(chain.map((l) => loadMessages(l, this.namespace))).then(
      () => this.#ready === ready && this.#set(serving),
      () => this.#ready === ready && (this.#report(`load:${serving}|${this.namespace}`, `the "${serving}" messages of <${this.host.localName}> could not load; English is shown`), this.#set(SOURCE_LOCALE)),
    );
    this.#ready = ready;
  }

  #set(serving: string): void {
    this.#ready = undefined;
    if (serving === this.serving && (this.host as { hasUpdated?: boolean }).hasUpdated) return;
    this.serving = serving;
    this.host.requestUpdate();
  }

  /** The message `key` in the clinician's language, formatted with `args`. */
  t(key: K, args?: Record<string, unknown>): string {
    for (const locale of localeChain(this.requested)) {
      if (locale === SOURCE_LOCALE) break;
      const fn = loadedMessages(locale, this.namespace)?.[key];
      if (fn) return String(fn(args));
    }
    if (this.serving !== SOURCE_LOCALE) this.#report(`${this.serving}|${this.namespace}.${key}`, `no "${this.serving}" translation of ${this.namespace}.${key}; English is shown`);
    const fn = this.source[key];
    return fn ? String(fn(args)) : key;
  }

  #report(once: string, message: string): void {
    if (reported.has(once)) return;
    reported.add(once);
    this.host.dispatchEvent(createEvent('ehr-problem', { element: this.host.localName, code: 'translation-missing', message }));
  }
}
