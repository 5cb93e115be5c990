import { expect } from '@open-wc/testing';

// Alone in its file: the module under test must load here for the first time, after Intl.NumberFormat is watched.
describe('number formats warmed at idle', () => {
  it('builds the page language\'s number format while the page is idle once the elements that show numbers load', async () => {
    const built: string[] = [];
    const Original = Intl.NumberFormat;
    const Watched = new Proxy(Original, {
      construct(target, args: [string?, Intl.NumberFormatOptions?]) {
        built.push(String(args[0]));
        return new target(...args);
      },
    });
    Object.defineProperty(Intl, 'NumberFormat', { value: Watched, configurable: true, writable: true });
    try {
      document.documentElement.lang = 'fr-CA';
      await import('../../src/controllers/words.js');
      expect(built, 'nothing built while the module loads').to.deep.equal([]);
      await new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 0), { timeout: 3000 }));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(built).to.include('fr-CA');
    } finally {
      Object.defineProperty(Intl, 'NumberFormat', { value: Original, configurable: true, writable: true });
      document.documentElement.removeAttribute('lang');
    }
  });
});
