import { expect } from '@open-wc/testing';
import { defineElement } from '../../src/define/define-element.js';
import { EhrTip } from '../../src/components/tip/tip.js';

describe('defineElement', () => {
  it('registers once; running the registration again (a duplicated define module) changes nothing and says nothing', async () => {
    await import('../../src/define/ehr-tip.js');
    expect(customElements.get('ehr-tip')).to.equal(EhrTip);
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      // What a second evaluation of src/define/ehr-tip.ts does (a bundler duplicating the module): the same call.
      expect(() => defineElement('ehr-tip', EhrTip)).not.to.throw();
    } finally {
      console.warn = original;
    }
    expect(warnings).to.deep.equal([]);
    expect(customElements.get('ehr-tip')).to.equal(EhrTip);
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
