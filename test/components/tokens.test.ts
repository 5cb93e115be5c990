import { expect } from '@open-wc/testing';
import type { CSSResultOrNative, ReactiveElement } from 'lit';
import '../../src/define/all.js';
import '../../src/define/ehr-guide-report.js';
import { markdownStyles } from '../../src/components/shared/markdown.styles.js';
import { tokenStyles } from '../../src/components/shared/tokens.styles.js';
import { panelStyles } from '../../src/components/shared/panel.styles.js';

// Material Web's token discipline, for every element: each private token (`--_*`) an element's styles use is
// defined in them, each one defined is used, and each public token (`--ehr-*`) read is documented on the element
// (`@cssprop`, so custom-elements.json lists it) — and each documented one is read.

type Manifest = { modules: Array<{ declarations: Array<{ tagName?: string; cssProperties?: Array<{ name: string }> }> }> };

const TAGS = ['ehr-tip', 'ehr-tour', 'ehr-lesson', 'ehr-help-panel', 'ehr-ai-explainer', 'ehr-model-facts', 'ehr-cds-cards', 'ehr-ai-badge', 'ehr-guide-report'] as const;
/** Elements that render markdown bodies adopt the markdown styles with their first body. */
const WITH_MARKDOWN = new Set(['ehr-tip', 'ehr-tour', 'ehr-lesson', 'ehr-help-panel', 'ehr-cds-cards']);

const text = (sheets: readonly CSSResultOrNative[]) => sheets.map((s) => ('cssText' in s ? s.cssText : [...(s as CSSStyleSheet).cssRules].map((r) => r.cssText).join('\n'))).join('\n');
/** The shared layers: their tokens are checked across the elements that include them. */
const SHARED = [tokenStyles, ...panelStyles];

function sheetsOf(tag: string): CSSResultOrNative[] {
  const ctor = customElements.get(tag) as unknown as typeof ReactiveElement;
  return [...ctor.elementStyles, ...(WITH_MARKDOWN.has(tag) ? [markdownStyles] : [])];
}

function cssOf(tag: string): string {
  return text(sheetsOf(tag));
}

/** The element's own styles, without the shared layers. */
function ownCssOf(tag: string): string {
  return text(sheetsOf(tag).filter((s) => !SHARED.includes(s as never)));
}

const all = (text: string, pattern: RegExp) => new Set([...text.matchAll(pattern)].map((m) => m[1]));

describe('design tokens', () => {
  let manifest: Manifest;
  before(async () => {
    manifest = await (await fetch('/custom-elements.json')).json();
  });

  for (const tag of TAGS) {
    it(`${tag}: every private token is defined and used, every public token documented and read`, () => {
      const css = cssOf(tag);
      const defined = all(css, /(--_[\w-]+)\s*:/g);
      const used = all(css, /var\(\s*(--_[\w-]+)/g);
      expect([...used].filter((t) => !defined.has(t)), 'used but not defined').to.deep.equal([]);
      const ownDefined = all(ownCssOf(tag), /(--_[\w-]+)\s*:/g);
      expect([...ownDefined].filter((t) => !used.has(t)), 'defined by the element but not used').to.deep.equal([]);
      const read = new Set([...all(css, /var\(\s*(--ehr-[\w-]+)/g), ...all(css, /style\(\s*(--ehr-[\w-]+)/g)]);
      const declaration = manifest.modules.flatMap((m) => m.declarations).find((d) => d.tagName === tag);
      expect(declaration, `${tag} in custom-elements.json`).to.not.equal(undefined);
      const documented = new Set((declaration!.cssProperties ?? []).map((p) => p.name));
      expect([...read].filter((t) => !documented.has(t)).sort(), 'read but not documented (@cssprop)').to.deep.equal([]);
      expect([...documented].filter((t) => !read.has(t)).sort(), 'documented but never read').to.deep.equal([]);
    });
  }

  it('the shared layers define only tokens some element uses', () => {
    const usedAnywhere = new Set(TAGS.flatMap((tag) => [...all(cssOf(tag), /var\(\s*(--_[\w-]+)/g)]));
    const sharedDefined = all(text(SHARED), /(--_[\w-]+)\s*:/g);
    expect([...sharedDefined].filter((t) => !usedAnywhere.has(t)), 'shared tokens nobody uses').to.deep.equal([]);
  });

  it('the themes set only tokens some element reads', async () => {
    const readAnywhere = new Set(TAGS.flatMap((tag) => [...all(cssOf(tag), /var\(\s*(--ehr-[\w-]+)/g)]));
    for (const theme of ['light', 'dark', 'high-contrast']) {
      const text = await (await fetch(`/src/themes/${theme}.css`)).text();
      const set = all(text, /(--ehr-[\w-]+)\s*:/g);
      expect(set.size, `${theme} theme sets tokens`).to.be.greaterThan(5);
      expect([...set].filter((t) => !readAnywhere.has(t)), `${theme} theme: tokens no element reads`).to.deep.equal([]);
    }
  });

  it('can fail: a token used but not defined is caught', () => {
    const css = '.a { color: var(--_nowhere); }';
    const defined = all(css, /(--_[\w-]+)\s*:/g);
    expect([...all(css, /var\(\s*(--_[\w-]+)/g)].filter((t) => !defined.has(t))).to.deep.equal(['--_nowhere']);
  });
});
