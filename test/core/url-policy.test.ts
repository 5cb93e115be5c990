import { expect } from '@open-wc/testing';
import { safeUrl } from '../../src/core/url-policy.js';

describe('safeUrl', () => {
  it('keeps https, http, mailto and relative URLs', () => {
    for (const url of ['https://example.org/a?b#c', 'HTTP://EXAMPLE.ORG', 'mailto:help@example.org', '/help/orders', 'orders.html', '#step-2', '?q=1']) {
      expect(safeUrl(url), url).to.equal(url);
    }
  });

  it('refuses script-capable and other schemes, including obfuscated spellings', () => {
    const hostile = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0000javascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'blob:https://example.org/x',
      '\\\\evil.example/share',
    ];
    for (const url of hostile) expect(safeUrl(url), JSON.stringify(url)).to.equal(undefined);
  });

  it('refuses empty and non-string input', () => {
    expect(safeUrl('')).to.equal(undefined);
    expect(safeUrl('   ')).to.equal(undefined);
    expect(safeUrl(null)).to.equal(undefined);
    expect(safeUrl(undefined)).to.equal(undefined);
    expect(safeUrl(42 as unknown as string)).to.equal(undefined);
  });
});
