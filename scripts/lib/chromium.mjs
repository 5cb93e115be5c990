// Finds the Chromium the tests, benchmarks and demo drive: CHROME_PATH, then Debian's /usr/bin/chromium.
// npm tools cannot download browsers on our machines, so on Debian as root we install the distribution's package;
// anywhere else we stop with a message that says what to install.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there. Point it at a Chromium or Chrome binary, or unset it.`);
  }
  return CANDIDATES.find((path) => existsSync(path));
}

export function ensureChromium({ log = console.log } = {}) {
  const found = findChromium();
  if (found) return found;
  const isDebian = existsSync('/etc/debian_version');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isDebian && isRoot) {
    log('ehr-guide: Chromium is missing; installing Debian\'s "chromium" package (about 30 s)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env }) : update;
    const installed = findChromium();
    if (install.status === 0 && installed) return installed;
    throw new Error('ehr-guide: installing Chromium with apt-get failed (see above). Install it by hand: apt-get install chromium, or set CHROME_PATH.');
  }
  throw new Error(
    'ehr-guide: no Chromium found. Install one and run again:\n' +
      (isDebian ? '  sudo apt-get install chromium\n' : '  Debian/Ubuntu: sudo apt-get install chromium   macOS: brew install --cask chromium\n') +
      'or set CHROME_PATH to a Chromium or Chrome binary.',
  );
}
