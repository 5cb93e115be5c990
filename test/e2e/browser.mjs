// Shared end-to-end helpers: Debian's Chromium driven by playwright-core (no browser download), with every
// console error, page error and CSP violation recorded so a test can assert there were none.
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startDemoServer } from '../../demo/server.mjs';
import { ensureChromium, CHROMIUM_ARGS } from '../../scripts/lib/chromium.mjs';

export async function launch() {
  return chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
}

export async function openPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || e.sample}`));
  });
  await page.goto(url);
  return { page, context, problems };
}

/** Starts the demo server (with its sandbox) and Chromium for a test file; both stop after it. */
export function useDemo() {
  const state = { server: undefined, browser: undefined };
  before(async () => {
    state.server = await startDemoServer({ port: 0 });
    state.browser = await launch();
  });
  after(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  return state;
}
