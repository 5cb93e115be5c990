// The React (18 and 19) and Vue examples, built as a vendor builds them (`ehr-guide` installed, resolved through
// its "exports"), mounted in headless Chromium: a property reaches the element, an event reaches the host's
// handler, and the host re-rendering keeps the element's state (an open tip stays open; a tour keeps its step).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { buildExamples } from '../../examples/build.mjs';
import { launch, openPage } from './browser.mjs';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };
let server;
let base;
let browser;

before(async () => {
  const out = await buildExamples();
  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(out, path.endsWith('/') ? `${path}index.html` : path));
      res.writeHead(200, { 'content-type': TYPES[extname(path) || '.html'] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

for (const [name, title] of [
  ['react19', /React 19\.\d+\.\d+ host/],
  ['react18', /React 18\.\d+\.\d+ host/],
  ['vue', /Vue host/],
]) {
  describe(`the ${name} example`, () => {
    it('passes properties, hears events, and keeps an open tip open and a tour on its step across host re-renders', async () => {
      const { page, context, problems } = await openPage(browser, `${base}/${name}/`);
      try {
        await page.waitForFunction(() => document.querySelector('ehr-tip')?.shadowRoot?.querySelector('.beacon'));
        assert.match(await page.textContent('h1'), title);
        // Properties, not attributes: the heading string and the tour object reach the elements as properties.
        assert.equal(await page.evaluate(() => document.querySelector('ehr-tip').heading), 'Check the dose (0)');
        assert.deepEqual(await page.evaluate(() => [document.querySelector('ehr-tour').tour?.title, document.querySelector('ehr-tour').hasAttribute('tour')]), [name === 'vue' ? 'Ordering in Vue' : 'Ordering in React', false]);

        // Open the tip with a real click on its beacon, then let the host re-render three times.
        await page.click('ehr-tip >> .beacon');
        await page.waitForFunction(() => document.querySelector('ehr-tip').open && document.querySelector('ehr-tip').shadowRoot.querySelector('.panel').matches(':popover-open'));
        for (let i = 0; i < 3; i++) await page.evaluate(() => window.refresh());
        await page.waitForFunction(() => document.querySelector('#renders').textContent === '3');
        await page.waitForFunction(() => document.querySelector('ehr-tip').heading === 'Check the dose (3)');
        assert.equal(await page.evaluate(() => document.querySelector('ehr-tip').open), true, 'the tip is still open after the host re-rendered');
        assert.equal(await page.evaluate(() => document.querySelector('ehr-tip').shadowRoot.querySelector('.panel').matches(':popover-open')), true);
        assert.match(await page.evaluate(() => document.querySelector('ehr-tip').shadowRoot.querySelector('.heading').textContent), /Check the dose \(3\)/);

        // The element's event reaches the host's handler, with its detail.
        await page.click('ehr-tip >> button[part="dismiss-button"]');
        await page.waitForFunction(() => document.querySelector('#events').textContent.startsWith('dismissed react-tip permanent=false') || document.querySelector('#events').textContent.startsWith('dismissed vue-tip permanent=false'));

        // A tour keeps its step while the host re-renders.
        await page.click('#start-tour');
        await page.waitForFunction(() => document.querySelector('#events').textContent.endsWith('step 1 of 2'));
        await page.click('ehr-tour >> button[part="next-button"]');
        await page.waitForFunction(() => document.querySelector('#events').textContent.endsWith('step 2 of 2'));
        for (let i = 0; i < 3; i++) await page.evaluate(() => window.refresh());
        await page.waitForFunction(() => document.querySelector('#renders').textContent === '6');
        assert.deepEqual(await page.evaluate(() => [document.querySelector('ehr-tour').open, document.querySelector('ehr-tour').index]), [true, 1]);
        assert.match(await page.textContent('ehr-tour >> [part="heading"]'), /Sign/);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  });
}
