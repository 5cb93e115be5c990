// Shared end-to-end helpers: Debian's Chromium driven by playwright-core (no browser download), with every
// console error, page error and CSP violation recorded so a test can assert there were none.
import { chromium } from 'playwright-core';
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
