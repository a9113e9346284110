// Runs every test file in each engine named by JUZI_ENGINES (set by scripts/test.mjs):
// Chromium always, Firefox ESR and WebKitGTK when installed.
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import * as puppeteerCore from 'puppeteer-core';
import { chromiumArgs, systemChromium, firefoxPath, miniBrowserPath } from './scripts/engines.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { defaultReporter } from '@web/test-runner';
import { tsImport } from 'tsx/esm/api';
import { build } from 'esbuild';
import { microAppEntries } from './test/fixtures/mfe/serve-entries.mjs';

// The local region stand-in (the same one `npm start` serves), so browser tests run the real sign-in against /region.
const { regionServerKoaMiddleware } = await tsImport('./src/dev/region-server.ts', import.meta.url);

const engines = (process.env.JUZI_ENGINES ?? 'chromium').split(',');

async function chromium() {
  const system = systemChromium();
  if (system) {
    return chromeLauncher({
      launchOptions: { executablePath: system, headless: true, args: ['--headless=new', ...chromiumArgs] },
    });
  }
  // No browser on the machine: use the Chromium that ships inside an npm package.
  const { default: sparticuz } = await import('@sparticuz/chromium');
  return chromeLauncher({
    launchOptions: {
      executablePath: await sparticuz.executablePath(),
      headless: 'shell',
      args: [...chromiumArgs, '--no-zygote', '--use-gl=angle', '--use-angle=swiftshader'],
    },
  });
}

const browsers = [];
for (const engine of engines) {
  if (engine === 'chromium') browsers.push(await chromium());
  if (engine === 'firefox') {
    browsers.push(
      chromeLauncher({
        puppeteer: puppeteerCore,
        launchOptions: { browser: 'firefox', executablePath: firefoxPath(), headless: true },
      }),
    );
  }
  if (engine === 'webkit') {
    browsers.push(
      webdriverLauncher({
        automationProtocol: 'webdriver',
        hostname: '127.0.0.1',
        port: Number(process.env.WEBKIT_WEBDRIVER_PORT ?? 4444),
        path: '/',
        capabilities: {
          browserName: 'MiniBrowser',
          'wdio:enforceWebDriverClassic': true,
          'webkitgtk:browserOptions': { binary: miniBrowserPath, args: ['--automation'] },
        },
      }),
    );
  }
}

const coverage = process.env.JUZI_COVERAGE === '1';

/**
 * `test/…/<name>.bundle.js` is `<name>.tsx` bundled with its npm imports by esbuild:
 * React ships CommonJS only, which the dev server cannot serve as modules.
 */
const bundles = {
  name: 'juzi-test-bundles',
  async serve(context) {
    if (!context.path.endsWith('.bundle.js')) return undefined;
    const { outputFiles } = await build({
      entryPoints: [`.${context.path.replace(/\.bundle\.js$/, '.tsx')}`],
      bundle: true,
      format: 'esm',
      write: false,
      target: 'es2022',
      tsconfig: './tsconfig.json',
      define: { 'process.env.NODE_ENV': '"development"' },
    });
    return { body: outputFiles[0].text, type: 'js' };
  },
};

export default {
  // test/node/ holds node:test suites (npm run test:node), not browser tests.
  files: process.env.JUZI_FILES ? process.env.JUZI_FILES.split(',') : ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: true,
  middleware: [regionServerKoaMiddleware('/region'), microAppEntries()],
  browsers,
  // WebKitWebDriver drives one session at a time.
  concurrency: engines.includes('webkit') ? 1 : 2,
  concurrentBrowsers: 1,
  // Under npm run mutation a file stops at its first failure: a killed mutant need not wait out every test's timeout.
  testFramework: { config: { timeout: 10000, bail: Boolean(process.env.__STRYKER_ACTIVE_MUTANT__) } },
  // Stryker's workers run at once: each takes a port of its own (two runs finding port 8000 free at
  // the same moment would fail one, and a mutant would count as killed by that failure).
  ...(process.env.STRYKER_MUTATOR_WORKER && { port: 8100 + Number(process.env.STRYKER_MUTATOR_WORKER) }),
  testsFinishTimeout: 10 * 60 * 1000,
  browserStartTimeout: 120000,
  plugins: [bundles, esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  coverage,
  coverageConfig: {
    include: ['src/bridge/**/*.ts'],
    report: true,
    reportDir: 'coverage',
    reporters: ['text-summary', 'lcov'],
    threshold: { statements: 0, branches: 0, functions: 0, lines: 95 },
  },
  reporters: [defaultReporter(), summaryReporter()],
  // npm run mutation: Stryker names the active mutant in an environment variable the page
  // cannot read; hand it to the page before any module loads.
  ...(process.env.__STRYKER_ACTIVE_MUTANT__ && {
    testRunnerHtml: (testFramework) =>
      `<!doctype html><html><body><script>globalThis.__stryker__ = { activeMutant: ${JSON.stringify(
        process.env.__STRYKER_ACTIVE_MUTANT__,
      )} };</script><script type="module" src="${testFramework}"></script></body></html>`,
  }),
};
