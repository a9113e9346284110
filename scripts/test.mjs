#!/usr/bin/env node
// `npm test`: runs the browser tests in every engine installed here (Chromium always,
// Firefox ESR and WebKitGTK when present) and ends with `N passed, N failed`.
//   --coverage           Chromium only, with the src/bridge line-coverage gate
//   --engines=a,b        only these engines (chromium, firefox, webkit)
//   anything else        passed to web-test-runner (e.g. --files test/bridge/*.test.ts)
// With CI=true an engine that is not installed is a failure, not a skip.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firefoxPath, webkitDriver } from './engines.mjs';
import { ensureBuild } from './ensure-build.mjs';

const args = process.argv.slice(2);
const coverage = args.includes('--coverage');
const picked = args.find((a) => a.startsWith('--engines='))?.slice('--engines='.length).split(',');
const passThrough = args.filter((a) => a !== '--coverage' && !a.startsWith('--engines='));
const ci = process.env.CI === 'true' || process.env.CI === '1';

const wanted = coverage ? ['chromium'] : (picked ?? ['chromium', 'firefox', 'webkit']);
const installed = {
  chromium: true, // a system browser, else the one shipped in @sparticuz/chromium
  firefox: Boolean(firefoxPath()),
  webkit: Boolean(webkitDriver() && (webkitDriver().xvfb || process.env.DISPLAY)),
};
const missing = wanted.filter((e) => !installed[e]);
const engines = wanted.filter((e) => installed[e]);
if (missing.length) {
  const hint = 'install them with: apt-get install -y chromium firefox-esr webkit2gtk-driver xvfb xauth';
  if (ci) {
    console.error(`Missing browser engine(s): ${missing.join(', ')} (CI=true makes this a failure); ${hint}`);
    process.exit(1);
  }
  console.warn(`Skipping engine(s) not installed: ${missing.join(', ')}; ${hint}`);
}
console.log(`Engines: ${engines.join(', ')}${coverage ? ' (coverage)' : ''}`);
// Some tests load the built bundles from dist/.
ensureBuild();

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts WebKitWebDriver (under Xvfb when there is no display) and waits until it answers. */
async function startWebKitDriver() {
  const { driver, xvfb } = webkitDriver();
  const port = await freePort();
  const command = xvfb && !process.env.DISPLAY ? [xvfb, '-a', driver] : [driver];
  const child = spawn(command[0], [...command.slice(1), `--port=${port}`, '--host=127.0.0.1'], {
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 100; i += 1) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return { port, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('WebKitWebDriver did not start');
}

let webkit;
const summaryDir = mkdtempSync(join(tmpdir(), 'juzi-test-'));
const summaryFile = join(summaryDir, 'summary.json');
const env = {
  ...process.env,
  JUZI_ENGINES: engines.join(','),
  JUZI_COVERAGE: coverage ? '1' : '0',
  JUZI_SUMMARY_FILE: summaryFile,
};
if (engines.includes('webkit')) {
  webkit = await startWebKitDriver();
  env.WEBKIT_WEBDRIVER_PORT = String(webkit.port);
}

const stopWebKit = () => {
  if (webkit) {
    try {
      process.kill(-webkit.child.pid, 'SIGTERM'); // the whole group: xvfb-run, Xvfb, driver
    } catch {
      // already gone
    }
  }
};

const wtr = spawn(
  process.execPath,
  ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs', ...passThrough],
  { stdio: 'inherit', env },
);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    wtr.kill(signal);
    stopWebKit();
    process.exit(1);
  });
}
wtr.on('exit', (code) => {
  stopWebKit();
  let totals;
  try {
    totals = JSON.parse(readFileSync(summaryFile, 'utf8'));
  } catch {
    totals = { passed: 0, failed: 1, skipped: 0, engines: [] }; // the runner died before reporting
  }
  rmSync(summaryDir, { recursive: true, force: true });
  const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
  console.log(`\nRan in: ${totals.engines.join(', ') || 'no engine'}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
  process.exit(code ?? 1);
});
