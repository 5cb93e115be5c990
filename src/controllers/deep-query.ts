/**
 * Finds an element by CSS selector in the page and inside open shadow roots, because EHR screens are often built
 * from web components. `a >>> b` scopes explicitly: `b` is looked up inside the shadow root of the first `a`.
 * An invalid selector throws a SyntaxError naming it; callers turn that into an author-facing error.
 */
export function deepQuery(selector: string, root: ParentNode = document): Element | null {
  const parts = selector.split('>>>').map((part) => part.trim());
  if (parts.some((part) => part === '')) throw new SyntaxError(`"${selector}" is not a valid anchor selector (empty part around >>>)`);
  let scope: ParentNode | null = root;
  for (let i = 0; i < parts.length; i++) {
    const found: Element | null = findIn(parts[i], scope!);
    if (!found || i === parts.length - 1) return found;
    scope = found.shadowRoot;
    if (!scope) return null;
  }
  return null;
}

function findIn(selector: string, root: ParentNode): Element | null {
  let direct: Element | null;
  try {
    direct = root.querySelector(selector);
  } catch {
    throw new SyntaxError(`"${selector}" is not a valid CSS selector`);
  }
  if (direct) return direct;
  // Walk the open shadow roots below this root (closed ones are private to their component by design).
  const stack: ParentNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    for (const el of node.querySelectorAll('*')) {
      const shadow = el.shadowRoot;
      if (!shadow) continue;
      const match = shadow.querySelector(selector);
      if (match) return match;
      stack.push(shadow);
    }
  }
  return null;
}

/** The document or shadow roots an element sits in, innermost first: where to watch for its removal. */
export function rootsOf(el: Element): Array<Document | ShadowRoot> {
  const roots: Array<Document | ShadowRoot> = [];
  let node: Node = el;
  for (;;) {
    const root = node.getRootNode();
    if (root instanceof ShadowRoot) {
      roots.push(root);
      node = root.host;
    } else {
      if (root instanceof Document) roots.push(root);
      return roots;
    }
  }
}

/** The focused element, looking through open shadow roots. */
export function deepActiveElement(doc: Document = document): Element | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
