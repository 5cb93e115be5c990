import { expect } from '@open-wc/testing';
import { createDismissalStore, type KeyValueStorage } from '../../src/core/dismissals.js';

describe('createDismissalStore', () => {
  afterEach(() => localStorage.clear());

  it('remembers dismissals in localStorage by default, so they survive a reload', () => {
    createDismissalStore().dismiss('orders.first-order');
    expect(createDismissalStore().isDismissed('orders.first-order')).to.equal(true);
    expect(Object.keys(localStorage)).to.deep.equal(['ehr-guide:dismissed:orders.first-order']);
    createDismissalStore().restore('orders.first-order');
    expect(createDismissalStore().isDismissed('orders.first-order')).to.equal(false);
  });

  it('stores the tip id and a date only', () => {
    createDismissalStore().dismiss('t1');
    expect(localStorage.getItem('ehr-guide:dismissed:t1')).to.match(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('keeps working in memory when storage throws (private mode, quota, sandboxed frame)', () => {
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    const store = createDismissalStore(broken);
    expect(store.isDismissed('a')).to.equal(false);
    store.dismiss('a');
    expect(store.isDismissed('a')).to.equal(true);
    store.restore('a');
    expect(store.isDismissed('a')).to.equal(false);
  });
});
