import { imageAllowed, parseOrigins } from '../../core/url-policy.js';

/**
 * The image origins the host allows for `element`: the nearest `<ehr-guide image-origins="…">` above it (across
 * shadow roots), else the page's `<meta name="ehr-guide-image-origins" content="…">`, else none — only the page's
 * own origin then.
 */
export function allowedImageOrigins(element: Element): string[] {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.localName === 'ehr-guide' && node.hasAttribute('image-origins')) return parseOrigins(node.getAttribute('image-origins'));
    node = node instanceof ShadowRoot ? node.host : (node.parentNode ?? null);
  }
  return parseOrigins(element.ownerDocument?.querySelector('meta[name="ehr-guide-image-origins"]')?.getAttribute('content'));
}

/** A policy function for `renderMarkdown`: whether an image URL may load where `element` renders it. */
export function imagePolicyFor(element: Element): (src: string) => boolean {
  const origins = allowedImageOrigins(element);
  const base = element.ownerDocument?.baseURI ?? globalThis.location?.href ?? 'about:blank';
  return (src) => imageAllowed(src, origins, base);
}
