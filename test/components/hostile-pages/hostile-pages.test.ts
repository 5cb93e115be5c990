import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import '../../../src/define/ehr-tip.js';
import '../../../src/define/ehr-tour.js';
import type { EhrTip } from '../../../src/components/tip/tip.js';
import type { EhrTour } from '../../../src/components/tour/tour.js';
import { frames, settleAnimations, until } from '../../helpers.js';

/**
 * Host pages that fight back: a reset of every property, Bootstrap-like globals, a huge z-index overlay,
 * transformed and fixed ancestors, a modal <dialog> and a popover around the anchor, right to left, 200 % zoom.
 * In each, a tip and a tour step render in the top layer beside their anchor, on screen and on top (what is
 * under their centre is them), look as committed (screenshots, 1 % tolerance), and leave the page's own styles as
 * they were.
 */
const BOOTSTRAPISH = `
  * { box-sizing: border-box; } body { font-family: serif; line-height: 2; }
  button { all: revert; padding: 20px 40px; border-radius: 0; background: #0d6efd; color: #fff; text-transform: uppercase; }
  [popover] { display: none !important; } .popover, .tooltip, .panel, .beacon { display: none !important; opacity: 0 !important; }
  div, p, h2, h3 { margin: 30px !important; padding: 0 !important; color: red !important; font-size: 30px !important; }
  :focus { outline: 5px dotted magenta !important; } [role="dialog"] { transform: scale(0.1) !important; }
`;

interface Page {
  name: string;
  css?: string;
  wrap: (inner: ReturnType<typeof html>) => ReturnType<typeof html>;
  dir?: 'rtl';
  /** Browser zoom: the same window shows 1/zoom as many CSS pixels (what Ctrl + does). */
  zoom?: number;
}

const PAGES: Page[] = [
  { name: 'all-unset', css: '* { all: unset; } :root { display: block; }', wrap: (i) => html`<div>${i}</div>` },
  { name: 'bootstrapish', css: BOOTSTRAPISH, wrap: (i) => html`<div class="container">${i}</div>` },
  { name: 'z-index', wrap: (i) => html`<div>${i}</div><div class="overlay" style="position: fixed; inset: 0 0 0 50%; z-index: 2147483647; background: rgba(0,0,0,.15)"></div>` },
  { name: 'transformed', wrap: (i) => html`<div style="transform: translate(40px, 30px) rotate(0.0001deg) scale(0.9); filter: contrast(1); contain: paint; overflow: hidden; height: 420px">${i}</div>` },
  { name: 'fixed', wrap: (i) => html`<div style="position: fixed; top: 20px; left: 20px; width: 820px; height: 420px; overflow: auto; z-index: 10">${i}</div>` },
  { name: 'dialog', wrap: (i) => html`<dialog class="host-dialog" style="width: 820px; height: 420px">${i}</dialog>` },
  { name: 'popover', wrap: (i) => html`<div class="host-popover" popover="manual" style="width: 820px; height: 420px; inset: 20px auto auto 20px; margin: 0">${i}</div>` },
  { name: 'rtl', dir: 'rtl', wrap: (i) => html`<div>${i}</div>` },
  { name: 'zoom-200', zoom: 2, wrap: (i) => html`<div>${i}</div>` },
  // CSS zoom on the root, as some EHR shells do (not the browser's zoom).
  { name: 'css-zoom', css: 'html { zoom: 1.5; }', wrap: (i) => html`<div>${i}</div>` },
];

const TOUR = { kind: 'tour', id: 'tour.hostile', version: '1.0.0', title: 'Order entry', reviewBy: '2099-12-31', body: 'b', steps: [{ selector: '.h-med', title: 'Medication', body: 'Search by generic name.' }, { selector: '.h-sign', title: 'Sign', body: 'Signing sends it.' }] };
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const rect = (el: Element) => el.getBoundingClientRect();

/** The popup is open in the top layer, placed beside the anchor, inside the viewport, and on top at its centre. */
function expectPlaced(host: Element, panel: HTMLElement, anchor: Element, label: string): void {
  expect(panel.matches(':popover-open'), `${label}: open in the top layer`).to.equal(true);
  const p = rect(panel);
  const a = rect(anchor);
  expect(p.width, `${label}: has a size`).to.be.above(100);
  expect(p.left, `${label}: on screen`).to.be.at.least(-1);
  expect(p.right).to.be.at.most(innerWidth + 1);
  expect(p.top).to.be.at.least(-1);
  expect(p.bottom).to.be.at.most(innerHeight + 1);
  // Beside the anchor: touching or within a few pixels of one of its sides (after flips and shifts).
  const gap = Math.max(a.left - p.right, p.left - a.right, a.top - p.bottom, p.top - a.bottom);
  expect(gap, `${label}: next to its anchor (gap ${gap.toFixed(1)} px)`).to.be.below(40);
  const top = host.shadowRoot!.elementFromPoint(p.left + p.width / 2, p.top + Math.min(20, p.height / 2));
  expect(top && panel.contains(top), `${label}: on top of the page at its centre`).to.equal(true);
}

describe('hostile host pages', function () {
  this.timeout(120000);
  before(async () => {
    await setViewport({ width: 900, height: 700 });
    await emulateMedia({ reducedMotion: 'reduce' });
  });
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));

  for (const hostile of PAGES) {
    it(`${hostile.name}: a tip and a tour step render, placed and on top, and the page's styles stay its own`, async () => {
      const style = document.createElement('style');
      style.textContent = hostile.css ?? '';
      document.head.append(style);
      if (hostile.dir) document.documentElement.dir = hostile.dir;
      if (hostile.zoom) await setViewport({ width: 900 / hostile.zoom, height: 700 / hostile.zoom });
      try {
        const page = await fixture<HTMLElement>(html`<div class="stage">${hostile.wrap(html`
          <p class="host-text">The EHR's own text.</p>
          <button class="h-med">Medication</button> <button class="h-sign">Sign order</button>
          <ehr-tip anchor=".h-sign" placement="bottom" tip-id="hostile.tip" heading="Before you sign" markdown="**Dose**, route, frequency."></ehr-tip>
          <ehr-tour .tour=${TOUR}></ehr-tour>`)}</div>`);
        page.querySelector<HTMLDialogElement>('dialog.host-dialog')?.showModal();
        page.querySelector<HTMLElement>('.host-popover')?.showPopover();
        const hostText = page.querySelector('.host-text')!;
        const before = getComputedStyle(hostText).cssText || JSON.stringify([getComputedStyle(hostText).color, getComputedStyle(hostText).fontSize, getComputedStyle(hostText).fontFamily]);
        const tip = page.querySelector('ehr-tip') as EhrTip;
        await tip.show();
        await until(() => part(tip, 'panel').matches(':popover-open') && Boolean(part(tip, 'panel').dataset.placement), `${hostile.name}: tip placed`);
        await frames(3);
        await settleAnimations(tip);
        expectPlaced(tip, part(tip, 'panel'), page.querySelector('.h-sign')!, `${hostile.name} tip`);
        await visualDiff(part(tip, 'panel'), `hostile-${hostile.name}-tip`);
        await tip.hide();
        const tour = page.querySelector('ehr-tour') as EhrTour;
        await tour.start({ focus: false });
        await until(() => part(tour, 'panel').matches(':popover-open') && Boolean(part(tour, 'panel').dataset.placement), `${hostile.name}: tour placed`);
        await frames(3);
        await settleAnimations(tour);
        expectPlaced(tour, part(tour, 'panel'), page.querySelector('.h-med')!, `${hostile.name} tour`);
        await visualDiff(part(tour, 'panel'), `hostile-${hostile.name}-tour`);
        await tour.stop();
        const after = getComputedStyle(hostText).cssText || JSON.stringify([getComputedStyle(hostText).color, getComputedStyle(hostText).fontSize, getComputedStyle(hostText).fontFamily]);
        expect(after, 'our styles never leak onto the page').to.equal(before);
        expect([...document.head.querySelectorAll('style')].filter((s) => s !== style && /ehr-|:host/.test(s.textContent ?? '')).length, 'no style element of ours in the page').to.equal(0);
      } finally {
        style.remove();
        document.documentElement.removeAttribute('dir');
        if (hostile.zoom) await setViewport({ width: 900, height: 700 });
      }
    });
  }
});
