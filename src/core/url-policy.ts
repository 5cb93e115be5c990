/**
 * Which link and image destinations content may carry. Guidance content is authored far from the EHR page it
 * runs on, so a `javascript:` or `data:` URL in a pack must never become a live link: only the schemes below
 * pass, everything else renders as plain text.
 */
export const ALLOWED_URL_SCHEMES: readonly string[] = ['https:', 'http:', 'mailto:'];

// ASCII control characters and whitespace browsers strip before parsing a scheme ("java\tscript:").
// eslint-disable-next-line no-control-regex
const STRIPPED = /[\u0000-\u0020\u007f-\u009f]/g;

/**
 * Returns the URL when its scheme is allowed (or it is relative with no scheme), otherwise `undefined`.
 * Relative URLs are resolved by the browser against the page, so they can only point at http(s).
 */
export function safeUrl(raw: string | null | undefined): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const url = raw.trim();
  if (url === '') return undefined;
  const compact = url.replace(STRIPPED, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (!scheme) {
    // No scheme: relative path, query or fragment. Reject protocol-relative tricks with backslashes.
    return compact.startsWith('\\') || compact.startsWith('/\\') ? undefined : url;
  }
  return ALLOWED_URL_SCHEMES.includes(scheme[1].toLowerCase() + ':') ? url : undefined;
}

/**
 * Whether an image (a markdown image, a CDS card's icon) may load from `url`: an http(s) URL on the page's own
 * origin, or on one of the origins the host allows. Anything else would let content make the clinician's browser
 * call a server of its choosing (tracking pixels, requests from inside the EHR's network), so it renders as its
 * alt text and a link instead. `base` is the page's URL (relative URLs resolve against it).
 */
export function imageAllowed(url: string | undefined, allowedOrigins: readonly string[], base: string): boolean {
  if (!url || !safeUrl(url)) return false;
  let parsed: URL;
  let page: URL;
  try {
    page = new URL(base);
    parsed = new URL(url, page);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (parsed.origin === page.origin) return true;
  return allowedOrigins.some((origin) => {
    try {
      return new URL(origin).origin === parsed.origin;
    } catch {
      return false;
    }
  });
}

/** Parses a space-separated list of origins (an attribute or meta value), keeping only http(s) origins. */
export function parseOrigins(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((o) => {
      try {
        const u = new URL(o);
        return u.protocol === 'https:' || u.protocol === 'http:' ? [u.origin] : [];
      } catch {
        return [];
      }
    });
}
