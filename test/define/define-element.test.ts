import { expect } from '@open-wc/testing';
import { defineElement } from '../../src/define/define-element.js';
import { EhrTip } from '../../src/components/tip/tip.js';

describe('defineElement', () => {
  it('registers once and ignores a repeated import of the same define module', async () => {
    await import('../../src/define/ehr-tip.js');
    await import('../../src/define/ehr-tip.js?again' as string).catch(() => import('../../src/define/ehr-tip.js'));
    expect(customElements.get('ehr-tip')).to.equal(EhrTip);
    expect(() => defineElement('ehr-tip', EhrTip)).not.to.throw();
  });

  it('keeps the first definition and warns, without throwing, when another version claims the tag', () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      class OtherTip extends HTMLElement {
        static version = '9.9.9';
      }
      expect(() => defineElement('ehr-tip', OtherTip)).not.to.throw();
      expect(customElements.get('ehr-tip')).to.equal(EhrTip);
      expect(warnings[0]).to.match(/<ehr-tip> is already defined by another copy \(version 0\.1\.0\); this copy \(version 9\.9\.9\) is not registered/);
    } finally {
      console.warn = original;
    }
  });

  it('reports, without throwing, a constructor already registered under another tag', () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      class Once extends HTMLElement {}
      defineElement('ehr-test-once', Once);
      expect(() => defineElement('ehr-test-twice', Once)).not.to.throw();
      expect(customElements.get('ehr-test-twice')).to.equal(undefined);
      expect(warnings[0]).to.match(/<ehr-test-twice> could not be registered/);
    } finally {
      console.warn = original;
    }
  });
});
