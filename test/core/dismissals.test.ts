import { expect } from '@open-wc/testing';
import { createDismissalStore, type KeyValueStorage } from '../../src/core/dismissals.js';
import { browserDismissalStore } from '../../src/platform/web-storage.js';

describe('createDismissalStore', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  it('in the browser, remembers dismissals in localStorage, so they survive a reload', () => {
    browserDismissalStore().dismiss('orders.first-order');
    expect(browserDismissalStore().isDismissed('orders.first-order')).to.equal(true);
    expect(Object.keys(localStorage)).to.deep.equal(['ehr-guide:dismissed:orders.first-order']);
    browserDismissalStore().restore('orders.first-order');
    expect(browserDismissalStore().isDismissed('orders.first-order')).to.equal(false);
  });

  it('stores the tip id and a date only', () => {
    browserDismissalStore().dismiss('t1');
    expect(localStorage.getItem('ehr-guide:dismissed:t1')).to.match(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('in the core, keeps them in the storage it is given (memory when none)', () => {
    const store = createDismissalStore();
    store.dismiss('t2');
    expect(store.isDismissed('t2')).to.equal(true);
    expect(localStorage.getItem('ehr-guide:dismissed:t2')).to.equal(null);
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
