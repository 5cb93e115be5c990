import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/ehr-tour.js';
import '../../src/define/ehr-tip.js';
import type { EhrTip } from '../../src/components/tip/tip.js';
import type { EhrTour } from '../../src/components/tour/tour.js';
import { until } from '../helpers.js';

// Nothing left behind: 20 tour runs (start → every step → done, and start → Escape-like stop) must not grow the
// page's DOM (light and shadow trees) or the listeners on window, document and the steps' controls. Listeners are
// counted by wrapping addEventListener/removeEventListener for the duration of the test.
const tourData = {
  kind: 'tour', id: 'tour.leaks', version: '1.0.0', title: 'Leaks', reviewBy: '2030-01-01', body: 'x',
  steps: [
    { selector: '#a', title: 'A', body: 'Step **one**.' },
    { selector: '#b', title: 'B', body: 'Step two.' },
    { selector: '#c', title: 'C', body: 'Step three.' },
  ],
};

function countNodes(root: Node): number {
  let n = 0;
  const walk = (node: Node) => {
    n++;
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return n;
}

describe('<ehr-tour> and <ehr-tip> leave nothing behind', function () {
  this.timeout(60000);
  const live = new Map<EventTarget, number>();
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const seen = new WeakMap<EventTarget, Set<string>>();
  before(() => {
    EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, fn: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
      const key = `${type}|${options && typeof options === 'object' && options.capture ? 1 : options === true ? 1 : 0}`;
      const id = `${key}|${fn ? ((fn as unknown as { __id?: number }).__id ??= Math.random()) : 0}`;
      const set = seen.get(this) ?? new Set<string>();
      if (!set.has(id)) live.set(this, (live.get(this) ?? 0) + 1);
      set.add(id);
      seen.set(this, set);
      return add.call(this, type, fn, options);
    };
    EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, fn: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
      const key = `${type}|${options && typeof options === 'object' && options.capture ? 1 : options === true ? 1 : 0}`;
      const id = `${key}|${fn ? (fn as unknown as { __id?: number }).__id ?? 0 : 0}`;
      const set = seen.get(this);
      if (set?.delete(id)) live.set(this, (live.get(this) ?? 1) - 1);
      return remove.call(this, type, fn, options);
    };
  });
  after(() => {
    EventTarget.prototype.addEventListener = add;
    EventTarget.prototype.removeEventListener = remove;
  });

  it('20 runs: no DOM nodes and no listeners on the page, its controls, window or document left over', async () => {
    const page = await fixture<HTMLElement>(html`<div style="padding:40px">
      <button id="a">A</button> <input id="b" /> <button id="c">C</button>
      <ehr-tour .tour=${tourData}></ehr-tour>
    </div>`);
    const tour = page.querySelector('ehr-tour') as EhrTour;
    const targets: EventTarget[] = [window, document, document.documentElement, document.body, ...page.querySelectorAll('#a, #b, #c')];
    const listeners = () => targets.reduce((sum, t) => sum + (live.get(t) ?? 0), 0);
    const run = async (i: number) => {
      await tour.start();
      await until(() => tour.open && !!tour.shadowRoot!.querySelector('[part="heading"]'), `run ${i} started`);
      if (i % 2) {
        for (let s = 0; s < 3; s++) await tour.next();
      } else {
        await tour.next();
        await tour.stop();
      }
      await until(() => !tour.open, `run ${i} ended`);
      await tour.updateComplete;
    };
    await run(0); // warm-up: lazy chunks, the markdown view, Floating UI's first measurements
    await new Promise((r) => setTimeout(r, 50));
    const nodes = countNodes(document);
    const before = listeners();
    for (let i = 1; i <= 20; i++) await run(i);
    await new Promise((r) => setTimeout(r, 50));
    expect(countNodes(document) - nodes, 'DOM nodes left behind').to.equal(0);
    expect(listeners() - before, 'listeners left behind').to.equal(0);
  });

  it('200 tip cycles (beacon and tooltip shown and hidden): no DOM nodes and no page listeners left over', async () => {
    const page = await fixture<HTMLElement>(html`<div style="padding:80px">
      <button id="t1">Sign</button> <button id="t2">Reconcile</button>
      <ehr-tip anchor="#t1" heading="Beacon" .markdown=${'Check the **dose**.'}></ehr-tip>
      <ehr-tip anchor="#t2" variant="tooltip" heading="Tooltip">Plain text.</ehr-tip>
    </div>`);
    const tips = [...page.querySelectorAll('ehr-tip')] as EhrTip[];
    const targets: EventTarget[] = [window, document, document.documentElement, document.body, ...page.querySelectorAll('#t1, #t2')];
    const listeners = () => targets.reduce((sum, t) => sum + (live.get(t) ?? 0), 0);
    const cycle = async (tip: EhrTip) => {
      await tip.show();
      await until(() => tip.open, 'shown');
      await tip.hide();
      await until(() => !tip.open, 'hidden');
      await tip.updateComplete;
    };
    for (const tip of tips) await cycle(tip); // warm-up
    await new Promise((r) => setTimeout(r, 50));
    const nodes = countNodes(document);
    const before = listeners();
    for (let i = 0; i < 100; i++) for (const tip of tips) await cycle(tip);
    await new Promise((r) => setTimeout(r, 50));
    expect(countNodes(document) - nodes, 'DOM nodes left behind').to.equal(0);
    expect(listeners() - before, 'listeners left behind').to.equal(0);
  });
});
