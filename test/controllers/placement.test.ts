import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/ehr-tour.js';
import '../../src/define/ehr-tip.js';
import type { EhrTour } from '../../src/components/tour/tour.js';
import { positionArea, setCssAnchoring } from '../../src/controllers/css-anchor-placement.js';
import { knownPlacement } from '../../src/controllers/placement.js';
import { frames, until } from '../helpers.js';

// Where floating parts go: by CSS anchor positioning against the popover's implicit anchor (its source) where the
// engine has it — Chromium here — and by Floating UI, loaded on first need, elsewhere. Both are tested: the second
// with CSS anchoring turned off.

const tourOf = (id: string, selector: string) => ({
  kind: 'tour',
  id,
  version: '1.0.0',
  title: 'Placement',
  reviewBy: '2027-06-30',
  body: 'Where steps go.',
  steps: [{ selector, title: 'Here', body: 'This control.' }],
});

const panelOf = (tour: EhrTour) => tour.shadowRoot!.querySelector<HTMLElement>('[part="panel"]')!;
const floatingUiFetched = () => performance.getEntriesByType('resource').some((entry) => /floating-placement|@floating-ui/.test(entry.name));

async function startTour(page: HTMLElement): Promise<{ panel: HTMLElement; anchor: Element }> {
  const tour = page.querySelector('ehr-tour') as EhrTour;
  await tour.start();
  await until(() => panelOf(tour).matches(':popover-open'), 'step shown');
  await frames(3);
  const selector = (tour.tour as { steps: { selector: string }[] }).steps[0].selector;
  return { panel: panelOf(tour), anchor: document.querySelector(selector)! };
}

describe('placement', function () {
  this.timeout(20000);

  it('names the CSS position-area of each placement, mirrored right to left', () => {
    expect(positionArea('bottom', false)).to.equal('bottom');
    expect(positionArea('bottom-start', false)).to.equal('bottom span-right');
    expect(positionArea('bottom-start', true)).to.equal('bottom span-left');
    expect(positionArea('top-end', false)).to.equal('top span-left');
    expect(positionArea('right', true)).to.equal('left');
    expect(positionArea('right-start', false)).to.equal('right span-bottom');
    expect(positionArea('left-end', true)).to.equal('right span-top');
    expect(knownPlacement('left-end')).to.equal('left-end');
    expect(knownPlacement('middle')).to.equal('bottom');
  });

  it('places a tour step and a tooltip by CSS anchoring, below their control, without loading Floating UI', async () => {
    const page = await fixture<HTMLElement>(html`<div style="padding:120px 200px">
      <button id="pl-css">Order</button>
      <ehr-tour .tour=${tourOf('tour.placement-css', '#pl-css')}></ehr-tour>
      <ehr-tip anchor="#pl-css" variant="tooltip" placement="top" open heading="Order">Orders go to the pharmacy.</ehr-tip>
    </div>`);
    const { panel, anchor } = await startTour(page);
    expect(panel.style.getPropertyValue('position-area')).to.equal('bottom');
    expect(panel.style.left).to.equal('');
    const a = anchor.getBoundingClientRect();
    const p = panel.getBoundingClientRect();
    expect(p.top - a.bottom).to.be.closeTo(10, 1); // the step's distance
    expect(p.left + p.width / 2).to.be.closeTo(a.left + a.width / 2, 1); // centred on the control
    expect(panel.dataset.placement).to.equal('bottom');
    const arrow = panel.querySelector<HTMLElement>('.arrow')!;
    const r = arrow.getBoundingClientRect();
    expect(r.left + r.width / 2).to.be.closeTo(a.left + a.width / 2, 1.5); // the arrow points at the control
    expect(r.top).to.be.below(p.top);
    const tip = page.querySelector('ehr-tip')!;
    await until(() => Boolean(tip.shadowRoot!.querySelector<HTMLElement>('[part~="panel"]')?.matches(':popover-open')), 'tooltip shown');
    const tooltip = tip.shadowRoot!.querySelector<HTMLElement>('[part~="panel"]')!;
    expect(tooltip.style.getPropertyValue('position-area')).to.equal('top');
    expect(a.top - tooltip.getBoundingClientRect().bottom).to.be.greaterThan(0);
    expect(floatingUiFetched(), 'Floating UI fetched').to.equal(false);
    await (page.querySelector('ehr-tour') as EhrTour).stop();
  });

  it('flips to the side that has room, keeps the panel on screen, and points the arrow from that side', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <button id="pl-flip" style="position:fixed;left:2px;bottom:4px">Sign</button>
      <ehr-tour .tour=${tourOf('tour.placement-flip', '#pl-flip')}></ehr-tour>
    </div>`);
    const { panel, anchor } = await startTour(page);
    const a = anchor.getBoundingClientRect();
    const p = panel.getBoundingClientRect();
    expect(p.bottom).to.be.at.most(a.top); // above: no room below
    expect(p.left).to.be.at.least(0); // shifted into the viewport, not centred off its left edge
    await until(() => panel.dataset.placement === 'top', 'data-placement says top');
    const arrow = panel.querySelector<HTMLElement>('.arrow')!;
    expect(arrow.style.bottom).to.equal('-5px');
    expect(arrow.getBoundingClientRect().left).to.be.at.least(p.left);
    await (page.querySelector('ehr-tour') as EhrTour).stop();
  });

  it('follows its control as the EHR scrolls, and stands beside it under CSS zoom', async () => {
    const page = await fixture<HTMLElement>(html`<div style="zoom:1.5">
      <div id="pl-scroller" style="height:300px;overflow:auto">
        <div style="height:120px"></div>
        <button id="pl-scroll">Allergies</button>
        <div style="height:900px"></div>
      </div>
      <ehr-tour .tour=${tourOf('tour.placement-scroll', '#pl-scroll')}></ehr-tour>
    </div>`);
    const { panel, anchor } = await startTour(page);
    const gap = () => panel.getBoundingClientRect().top - anchor.getBoundingClientRect().bottom;
    expect(gap()).to.be.closeTo(15, 1.5); // 10px, zoomed 1.5×
    page.querySelector('#pl-scroller')!.scrollTop = 60;
    await frames(3);
    expect(gap()).to.be.closeTo(15, 1.5);
    await (page.querySelector('ehr-tour') as EhrTour).stop();
  });

  it('places by Floating UI, loaded then, where CSS anchoring is off', async () => {
    setCssAnchoring(false);
    try {
      const page = await fixture<HTMLElement>(html`<div style="padding:120px 200px">
        <button id="pl-fui">Order</button>
        <ehr-tour .tour=${tourOf('tour.placement-fui', '#pl-fui')}></ehr-tour>
      </div>`);
      const { panel, anchor } = await startTour(page);
      expect(panel.style.getPropertyValue('position-area')).to.equal('');
      expect(panel.style.left).to.match(/px$/);
      const a = anchor.getBoundingClientRect();
      const p = panel.getBoundingClientRect();
      expect(p.top - a.bottom).to.be.closeTo(10, 1);
      expect(p.left + p.width / 2).to.be.closeTo(a.left + a.width / 2, 1);
      expect(floatingUiFetched(), 'Floating UI fetched').to.equal(true);
      await (page.querySelector('ehr-tour') as EhrTour).stop();
    } finally {
      setCssAnchoring(true);
    }
  });
});

describe('placement over the host page\'s own top layer', function () {
  this.timeout(20000);

  for (const css of [true, false]) {
    it(`a beacon whose control is in a host popover opened after it stands beside the control, on top (${css ? 'CSS anchoring' : 'Floating UI'})`, async () => {
      setCssAnchoring(css);
      try {
        const page = await fixture<HTMLElement>(html`<div>
          <div id="pl-menu-${css}" popover="manual" style="position:fixed;inset:auto;left:300px;top:200px;margin:0;padding:20px 60px 20px 20px">
            <button id="pl-in-menu-${css}">Renew</button>
          </div>
          <ehr-tip anchor="#pl-in-menu-${css}" tip-id="pl.menu.${css}" heading="Renewals">Renew for 90 days.</ehr-tip>
        </div>`);
        const tip = page.querySelector('ehr-tip')!;
        await tip.updateComplete;
        await frames(3);
        const menu = page.querySelector<HTMLElement>(`#pl-menu-${css}`)!;
        menu.showPopover();
        const beacon = tip.shadowRoot!.querySelector<HTMLElement>('[part~="beacon"]')!;
        const anchor = page.querySelector(`#pl-in-menu-${css}`)!;
        const beside = () => {
          const a = anchor.getBoundingClientRect();
          const b = beacon.getBoundingClientRect();
          return b.width > 0 && Math.abs(b.left - a.right - 4) < 2 && Math.abs(b.top + b.height / 2 - (a.top + a.height / 2)) < 2;
        };
        await until(() => beacon.matches(':popover-open') && beside(), 'beacon beside the control in the host popover');
        const b = beacon.getBoundingClientRect();
        const top = tip.shadowRoot!.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
        expect(top && beacon.contains(top), 'the beacon is above the host popover').to.equal(true);
        menu.hidePopover();
      } finally {
        setCssAnchoring(true);
      }
    });
  }
});

describe('placement when the host re-opens its own top layer', function () {
  this.timeout(20000);

  for (const [css, early] of [[true, false], [false, false], [true, true], [false, true]]) {
    const when = early ? 'opened as the tip connects' : 'opened after the beacon showed';
    it(`a beacon stays beside its control, on top, when the host closes and re-opens the popover holding it in one task (${when}; ${css ? 'CSS anchoring' : 'Floating UI'})`, async () => {
      setCssAnchoring(css);
      try {
        const page = await fixture<HTMLElement>(html`<div>
          <div id="pr-menu-${css}-${early}" popover="manual" style="position:fixed;inset:auto;left:300px;top:200px;margin:0;padding:20px 60px 20px 20px">
            <button id="pr-in-menu-${css}-${early}">Renew</button>
          </div>
          <ehr-tip anchor="#pr-in-menu-${css}-${early}" tip-id="pr.menu.${css}.${early}" heading="Renewals">Renew for 90 days.</ehr-tip>
        </div>`);
        const tip = page.querySelector('ehr-tip')!;
        const menu = page.querySelector<HTMLElement>(`#pr-menu-${css}-${early}`)!;
        if (early) menu.showPopover();
        await tip.updateComplete;
        await frames(3);
        if (!early) menu.showPopover();
        const beacon = tip.shadowRoot!.querySelector<HTMLElement>('[part~="beacon"]')!;
        const anchor = page.querySelector(`#pr-in-menu-${css}-${early}`)!;
        const beside = () => {
          const a = anchor.getBoundingClientRect();
          const b = beacon.getBoundingClientRect();
          return b.width > 0 && Math.abs(b.left - a.right - 4) < 2 && Math.abs(b.top + b.height / 2 - (a.top + a.height / 2)) < 2;
        };
        const onTop = () => {
          const b = beacon.getBoundingClientRect();
          const top = tip.shadowRoot!.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
          return !!top && beacon.contains(top);
        };
        await until(() => beacon.matches(':popover-open') && beside() && onTop(), 'beacon beside the control, above the host popover');
        // The host re-renders its menu: closed and opened again in one task, so it is now above the beacon.
        menu.hidePopover();
        menu.showPopover();
        await until(() => beacon.matches(':popover-open') && beside() && onTop(), 'beacon beside the control, above the re-opened host popover');
        menu.hidePopover();
      } finally {
        setCssAnchoring(true);
      }
    });
  }

  it('a tour step stays beside its control, on top, when the host re-opens the popover holding it in one task', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <div id="pr-tour-menu" popover="manual" style="position:fixed;inset:auto;left:300px;top:150px;margin:0;padding:20px">
        <button id="pr-tour-in-menu">Renew</button>
      </div>
    </div>`);
    const menu = page.querySelector<HTMLElement>('#pr-tour-menu')!;
    menu.showPopover();
    const tour = document.createElement('ehr-tour') as EhrTour;
    tour.tour = { kind: 'tour', id: 'pr.tour', version: '1.0.0', title: 'Renewals', reviewBy: '2030-01-01', body: 'x', steps: [{ selector: '#pr-tour-in-menu', title: 'Renew', body: 'Renew for 90 days.' }] };
    page.append(tour);
    await tour.start({ focus: false });
    const panel = tour.shadowRoot!.querySelector<HTMLElement>('[part="panel"]')!;
    const anchor = page.querySelector('#pr-tour-in-menu')!;
    const placed = () => {
      const a = anchor.getBoundingClientRect();
      const p = panel.getBoundingClientRect();
      const top = tour.shadowRoot!.elementFromPoint(p.left + p.width / 2, p.top + 8);
      return panel.matches(':popover-open') && Math.abs(p.top - a.bottom - 10) < 2 && !!top && panel.contains(top);
    };
    await until(placed, 'the step below its control, above the host popover');
    menu.hidePopover();
    menu.showPopover();
    await until(placed, 'the step below its control, above the re-opened host popover');
    await tour.stop();
    menu.hidePopover();
  });

  it('a beacon stays on top when a vendor widget re-opens, in one task, its own popover menu (in its shadow root) holding the control', async () => {
    if (!customElements.get('pr-vendor-menu')) {
      customElements.define('pr-vendor-menu', class extends HTMLElement {
        constructor() {
          super();
          const root = this.attachShadow({ mode: 'open' });
          const menu = document.createElement('div');
          menu.popover = 'manual';
          menu.setAttribute('style', 'position:fixed;inset:auto;left:300px;top:220px;margin:0;padding:20px 60px 20px 20px');
          const button = document.createElement('button');
          button.id = 'renew';
          button.textContent = 'Renew';
          menu.append(button);
          root.append(menu);
        }
      });
    }
    const page = await fixture<HTMLElement>(html`<div>
      <pr-vendor-menu></pr-vendor-menu>
      <ehr-tip anchor=${'pr-vendor-menu >>> #renew'} tip-id="pr.vendor" heading="Renewals">Renew for 90 days.</ehr-tip>
    </div>`);
    const menu = page.querySelector('pr-vendor-menu')!.shadowRoot!.querySelector<HTMLElement>('[popover]')!;
    const anchor = menu.querySelector('#renew')!;
    const tip = page.querySelector('ehr-tip')!;
    await tip.updateComplete;
    await frames(3);
    menu.showPopover();
    const beacon = tip.shadowRoot!.querySelector<HTMLElement>('[part~="beacon"]')!;
    const placed = () => {
      const a = anchor.getBoundingClientRect();
      const b = beacon.getBoundingClientRect();
      const top = tip.shadowRoot!.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
      return beacon.matches(':popover-open') && b.width > 0 && Math.abs(b.left - a.right - 4) < 2 && !!top && beacon.contains(top);
    };
    await until(placed, 'beacon beside the control in the vendor menu, on top');
    menu.hidePopover();
    menu.showPopover();
    await until(placed, 'beacon beside the control, above the re-opened vendor menu');
    menu.hidePopover();
  });
});

describe('placement where CSS anchoring cannot anchor', function () {
  this.timeout(20000);

  it('a step beside a point of an SVG chart stands beside it', async () => {
    const page = await fixture<HTMLElement>(html`<div style="padding:80px 200px">
      <svg width="300" height="160" viewBox="0 0 300 160"><circle id="pl-svg-point" cx="150" cy="40" r="6" fill="crimson"></circle></svg>
      <ehr-tour .tour=${tourOf('tour.placement-svg', '#pl-svg-point')}></ehr-tour>
    </div>`);
    const { panel, anchor } = await startTour(page);
    await frames(3);
    const a = anchor.getBoundingClientRect();
    const p = panel.getBoundingClientRect();
    expect(p.top - a.bottom, 'below the point').to.be.closeTo(10, 1.5);
    expect(p.left + p.width / 2, 'centred on it').to.be.closeTo(a.left + a.width / 2, 1.5);
    await (page.querySelector('ehr-tour') as EhrTour).stop();
  });
});
