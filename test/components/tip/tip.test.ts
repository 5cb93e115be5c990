import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse, emulateMedia, setViewport } from '@web/test-runner-commands';
import '../../../src/define/ehr-tip.js';
import type { EhrTip } from '../../../src/components/tip/tip.js';
import { browserDismissalStore } from '../../../src/platform/web-storage.js';
import { emulateForcedColors, frames, recordEvents, settleAnimations, until } from '../../helpers.js';

function part(el: EhrTip, name: string): HTMLElement {
  const found = el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  if (!found) throw new Error(`no part ${name}`);
  return found;
}

function isOpenPopover(el: HTMLElement): boolean {
  return el.matches(':popover-open') && !el.classList.contains('offscreen') && getComputedStyle(el).display !== 'none';
}

async function mount(template: ReturnType<typeof html>): Promise<{ page: HTMLElement; tip: EhrTip; anchor: HTMLElement }> {
  const page = await fixture<HTMLElement>(template);
  const tip = page.querySelector('ehr-tip') as EhrTip;
  const anchor = page.querySelector('#target') as HTMLElement;
  await tip.updateComplete;
  await frames(3);
  return { page, tip, anchor };
}

function center(el: Element): [number, number] {
  const r = el.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

describe('<ehr-tip> beacon', () => {
  beforeEach(() => localStorage.clear());
  afterEach(async () => {
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('shows a labelled hotspot beside its anchor and is accessible closed', async () => {
    const { tip, anchor } = await mount(html`<div style="padding:40px">
      <button id="target">Sign order</button>
      <ehr-tip anchor="#target" heading="Signing orders" tip-id="orders.sign">Check the dose first.</ehr-tip>
    </div>`);
    const beacon = part(tip, 'beacon');
    expect(isOpenPopover(beacon)).to.equal(true);
    expect(beacon.getAttribute('aria-label')).to.equal('Tip: Signing orders');
    expect(beacon.getAttribute('aria-expanded')).to.equal('false');
    const a = anchor.getBoundingClientRect();
    const b = beacon.getBoundingClientRect();
    expect(b.left).to.be.closeTo(a.right + 4, 2); // placement "right", 4 px away
    expect(b.top + b.height / 2).to.be.closeTo(a.top + a.height / 2, 2);
    expect(isOpenPopover(part(tip, 'panel'))).to.equal(false);
    await settleAnimations(tip);
    await expect(tip).to.be.accessible();
  });

  it('opens on click with focus in the popup, closes on Escape and returns focus to the beacon', async () => {
    const { tip, anchor } = await mount(html`<div style="padding:40px">
      <button id="target">Sign order</button>
      <ehr-tip anchor="#target" heading="Signing orders" tip-id="orders.sign">Check the dose first.</ehr-tip>
    </div>`);
    const beacon = part(tip, 'beacon');
    const shown = oneEvent(document, 'ehr-tip-show');
    await sendMouse({ type: 'click', position: center(beacon) });
    const showEvent = await shown;
    expect(showEvent.detail).to.deep.equal({ tipId: 'orders.sign', reason: 'pointer' });
    expect(showEvent.bubbles && showEvent.composed).to.equal(true);
    const panel = part(tip, 'panel');
    expect(tip.open).to.equal(true);
    expect(isOpenPopover(panel)).to.equal(true);
    expect(tip.shadowRoot!.activeElement).to.equal(panel);
    expect(beacon.getAttribute('aria-expanded')).to.equal('true');
    expect(panel.getAttribute('role')).to.equal('dialog');
    expect(panel.textContent).to.include('Signing orders');
    // placed below the anchor, with the gap it was given
    expect(panel.getBoundingClientRect().top).to.be.closeTo(anchor.getBoundingClientRect().bottom + 10, 2);
    await settleAnimations(tip);
    await expect(tip).to.be.accessible();

    const hidden = oneEvent(document, 'ehr-tip-hide');
    await sendKeys({ press: 'Escape' });
    expect((await hidden).detail).to.deep.equal({ tipId: 'orders.sign', reason: 'escape' });
    expect(tip.open).to.equal(false);
    expect(isOpenPopover(panel)).to.equal(false);
    expect(tip.shadowRoot!.activeElement).to.equal(beacon);
  });

  it('puts the beacon in the page\'s Tab order right after its anchor (real key presses, no focus() calls)', async () => {
    const { tip } = await mount(html`<div style="padding:40px">
      <button id="before">Before</button>
      <button id="target">Sign order</button>
      <button id="after">After</button>
      <ehr-tip anchor="#target" heading="Signing">Body</ehr-tip>
    </div>`);
    await until(() => part(tip, 'beacon').matches(':popover-open'), 'beacon placed');
    document.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.id).to.equal('target');
    await sendKeys({ press: 'Tab' });
    expect(tip.shadowRoot!.activeElement, 'Tab from the anchor reaches its beacon').to.equal(part(tip, 'beacon'));
    await sendKeys({ press: 'Enter' });
    await until(() => tip.shadowRoot!.activeElement === part(tip, 'panel'), 'focus into the popup');
    await sendKeys({ press: 'Escape' });
    await until(() => !tip.open, 'closed');
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.id, 'then on to the page').to.equal('after');
  });

  it('opens from the keyboard with Enter and Space on the beacon', async () => {
    const { tip } = await mount(html`<div style="padding:40px">
      <button id="before">Before</button>
      <button id="target">Sign order</button>
      <ehr-tip anchor="#target" heading="Signing">Body</ehr-tip>
    </div>`);
    part(tip, 'beacon').focus();
    let shown = oneEvent(document, 'ehr-tip-show');
    await sendKeys({ press: 'Enter' });
    expect((await shown).detail.reason).to.equal('keyboard');
    expect(tip.shadowRoot!.activeElement).to.equal(part(tip, 'panel'));
    await sendKeys({ press: 'Escape' });
    await until(() => !tip.open, 'closed');
    expect(tip.shadowRoot!.activeElement).to.equal(part(tip, 'beacon'));
    shown = oneEvent(document, 'ehr-tip-show');
    await sendKeys({ press: 'Space' });
    expect((await shown).detail.reason).to.equal('keyboard');
    // Tab moves through the popup's controls: close, then "Got it"
    await sendKeys({ press: 'Tab' });
    expect(tip.shadowRoot!.activeElement).to.equal(part(tip, 'close-button'));
    await sendKeys({ press: 'Tab' });
    expect(tip.shadowRoot!.activeElement).to.equal(part(tip, 'dismiss-button'));
  });

  it('opens and closes through show() and hide() promises without taking focus', async () => {
    const { tip } = await mount(html`<div style="padding:40px">
      <input id="note" aria-label="Note" />
      <button id="target">Sign order</button>
      <ehr-tip anchor="#target" heading="Signing">Body</ehr-tip>
    </div>`);
    const note = tip.parentElement!.querySelector('#note') as HTMLInputElement;
    note.focus();
    const events = recordEvents(['ehr-tip-show', 'ehr-tip-hide']);
    await tip.show();
    expect(isOpenPopover(part(tip, 'panel'))).to.equal(true);
    expect(document.activeElement).to.equal(note); // an unsolicited tip never steals focus
    await tip.show(); // idempotent
    await tip.hide();
    expect(isOpenPopover(part(tip, 'panel'))).to.equal(false);
    expect(document.activeElement).to.equal(note);
    events.stop();
    expect(events.events.map((e) => `${e.type}:${e.detail.reason}`)).to.deep.equal(['ehr-tip-show:api', 'ehr-tip-hide:api']);
  });

  it('closes on a click outside and on the close button', async () => {
    const { tip } = await mount(html`<div style="padding:40px">
      <button id="target">Sign order</button>
      <p id="elsewhere" style="margin-top:200px">Elsewhere</p>
      <ehr-tip anchor="#target" heading="Signing">Body</ehr-tip>
    </div>`);
    await tip.show();
    let hidden = oneEvent(document, 'ehr-tip-hide');
    await sendMouse({ type: 'click', position: center(tip.parentElement!.querySelector('#elsewhere')!) });
    expect((await hidden).detail.reason).to.equal('outside');
    await tip.show();
    hidden = oneEvent(document, 'ehr-tip-hide');
    await sendMouse({ type: 'click', position: center(part(tip, 'close-button')) });
    expect((await hidden).detail.reason).to.equal('close-button');
  });

  it('"Got it" dismisses for the page; the beacon goes and focus returns to the anchor', async () => {
    const { tip, anchor } = await mount(html`<div style="padding:40px">
      <button id="target">Sign order</button>
      <ehr-tip anchor="#target" heading="Signing" tip-id="t.got-it">Body</ehr-tip>
    </div>`);
    await sendMouse({ type: 'click', position: center(part(tip, 'beacon')) });
    await until(() => tip.open, 'open');
    const events = recordEvents(['ehr-tip-dismiss', 'ehr-tip-hide']);
    part(tip, 'dismiss-button').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => events.events.length === 2, 'dismiss and hide events');
    events.stop();
    expect(events.events.map((e) => [e.type, e.detail])).to.deep.equal([
      ['ehr-tip-dismiss', { tipId: 't.got-it', permanent: false }],
      ['ehr-tip-hide', { tipId: 't.got-it', reason: 'dismiss' }],
    ]);
    expect(part(tip, 'beacon').hidden).to.equal(true);
    expect(document.activeElement).to.equal(anchor);
    expect(localStorage.getItem('ehr-guide:dismissed:t.got-it')).to.equal(null);
    await tip.show();
    expect(tip.open).to.equal(false);
  });

  it('"Don\'t show again" is remembered across page loads by tip id', async () => {
    const store = browserDismissalStore();
    const { tip } = await mount(html`<div style="padding:40px">
      <button id="target">Sign order</button>
      <ehr-tip anchor="#target" heading="Signing" tip-id="t.never">Body</ehr-tip>
    </div>`);
    await tip.show();
    const dismissed = oneEvent(document, 'ehr-tip-dismiss');
    part(tip, 'never-button').click();
    expect((await dismissed).detail).to.deep.equal({ tipId: 't.never', permanent: true });
    expect(store.isDismissed('t.never')).to.equal(true);

    // A later page with the same tip: nothing shows, not even the beacon, and show() does nothing.
    const { tip: again } = await mount(html`<div style="padding:40px">
      <button id="target">Sign order</button>
      <ehr-tip anchor="#target" heading="Signing" tip-id="t.never">Body</ehr-tip>
    </div>`);
    expect(part(again, 'beacon').hidden).to.equal(true);
    await again.show();
    expect(isOpenPopover(part(again, 'panel'))).to.equal(false);
    // A tip without an id cannot be remembered, so it offers no "Don't show again".
    const { tip: anonymous } = await mount(html`<div><button id="target">x</button><ehr-tip anchor="#target" heading="H">B</ehr-tip></div>`);
    expect(anonymous.shadowRoot!.querySelector('[part~="never-button"]')).to.equal(null);
  });

  it('without an anchor, renders the beacon inline and opens the popup next to it', async () => {
    const { tip } = await mount(html`<p>Order sets <ehr-tip heading="Order sets">Pick a set, then adjust.</ehr-tip></p>`);
    const beacon = part(tip, 'beacon');
    expect(beacon.hasAttribute('popover')).to.equal(false);
    expect(beacon.getBoundingClientRect().width).to.be.greaterThan(0);
    await tip.show();
    const panel = part(tip, 'panel');
    expect(isOpenPopover(panel)).to.equal(true);
    expect(panel.getBoundingClientRect().top).to.be.greaterThan(beacon.getBoundingClientRect().bottom);
    await settleAnimations(tip);
    await expect(tip).to.be.accessible();
  });
});

describe('<ehr-tip> tooltip', () => {
  afterEach(async () => {
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('shows on hover and hides when the pointer leaves; stays while the pointer is on it', async () => {
    const { tip, anchor } = await mount(html`<div style="padding:60px">
      <span id="target" style="display:inline-block;padding:4px">K+ 5.9 H</span>
      <ehr-tip variant="tooltip" anchor="#target" tip-id="lab.flag">Above the reference range.</ehr-tip>
    </div>`);
    const panel = part(tip, 'panel');
    expect(isOpenPopover(panel)).to.equal(false);
    await settleAnimations(tip);
    await expect(tip).to.be.accessible();
    const shown = oneEvent(document, 'ehr-tip-show');
    await sendMouse({ type: 'move', position: center(anchor) });
    expect((await shown).detail).to.deep.equal({ tipId: 'lab.flag', reason: 'hover' });
    await until(() => isOpenPopover(panel), 'tooltip visible');
    expect(panel.getAttribute('role')).to.equal('tooltip');
    await settleAnimations(tip);
    await expect(tip).to.be.accessible();
    await sendMouse({ type: 'move', position: center(panel) });
    await new Promise((r) => setTimeout(r, 300));
    expect(tip.open).to.equal(true);
    const hidden = oneEvent(document, 'ehr-tip-hide');
    await sendMouse({ type: 'move', position: [1, 1] });
    expect((await hidden).detail.reason).to.equal('pointer');
  });

  it('shows on keyboard focus, hides on Escape and on blur, and describes the anchor', async () => {
    const { tip, anchor } = await mount(html`<div style="padding:60px">
      <button id="target" aria-describedby="existing">Reconcile</button>
      <span id="existing">Opens the reconciliation screen</span>
      <button id="next">Next</button>
      <ehr-tip variant="tooltip" anchor="#target">Compare home and hospital medications.</ehr-tip>
    </div>`);
    expect(anchor.getAttribute('aria-describedby')).to.equal(`existing ${tip.id}`);
    anchor.focus();
    await until(() => tip.open, 'open on focus');
    expect(isOpenPopover(part(tip, 'panel'))).to.equal(true);
    const escaped = oneEvent(document, 'ehr-tip-hide');
    await sendKeys({ press: 'Escape' });
    expect((await escaped).detail.reason).to.equal('escape');
    expect(document.activeElement).to.equal(anchor); // focus stays where the clinician put it
    (tip.parentElement!.querySelector('#next') as HTMLElement).focus();
    anchor.focus();
    await until(() => tip.open, 'open on focus again');
    const blurred = oneEvent(document, 'ehr-tip-hide');
    await sendKeys({ press: 'Tab' });
    expect((await blurred).detail.reason).to.equal('blur');
    // Removing the tip restores the host's own attribute exactly.
    tip.remove();
    expect(anchor.getAttribute('aria-describedby')).to.equal('existing');
  });
});

describe('<ehr-tip> callout', () => {
  beforeEach(() => localStorage.clear());

  it('renders inline in the flow as a note with controls, and is accessible open and closed', async () => {
    const { tip } = await mount(html`<section>
      <ehr-tip variant="callout" open heading="Medication reconciliation" tip-id="medrec.intro">Compare each home medication.</ehr-tip>
      <p id="after">after</p>
    </section>`);
    const panel = part(tip, 'panel');
    expect(panel.getAttribute('role')).to.equal('note');
    expect(panel.hasAttribute('popover')).to.equal(false);
    const after = tip.parentElement!.querySelector('#after')!;
    expect(after.getBoundingClientRect().top).to.be.greaterThanOrEqual(panel.getBoundingClientRect().bottom); // in the flow
    await settleAnimations(tip);
    await expect(tip).to.be.accessible();
    const dismissed = oneEvent(document, 'ehr-tip-dismiss');
    part(tip, 'dismiss-button').click();
    expect((await dismissed).detail).to.deep.equal({ tipId: 'medrec.intro', permanent: false });
    await tip.updateComplete;
    expect(panel.hidden).to.equal(true);
    await settleAnimations(tip);
    await expect(tip).to.be.accessible();
  });

  it('opens with show(), closes with hide() and with Escape inside it', async () => {
    const { tip } = await mount(html`<section><ehr-tip variant="callout" heading="Shortcuts">Use .smartphrases</ehr-tip></section>`);
    expect(part(tip, 'panel').hidden).to.equal(true);
    await tip.show();
    expect(part(tip, 'panel').hidden).to.equal(false);
    part(tip, 'close-button').focus();
    const hidden = oneEvent(document, 'ehr-tip-hide');
    await sendKeys({ press: 'Escape' });
    expect((await hidden).detail.reason).to.equal('escape');
    expect(part(tip, 'panel').hidden).to.equal(true);
  });
});

describe('<ehr-tip> anchoring', () => {
  it('finds its anchor inside open shadow roots, by plain selector and by >>>', async () => {
    class ChartWidget extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' }).innerHTML = '<div><button class="risk">Sepsis risk 0.82</button></div>';
      }
    }
    if (!customElements.get('test-chart-widget')) customElements.define('test-chart-widget', ChartWidget);
    const { page } = await mount(html`<div style="padding:40px">
      <test-chart-widget id="w"></test-chart-widget>
      <ehr-tip anchor=".risk" heading="Deep"></ehr-tip>
      <ehr-tip anchor=${"#w >>> .risk"} heading="Scoped"></ehr-tip>
    </div>`);
    const target = page.querySelector('test-chart-widget')!.shadowRoot!.querySelector('.risk')!;
    for (const tip of page.querySelectorAll('ehr-tip')) {
      await tip.show();
      const panel = part(tip, 'panel');
      expect(isOpenPopover(panel), tip.heading).to.equal(true);
      expect(panel.getBoundingClientRect().top).to.be.closeTo(target.getBoundingClientRect().bottom + 10, 2);
    }
  });

  it('accepts an element reference', async () => {
    const page = await fixture<HTMLElement>(html`<div style="padding:40px"><button>Target</button><ehr-tip heading="Ref"></ehr-tip></div>`);
    const tip = page.querySelector('ehr-tip')!;
    tip.anchorElement = page.querySelector('button')!;
    await tip.show();
    await frames(2);
    expect(part(tip, 'panel').getBoundingClientRect().top).to.be.closeTo(page.querySelector('button')!.getBoundingClientRect().bottom + 10, 2);
  });

  it('hides when its anchor leaves the DOM and comes back when it (or a new match) returns', async () => {
    const { page, tip, anchor } = await mount(html`<div style="padding:40px">
      <div id="slot"><button id="target">Orders</button></div>
      <ehr-tip anchor="#target" heading="Orders">Body</ehr-tip>
    </div>`);
    await tip.show();
    const panel = part(tip, 'panel');
    const beacon = part(tip, 'beacon');
    expect(isOpenPopover(panel)).to.equal(true);
    anchor.remove();
    await until(() => !isOpenPopover(panel) && !isOpenPopover(beacon), 'hidden after removal');
    expect(tip.open).to.equal(true); // still wanted, just nowhere to stand
    const fresh = document.createElement('button');
    fresh.id = 'target';
    fresh.textContent = 'Orders (re-rendered)';
    page.querySelector('#slot')!.append(fresh);
    await until(() => isOpenPopover(panel) && isOpenPopover(beacon), 'back after re-render');
    await frames(2);
    expect(panel.getBoundingClientRect().top).to.be.closeTo(fresh.getBoundingClientRect().bottom + 10, 2);
  });

  it('hides while its anchor is scrolled out of view and reappears when scrolled back', async () => {
    const { page, tip } = await mount(html`<div id="scroller" style="height:200px;overflow:auto;padding:20px">
      <button id="target">Results</button>
      <div style="height:2000px"></div>
      <ehr-tip anchor="#target" heading="Results">Body</ehr-tip>
    </div>`);
    await tip.show();
    const panel = part(tip, 'panel');
    expect(isOpenPopover(panel)).to.equal(true);
    const scroller = page as HTMLElement;
    scroller.scrollTop = 1000;
    await until(() => panel.classList.contains('offscreen'), 'hidden when scrolled away');
    expect(getComputedStyle(panel).visibility).to.equal('hidden');
    scroller.scrollTop = 0;
    await until(() => isOpenPopover(panel), 'visible when scrolled back');
  });

  it('follows its anchor when the page scrolls or the anchor moves', async () => {
    const { page, tip, anchor } = await mount(html`<div id="scroller" style="height:300px;overflow:auto;padding:20px">
      <div id="spacer" style="height:40px"></div>
      <button id="target">Results</button>
      <div style="height:2000px"></div>
      <ehr-tip anchor="#target" heading="Follow">Body</ehr-tip>
    </div>`);
    await tip.show();
    const panel = part(tip, 'panel');
    const gap = () => panel.getBoundingClientRect().top - anchor.getBoundingClientRect().bottom;
    expect(gap()).to.be.closeTo(10, 2);
    page.scrollTop = 30;
    await frames(3);
    expect(gap()).to.be.closeTo(10, 2);
    (page.querySelector('#spacer') as HTMLElement).style.height = '10px';
    await until(() => Math.abs(gap() - 10) < 2, 'follows a layout shift');
  });

  it('flips above the anchor when there is no room below', async () => {
    await setViewport({ width: 800, height: 600 });
    const { tip, anchor } = await mount(html`<div style="position:fixed;bottom:10px;left:100px">
      <button id="target">Sign</button>
      <ehr-tip anchor="#target" heading="Flip">A body that needs some room to be shown in full.</ehr-tip>
    </div>`);
    await tip.show();
    await frames(2);
    const panel = part(tip, 'panel');
    expect(panel.dataset.placement).to.equal('top');
    expect(panel.getBoundingClientRect().bottom).to.be.closeTo(anchor.getBoundingClientRect().top - 10, 2);
  });

  it('reports an invalid selector and a missing anchor as ehr-tip-error, without throwing', async () => {
    const errors = recordEvents(['ehr-problem']);
    await mount(html`<div><ehr-tip tip-id="bad" anchor="##nope" heading="Bad"></ehr-tip></div>`);
    expect(errors.events[0].detail).to.deep.equal({ element: 'ehr-tip', code: 'anchor-invalid', message: '"##nope" is not a valid CSS selector' });
    errors.stop();
  });
});

describe('<ehr-tip> body', () => {
  it('renders markdown safely: no markup from HTML, only allowed links, links open with noopener', async () => {
    const { tip } = await mount(html`<div>
      <ehr-tip
        variant="callout"
        open
        heading="Hostile"
        markdown=${'**Dose** <img src=x onerror="window.__pwned=1"> [safe](https://example.org) [bad](javascript:window.__pwned=1)\n\n<script>window.__pwned=1</script>'}
      ></ehr-tip>
    </div>`);
    const body = part(tip, 'body');
    await until(() => body.querySelector('strong') !== null, 'markdown compiled');
    expect(body.querySelector('img, script')).to.equal(null);
    expect(body.textContent).to.include('<img src=x onerror="window.__pwned=1">');
    expect(body.textContent).to.include('<script>window.__pwned=1</script>');
    const links = [...body.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org']);
    expect(links[0].rel).to.equal('noopener noreferrer');
    expect(body.textContent).to.include('bad');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    await settleAnimations(tip);
    await expect(tip).to.be.accessible();
  });

  it('renders precompiled content and reports invalid nodes with their paths', async () => {
    const errors = recordEvents(['ehr-problem']);
    const page = await fixture<HTMLElement>(html`<div><ehr-tip variant="callout" open heading="Compiled" tip-id="c1"></ehr-tip></div>`);
    const tip = page.querySelector('ehr-tip')!;
    tip.content = {
      format: 'ehr-md/1',
      blocks: [
        { t: 'p', c: [{ t: 'text', v: 'Fine ' }, { t: 'link', href: 'javascript:alert(1)', c: [{ t: 'text', v: 'evil' }] }] },
        { t: 'iframe' } as never,
      ],
    };
    await tip.updateComplete;
    const body = part(tip, 'body');
    expect(body.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Fine evil');
    expect(body.querySelector('a, iframe')).to.equal(null);
    expect(errors.events[0].detail.code).to.equal('content-invalid');
    expect(errors.events[0].detail.message).to.equal(
      'content.blocks[0].c[1].href: URL not allowed (only https, http, mailto or relative): "javascript:alert(1)"; content.blocks[1]: unknown block "iframe"',
    );
    errors.stop();
  });

  it('survives hostile nesting in precompiled content: renders what is sane and reports the rest', async () => {
    const errors = recordEvents(['ehr-problem']);
    const page = await fixture<HTMLElement>(html`<div><ehr-tip variant="callout" open heading="Deep" tip-id="deep"></ehr-tip></div>`);
    const tip = page.querySelector('ehr-tip')!;
    let inline: unknown = { t: 'text', v: 'bottom' };
    for (let i = 0; i < 5000; i++) inline = { t: 'em', c: [inline] };
    tip.content = { format: 'ehr-md/1', blocks: [{ t: 'p', c: [{ t: 'text', v: 'Top ' }, inline] }] } as never;
    await tip.updateComplete;
    expect(part(tip, 'body').textContent).to.include('Top');
    expect(part(tip, 'body').querySelectorAll('em').length).to.be.below(40);
    expect(errors.events[0].detail.message).to.match(/nested more than 32 levels deep/);
    errors.stop();
  });

  it('prefers slotted content over markdown', async () => {
    const { tip } = await mount(html`<div><ehr-tip variant="callout" open heading="Slot" markdown="**markdown**"><p>Slotted body</p></ehr-tip></div>`);
    await new Promise((r) => setTimeout(r, 100));
    expect(part(tip, 'body').querySelector('strong')).to.equal(null);
    const slot = part(tip, 'body').querySelector('slot')!;
    expect(slot.assignedElements()[0].textContent).to.equal('Slotted body');
  });

  it('renders a slotted heading', async () => {
    const { tip } = await mount(html`<div><ehr-tip variant="callout" open><span slot="heading">Slotted heading</span>Body</ehr-tip></div>`);
    const panel = part(tip, 'panel');
    expect(panel.getAttribute('aria-labelledby')).to.equal('heading');
    expect(part(tip, 'heading').hidden).to.equal(false);
    await settleAnimations(tip);
    await expect(tip).to.be.accessible();
  });
});

describe('<ehr-tip> theming and media', () => {
  it('takes its colours from --ehr-* custom properties and exposes parts', async () => {
    const { tip } = await mount(html`<div style="--ehr-tip-background: rgb(1, 2, 3); --ehr-tip-color: rgb(250, 250, 250); --ehr-color-accent: rgb(200, 0, 0)">
      <ehr-tip variant="callout" open heading="Themed">Body</ehr-tip>
    </div>`);
    const panel = part(tip, 'panel');
    expect(getComputedStyle(panel).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(panel).color).to.equal('rgb(250, 250, 250)');
    expect(getComputedStyle(part(tip, 'dismiss-button')).backgroundColor).to.equal('rgb(200, 0, 0)');
    for (const name of ['panel', 'header', 'heading', 'body', 'actions', 'dismiss-button', 'close-button']) part(tip, name);
  });

  it('stops the beacon pulse under prefers-reduced-motion', async () => {
    const { tip } = await mount(html`<div style="padding:40px"><button id="target">x</button><ehr-tip anchor="#target" heading="Motion"></ehr-tip></div>`);
    const dot = part(tip, 'beacon-dot');
    expect(getComputedStyle(dot, '::after').animationName).to.equal('ehr-pulse');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(getComputedStyle(dot, '::after').animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('uses system colours in forced-colors mode', async () => {
    const { tip } = await mount(html`<div style="--ehr-tip-border-color: rgb(1, 2, 3)"><ehr-tip variant="callout" open heading="Contrast">Body</ehr-tip></div>`);
    const panel = part(tip, 'panel');
    expect(getComputedStyle(panel).borderTopColor).to.equal('rgb(1, 2, 3)');
    await emulateForcedColors(true);
    try {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      expect(getComputedStyle(panel).borderTopColor).not.to.equal('rgb(1, 2, 3)');
    } finally {
      await emulateForcedColors(false);
    }
  });
});
