#!/usr/bin/env node
// `npm run mutation`: mutation score of src/bridge against the bridge tests, in Chromium.
// Stryker's CLI refuses Node 20, so this drives its JavaScript API. The command runner runs
// web-test-runner directly (not npm test, which would rebuild dist/ for every mutant, since
// mutated sources are newer than it); web-test-runner.config.mjs hands the active mutant to
// the page. A full run is about 2 h on 2 cores.
//   --mutate <glob[:lines],…>  what to mutate (default src/bridge/**/*.ts), e.g. src/bridge/host.ts:60-150,src/bridge/errors.ts
//   --files <glob>            the tests to run per mutant (default test/bridge/*.test.ts)
//   --concurrency <n>         mutants tested at once (default 1). The bridge suite mostly waits on
//                             timers, so 3 fit on 2 cores; each run picks its own port.
//   --dry-run                 only count the mutants and run the tests once
// The package entry also loads Stryker's CLI, which throws on Node 20 as it loads: take the API module beside it.
const { Stryker } = await import(new URL('stryker.js', import.meta.resolve('@stryker-mutator/core')).href);

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};

process.env.JUZI_ENGINES = 'chromium';
process.env.JUZI_FILES = option('--files', 'test/bridge/*.test.ts');

const stryker = new Stryker({
  testRunner: 'command',
  commandRunner: { command: 'node node_modules/@web/test-runner/dist/bin.js --config web-test-runner.config.mjs' },
  mutate: option('--mutate', 'src/bridge/**/*.ts').split(','),
  mutator: { excludedMutations: ['StringLiteral'] },
  ignorePatterns: ['dist', 'coverage', 'reports', 'bench/results.json', '.stryker-tmp'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: Number(option('--concurrency', '1')),
  timeoutMS: 60000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  dryRunOnly: args.includes('--dry-run'),
});

const results = await stryker.runMutationTest();
if (args.includes('--dry-run')) process.exit(0);
const count = (...statuses) => results.filter((m) => statuses.includes(m.status)).length;
const killed = count('Killed', 'Timeout');
const survived = count('Survived', 'NoCoverage');
const score = killed + survived ? ((100 * killed) / (killed + survived)).toFixed(1) : 'n/a';
console.log(`mutation score ${score} % (${killed} killed or timed out, ${survived} survived, ${results.length} mutants)`);
