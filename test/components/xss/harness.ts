import { expect } from '@open-wc/testing';
import { DEEP_VECTORS, textPayloads } from '../../fixtures/xss/vectors.js';
import { findUnsafe, installSentinel, type Sentinel } from './inspect.js';

/**
 * The hooks every hostile-content suite shares, registered on the calling `describe`: the corpus loaded once,
 * the sentinel installed around each test, and after each test no unsafe DOM reported, nothing run, nothing
 * escaped. `check(el)` inspects an element's tree; `report(lines)` adds problems found another way.
 */
export function useHostileChecks(): { readonly payloads: string[]; readonly found: number; check(el: Element): void; report(lines: string[]): void } {
  let sentinel: Sentinel;
  let payloads: string[] = [];
  let problems: string[] = [];
  before(async () => {
    payloads = [...(await textPayloads()), ...DEEP_VECTORS];
  });
  beforeEach(() => {
    sentinel = installSentinel();
    problems = [];
  });
  afterEach(async () => {
    await new Promise((r) => setTimeout(r, 100)); // let any image error or handler fire
    sentinel.restore();
    expect(problems.join('\n')).to.equal('');
    expect(sentinel.hits).to.deep.equal([]);
    expect(sentinel.uncaught).to.deep.equal([]);
  });
  return {
    get payloads() {
      return payloads;
    },
    /** Problems found so far in this test. */
    get found() {
      return problems.length;
    },
    check: (el) => void problems.push(...findUnsafe(el)),
    report: (lines) => void problems.push(...lines),
  };
}
