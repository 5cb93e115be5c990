/**
 * What the XSS tests assert after hostile content went through an element: nothing ran (a sentinel that every
 * payload calls), no `on*` attribute and no dangerous element exists anywhere in the element's tree (shadow roots
 * included), no link or image carries an unsafe URL, no image loads from a foreign origin, and no error escaped.
 */

export interface Sentinel {
  /** Calls of `__xss`, `alert`, `confirm` or `prompt` (none may happen). */
  hits: string[];
  /** Errors and rejections that reached the window (none may). */
  uncaught: string[];
  restore(): void;
}

type Patched = Record<'__xss' | 'alert' | 'confirm' | 'prompt', unknown>;

export function installSentinel(): Sentinel {
  // Relative URLs in hostile content resolve under /__inert/ (answered 404 at once by the test server).
  const base = document.createElement('base');
  base.href = '/__inert/';
  document.head.prepend(base);
  const w = window as unknown as Patched;
  const saved = { __xss: w.__xss, alert: w.alert, confirm: w.confirm, prompt: w.prompt };
  const hits: string[] = [];
  const uncaught: string[] = [];
  for (const name of Object.keys(saved) as (keyof Patched)[]) w[name] = (...args: unknown[]) => void hits.push(`${name}(${args.map(String).join(', ')})`);
  const onError = (e: ErrorEvent) => void uncaught.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => {
    uncaught.push(`unhandled rejection: ${String((e.reason as Error)?.message ?? e.reason)}`);
    e.preventDefault();
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    hits,
    uncaught,
    restore() {
      base.remove();
      Object.assign(w, saved);
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

const URL_ATTRIBUTES = ['href', 'src', 'xlink:href', 'action', 'formaction', 'srcset', 'poster', 'data', 'background', 'ping', 'cite', 'longdesc', 'manifest', 'codebase', 'lowsrc', 'dynsrc'];
const FORBIDDEN = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'base', 'meta', 'link', 'noscript', 'template', 'xmp', 'listing', 'noembed', 'noframes', 'math', 'foreignobject', 'animate', 'set', 'handler', 'use']);
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_TAGS = new Set(['img', 'image', 'source', 'video', 'audio', 'input']);

function* deepElements(root: Element | ShadowRoot): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deepElements(el.shadowRoot);
  }
}

/** An independent check of a URL attribute's value: the browser's own parse, http(s)/mailto only. */
export function unsafeUrl(value: string): boolean {
  try {
    return !SAFE_PROTOCOLS.has(new URL(value, location.href).protocol);
  } catch {
    return false; // unparseable: the browser does not follow it either
  }
}

/** Every problem in `root`'s tree (itself, its shadow root, its children's shadow roots), as readable lines. */
export function findUnsafe(root: Element, allowedImageOrigins: readonly string[] = []): string[] {
  const problems: string[] = [];
  const all = [root, ...(root.shadowRoot ? deepElements(root.shadowRoot) : []), ...deepElements(root)];
  for (const el of all) {
    const tag = el.localName;
    const where = `<${tag}> in <${root.localName}>`;
    if (FORBIDDEN.has(tag)) problems.push(`${where}: a <${tag}> element exists`);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`${where}: event-handler attribute ${name}="${attr.value.slice(0, 60)}"`);
      if (name === 'srcdoc') problems.push(`${where}: srcdoc attribute`);
      if (URL_ATTRIBUTES.includes(name) && unsafeUrl(attr.value)) problems.push(`${where}: unsafe ${name}="${attr.value.slice(0, 80)}"`);
      if (name === 'style' && /url\s*\(|expression\s*\(|javascript:|@import|behavior\s*:/i.test(attr.value)) problems.push(`${where}: style attribute with "${attr.value.slice(0, 80)}"`);
    }
    if (IMAGE_TAGS.has(tag)) {
      const src = el.getAttribute('src') ?? el.getAttribute('href');
      if (src) {
        const origin = new URL(src, location.href).origin;
        if (origin !== location.origin && !allowedImageOrigins.includes(origin)) problems.push(`${where}: image from ${origin}`);
      }
    }
  }
  return problems;
}

/** Splits `items` into consecutive groups of `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Groups of at most `size` items whose joined length stays under `maxChars` (a body's limit in a pack is 20,000). */
export function batchesWithin(items: readonly string[], size: number, maxChars = 19000): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const item of items) {
    if (current.length && (current.length >= size || length + item.length + 2 > maxChars)) {
      out.push(current);
      current = [];
      length = 0;
    }
    current.push(item.slice(0, maxChars));
    length += Math.min(item.length, maxChars) + 2;
  }
  if (current.length) out.push(current);
  return out;
}

/** Keys whose values are structure (ids, codes, enums, expressions), not text that an element shows. */
const STRUCTURAL = new Set(['format', 'id', 'kind', 'version', 'reviewBy', 'locale', 'type', 'indicator', 'selectionBehavior', 'decisionRole', 'attribute', 'sex', 'scale', 'selector', 'conditions', 'expression', 'criterion', 'system', 'code', 'releaseDate', 'uuid', 'resourceType', 'status', 'workflow', 'roles', 'proficiency', 'placement', 'presentation', 'lessonId', 'contentType', 'date', 'issued', 'occurrenceDateTime', 'effectiveDateTime', 'recorded', 'reference', 'birthDate', 'gender', 'passMark', 'correct', 'tags', 'audience', 'when', 'frequency', 'priority', 'unsolicited', 'trainingExample', 'identifiers', 'subgroups', 'population', 'language', '$schema', 'translations']);
const URL_KEYS = new Set(['url', 'icon', 'href']);

/**
 * A copy of `value` with every text leaf replaced by the next payload (cycling), every URL leaf by the next hostile
 * URL, and structure kept — so one valid pack, card or response carries hostile text in every field an element
 * shows. `limit` caps the length of non-body text (schemas cap titles), `bodies` are the keys given full payloads.
 */
export function poison<T>(value: T, payloads: readonly string[], urls: readonly string[], options: { limit?: number; limits?: Record<string, number>; bodies?: readonly string[]; keep?: readonly string[] } = {}): T {
  let p = 0;
  let u = 0;
  const limit = options.limit ?? 190;
  const bodies = new Set(options.bodies ?? ['body', 'detail', 'markdown', 'summaryMarkdown']);
  const keep = new Set([...STRUCTURAL, ...(options.keep ?? [])]);
  const next = (key: string) => {
    const payload = payloads.length ? payloads[p++ % payloads.length] : 'x';
    return bodies.has(key) ? payload : payload.slice(0, options.limits?.[key] ?? limit).trim() || 'x';
  };
  const walk = (v: unknown, key: string): unknown => {
    if (keep.has(key)) return v;
    if (typeof v === 'string') return URL_KEYS.has(key) ? urls[u++ % urls.length] : next(key);
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(structuredClone(value), '') as T;
}
