// Finds the browser engines this machine can run the tests in. Shared by the test
// runner config and scripts/test.mjs so both agree on what "installed" means.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/**
 * Chromium flags for tests and the benchmark: no sandbox as root, no network chatter
 * (this machine has no network), and no throttling of a tab the browser thinks hidden.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

const which = (cmd) => {
  try {
    return execFileSync('which', [cmd], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
};

/** A system Chromium or Chrome, or undefined (then the npm-shipped one is used). */
export function systemChromium() {
  if (process.env.JUZI_NPM_CHROMIUM === '1') return undefined;
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const path = which(name);
    if (path) return path;
  }
  return undefined;
}

export function firefoxPath() {
  if (process.env.FIREFOX_PATH) return process.env.FIREFOX_PATH;
  return which('firefox-esr') ?? which('firefox');
}

export const miniBrowserPath =
  process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

export function webkitDriver() {
  const driver = which('WebKitWebDriver');
  const xvfb = which('xvfb-run');
  if (!driver || !existsSync(miniBrowserPath)) return undefined;
  return { driver, xvfb };
}
