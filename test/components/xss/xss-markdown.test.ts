import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { compileMarkdown } from '../../../src/core/markdown/compile.js';
import { renderMarkdown } from '../../../src/components/shared/render-markdown.js';
import { imageAllowed } from '../../../src/core/url-policy.js';
import { DEEP_VECTORS, HOSTILE_URLS, textPayloads } from '../../fixtures/xss/vectors.js';
import { findUnsafe, installSentinel, type Sentinel } from './inspect.js';

// Every payload of the corpus, one at a time, through the markdown compiler and renderer every element uses:
// nothing runs, no handler attribute, no unsafe link, no foreign image, and a clear error (never a crash) for
// what cannot be compiled.
describe('hostile content: markdown', function () {
  this.timeout(60000);
  let sentinel: Sentinel;
  let payloads: string[];
  before(async () => {
    payloads = await textPayloads();
  });
  beforeEach(() => (sentinel = installSentinel()));
  afterEach(() => sentinel.restore());

  function renderOne(doc: Parameters<typeof renderMarkdown>[0], host: HTMLElement) {
    render(renderMarkdown(doc, { imageAllowed: (src) => imageAllowed(src, [], location.href) }), host);
  }

  it(`renders the corpus (${'blns'} + vector families) inert, one payload at a time`, async () => {
    expect(payloads.length, 'corpus size').to.be.above(800);
    const host = document.createElement('div');
    document.body.append(host);
    const problems: string[] = [];
    let compiled = 0;
    for (const payload of [...payloads, ...HOSTILE_URLS.map((u) => `[link](${u}) ![img](${u})`)]) {
      let doc;
      try {
        doc = compileMarkdown(payload);
        compiled++;
      } catch (error) {
        problems.push(`compile threw for ${JSON.stringify(payload.slice(0, 60))}: ${(error as Error).message}`);
        continue;
      }
      renderOne(doc, host);
      problems.push(...findUnsafe(host).map((p) => `${p} from ${JSON.stringify(payload.slice(0, 60))}`));
      render(null, host);
    }
    await new Promise((r) => setTimeout(r, 100)); // let any image error or handler fire
    host.remove();
    expect(problems).to.deep.equal([]);
    expect(compiled).to.be.above(800);
    expect(sentinel.hits).to.deep.equal([]);
    expect(sentinel.uncaught).to.deep.equal([]);
  });

  it('keeps every payload visible as text (escaped, not dropped)', () => {
    const host = document.createElement('div');
    for (const payload of ['<script>__xss()</script>', '<img src=x onerror=__xss()>', '"><svg onload=__xss()>']) {
      renderOne(compileMarkdown(payload), host);
      expect(host.textContent).to.include(payload.replace(/^"/, '"'));
    }
  });

  it('nests thousands deep without overflowing: compiled or refused with an Error, rendered inert', () => {
    const host = document.createElement('div');
    for (const payload of DEEP_VECTORS) {
      let doc;
      try {
        doc = compileMarkdown(payload);
      } catch (error) {
        expect(error, `what ${JSON.stringify(payload.slice(0, 20))} throws`).to.be.instanceOf(Error);
        expect((error as Error).message).to.not.equal('');
        continue;
      }
      renderOne(doc, host);
      expect(findUnsafe(host)).to.deep.equal([]);
    }
    expect(sentinel.hits).to.deep.equal([]);
  });

  it('renders hostile compiled markdown (ehr-md/1 from a pack) inert: unknown nodes, bad URLs, wrong shapes', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const inline = HOSTILE_URLS.flatMap((u) => [
      { t: 'link', href: u, title: '" onmouseover="__xss()', c: [{ t: 'text', v: '<img src=x onerror=__xss()>' }] },
      { t: 'image', src: u, alt: '<svg onload=__xss()>' },
    ]);
    let deep: unknown = { t: 'text', v: 'bottom' };
    for (let i = 0; i < 5000; i++) deep = { t: 'strong', c: [deep] };
    const doc = {
      format: 'ehr-md/1' as const,
      blocks: [
        { t: 'p', c: inline },
        { t: 'html', v: '<script>__xss()</script>' },
        { t: 'p', c: [{ t: 'raw', html: '<img src=x onerror=__xss()>' }, 'string node', null, 42, { t: 'text', v: { toString: () => '<b>x</b>' } }] },
        { t: 'h', level: '1 onclick=__xss()', c: [{ t: 'text', v: 'x' }] },
        { t: 'list', ordered: true, start: '1" onclick="__xss()', items: [{ c: [{ t: 'p', c: [deep] }] }, 'not an item'] },
        { t: 'table', align: ['left;background:url(javascript:__xss())'], head: [[{ t: 'text', v: 'h' }]], rows: [[[{ t: 'image', src: 'https://evil.example/pixel.png', alt: 'pixel' }]]] },
        { t: 'pre', v: '</code></pre><img src=x onerror=__xss()>', lang: '"><script>__xss()</script>' },
        { t: 'quote', c: 'not blocks' },
      ],
    };
    renderOne(doc as never, host);
    await new Promise((r) => setTimeout(r, 100));
    expect(findUnsafe(host)).to.deep.equal([]);
    // No image from a foreign origin (findUnsafe checks every src); compare counts, not elements (a DOM node in a
    // failed assertion hangs the test runner's serialiser).
    expect([...host.querySelectorAll('img')].filter((img) => new URL(img.src).origin !== location.origin).length).to.equal(0);
    expect(host.textContent).to.include('pixel'); // its alt text instead
    expect(sentinel.hits).to.deep.equal([]);
    expect(sentinel.uncaught).to.deep.equal([]);
    host.remove();
  });
});
