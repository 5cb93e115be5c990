// Makes a fresh checkout runnable: installs npm packages when node_modules is missing or older than the
// lockfile, and finds (or installs) Chromium. Uses only Node built-ins, so it runs before anything is installed.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { ensureChromium } from './lib/chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function ensureDependencies() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000);
  if (!stale) return;
  console.log('ehr-guide: installing npm packages (npm install)…');
  // `npm ci` rejects lockfiles written against this registry (no other-platform rollup binaries), so install.
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('ehr-guide: npm install failed (see above).');
}

export function ensureAll() {
  ensureDependencies();
  const chromium = ensureChromium();
  process.env.CHROME_PATH = chromium;
  return chromium;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const chromium = ensureAll();
    console.log(`ehr-guide: dependencies ready; Chromium at ${chromium}`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
