import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ContextProvider } from '@lit/context';
import { guideContext } from '../../src/controllers/guide-context.js';
import { PopupController } from '../../src/components/popup/popup-controller.js';
import { GuideController } from '../../src/controllers/guide-controller.js';
import { ItemController, itemOfKind } from '../../src/controllers/item-controller.js';
import { MarkdownBodyController } from '../../src/components/shared/markdown-body-controller.js';
import type { EvaluationResult, GuideApi } from '../../src/core/engine/guide-api.js';
import type { LoadedItem } from '../../src/core/packs/load-pack.js';
import { until } from '../helpers.js';

/** A guide the test drives by hand: items appear when it says, packs settle when it says. */
function fakeGuide() {
  const items = new Map<string, LoadedItem>();
  const listeners = new Set<(r: EvaluationResult) => void>();
  let settle!: () => void;
  const ready = new Promise<void>((resolve) => (settle = resolve));
  const guide = {
    ready,
    item: (id: string) => items.get(id),
    subscribe: (listener: (r: EvaluationResult) => void) => (listeners.add(listener), () => listeners.delete(listener)),
  } as unknown as GuideApi;
  const publish = () => listeners.forEach((l) => l({ decisions: [], changed: [], context: {} as never }));
  return { guide, items, listeners, settle, publish };
}

const lesson = (id: string) => ({ kind: 'lesson', id, version: '1.0.0', title: id }) as unknown as LoadedItem;

class ProvidesGuide extends LitElement {
  provider = new ContextProvider(this, { context: guideContext });
  override render() {
    return html`<slot></slot>`;
  }
}
customElements.define('test-provides-guide', ProvidesGuide);

class NeedsItem extends LitElement {
  guide = new GuideController(this);
  changes: Array<string | undefined> = [];
  missing: string[] = [];
  item = new ItemController<LoadedItem>(this, this.guide, {
    lookup: itemOfKind('lesson'),
    onChange: (value) => this.changes.push(value?.id),
    onMissing: (code, message) => this.missing.push(`${code}: ${message}`),
  });
}
customElements.define('test-needs-item', NeedsItem);

describe('GuideController and ItemController', () => {
  it('find by id, wait for the packs, report once when missing, follow a pack added later, stop listening when disconnected', async () => {
    const fake = fakeGuide();
    const page = await fixture<ProvidesGuide>(html`<test-provides-guide><test-needs-item></test-needs-item></test-provides-guide>`);
    page.provider.setValue(fake.guide);
    const el = page.querySelector('test-needs-item') as NeedsItem;
    await until(() => el.guide.guide === fake.guide, 'the guide reaches the element');
    el.item.id = 'lesson.a';
    expect(el.item.status).to.equal('waiting'); // packs still loading: no verdict yet
    fake.settle();
    await until(() => el.item.status === 'missing', 'missing once the packs settled');
    expect(el.missing).to.deep.equal(['item-not-found: no lesson "lesson.a" is in the loaded packs']);
    fake.publish(); // another evaluation: not reported again
    await new Promise((r) => setTimeout(r, 0));
    expect(el.missing).to.have.length(1);
    // A pack added later brings it: the next evaluation finds it.
    fake.items.set('lesson.a', lesson('lesson.a'));
    fake.publish();
    expect(el.item.status).to.equal('found');
    expect(el.changes).to.deep.equal(['lesson.a']);
    // The wrong kind is named as such.
    fake.items.set('tip.b', { ...lesson('tip.b'), kind: 'tip' } as LoadedItem);
    el.item.id = 'tip.b';
    await until(() => el.missing.length === 2, 'wrong kind reported');
    expect(el.missing[1]).to.equal('item-wrong-kind: "tip.b" is a tip, not a lesson');
    // Disconnected: it no longer listens to the guide.
    expect(fake.listeners.size).to.equal(1);
    el.remove();
    expect(fake.listeners.size).to.equal(0);
  });
});

class Floats extends LitElement {
  escapes = 0;
  popup = new PopupController(this, { onEscape: () => this.escapes++, onOutsidePointer: () => undefined });
}
customElements.define('test-floats', Floats);

describe('PopupController', () => {
  it('listens on the page only while open', async () => {
    const added: string[] = [];
    const removed: string[] = [];
    const add = document.addEventListener;
    const remove = document.removeEventListener;
    document.addEventListener = function (this: Document, type: string, ...rest: unknown[]) {
      added.push(type);
      return (add as (...a: unknown[]) => void).call(this, type, ...rest);
    } as typeof document.addEventListener;
    document.removeEventListener = function (this: Document, type: string, ...rest: unknown[]) {
      removed.push(type);
      return (remove as (...a: unknown[]) => void).call(this, type, ...rest);
    } as typeof document.removeEventListener;
    try {
      const el = await fixture<Floats>(html`<test-floats></test-floats>`);
      expect(added.filter((t) => t === 'keydown' || t === 'pointerdown')).to.deep.equal([]);
      el.popup.setOpen(true);
      expect(added.filter((t) => t === 'keydown' || t === 'pointerdown')).to.deep.equal(['keydown', 'pointerdown']);
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
      expect(el.escapes).to.equal(1);
      el.popup.setOpen(false);
      expect(removed.filter((t) => t === 'keydown' || t === 'pointerdown')).to.deep.equal(['keydown', 'pointerdown']);
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
      expect(el.escapes).to.equal(1);
      el.popup.setOpen(true);
      el.remove(); // disconnected while open: listeners go too
      expect(removed.filter((t) => t === 'keydown').length).to.equal(2);
    } finally {
      document.addEventListener = add;
      document.removeEventListener = remove;
    }
  });
});

class HasBody extends LitElement {
  problems: string[] = [];
  body = new MarkdownBodyController(this, (code, message) => this.problems.push(`${code}: ${message}`));
  override render() {
    return html`<div>${this.body.render()}</div>`;
  }
}
customElements.define('test-has-body', HasBody);

describe('MarkdownBodyController', () => {
  it('compiles markdown, checks compiled trees, and reports what it cannot show', async () => {
    const el = await fixture<HasBody>(html`<test-has-body></test-has-body>`);
    await el.body.set('Check **dose**.');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('strong')!.textContent).to.equal('dose');
    await el.body.set({ format: 'ehr-md/1', blocks: [{ t: 'video' }] }, 'steps[1].body');
    await el.updateComplete;
    expect(el.problems).to.deep.equal(['content-invalid: steps[1].body.blocks[0]: unknown block "video"']);
    await el.body.set(undefined);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('div')!.textContent).to.equal('');
  });
});
