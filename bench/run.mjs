/**
 * `npm run bench`: how fast and small juzi-elements is, measured on the built
 * bundles in headless Chromium. Every figure is a ratio against a baseline
 * measured in the same run (interleaved, medians after a warm-up), so it holds on
 * a noisy machine. Prints a Markdown table, writes bench/results.json (with the
 * raw samples), exits 1 when a goal is missed and 2 when there is nothing built.
 * Needs `npm run build` first. Cases: see bench/README.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { BUDGET, DIST, ROOT, measureSizes } from './size.mjs';
import { chromiumArgs, systemChromium } from '../scripts/engines.mjs';

const PLAN = {
  /** Cases 1 and 4: fresh pages × (unrecorded warm-up pairs + recorded pairs). */
  render: { pages: 4, warmup: 1, pairs: 6, elements: 1000 },
  hostCalls: { elements: [1, 10, 100, 1000] },
  overhead: { pages: 3, warmup: 2, pairs: 7, calls: 10000 },
  /** Case 5: one warm-up batch, then `rounds` × `total` elements, `batch` connected at a time. */
  memory: { rounds: 5, total: 10000, batch: 1000 },
  /** Case 7: fresh pages × rounds (the first of each page unrecorded); each round runs both sides, order alternating. */
  quickReplies: { pages: 2, rounds: 5, count: 10000, small: 100 },
};

const GOALS = {
  renderRatio: 1.2,
  hostCalls: 1,
  overheadUs: 5,
  /** Not in the issue: a switch only re-renders text, so it should cost no more than a first render. */
  switchRatio: 1,
  heapGrowthBytes: 1024 * 1024,
  subscribers: 0,
  qrKeystrokeRatio: 1.5,
  qrFirstRenderRatio: 2,
  qrRows: 200,
};

const CHROMIUM_ARGS = ['--headless=new', ...chromiumArgs, '--js-flags=--expose-gc'];

const DEV_BUNDLES = ['juzi-elements-dev.js', 'dev.js'];
const out = (line = '') => process.stdout.write(`${line}\n`);
const fail = (message) => {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
};

/** The bench measures production code: the built single-file bundle, with lit inside. */
function findBundles() {
  const main = join(DIST, 'juzi-elements.js');
  if (!existsSync(main)) fail('dist/juzi-elements.js not found: run `npm run build` first.');
  const bare = readFileSync(main, 'utf8').match(/\b(?:from|import)\s*["']((?![./])[^"']+)["']/);
  if (bare) fail(`dist/juzi-elements.js imports "${bare[1]}": the bench needs the bundle with lit inside (npm run build).`);
  const dev = DEV_BUNDLES.find((name) => existsSync(join(DIST, name)));
  if (!dev) fail(`no simulated-host bundle (${DEV_BUNDLES.join(' or ')}) in dist/: run \`npm run build\` first.`);
  return { dev };
}

/** The baseline's Lit: the same lit package, bundled and minified on its own (production build). */
async function buildBaselineLit() {
  const { outputFiles } = await build({
    stdin: { contents: "export * from 'lit';", resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return outputFiles[0].contents;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json' };

/** Serves /dist/* and /pages/* from disk and /lit.js from memory, on 127.0.0.1 only. */
function serve(litCode) {
  const roots = { '/dist/': DIST, '/pages/': join(ROOT, 'bench/pages') };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (status, body, type = 'text/plain') => {
      res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (path === '/lit.js') return send(200, litCode, TYPES['.js']);
    const prefix = Object.keys(roots).find((p) => path.startsWith(p));
    const file = prefix && resolve(roots[prefix], `.${path.slice(prefix.length - 1)}`);
    if (!file || !file.startsWith(roots[prefix] + sep) || !existsSync(file)) return send(404, 'not found');
    send(200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
  });
  return new Promise((ready) => server.listen(0, '127.0.0.1', () => ready(server)));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** The ratio of each interleaved pair, then their median: drift in machine load cancels within a pair. */
const pairedRatio = (subject, baseline) => median(subject.map((s, i) => s / baseline[i]));
const ms = (n) => `${n.toFixed(1)} ms`;
const kb = (bytes) => `${(bytes / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} KB`;
const gz = (bytes) => `${bytes.toLocaleString('en')} B gz`;
const times = (ratio) => `${ratio.toFixed(2)}×`;

/** A tab that reloads the bench page fresh for each case, and fails on any page error. */
async function openTab(browser, origin, devBundle) {
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  const cdp = await page.createCDPSession();
  const messages = [];
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warn' || msg.type() === 'error') messages.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => errors.push(error));
  return {
    page,
    messages,
    async load() {
      await page.goto(`${origin}/pages/index.html?dev=${encodeURIComponent(devBundle)}`);
      await page.waitForFunction(() => 'bench' in window, { timeout: 30000 });
    },
    /** Runs `bench[name](arg)` in the page. */
    async run(name, arg) {
      const result = await page.evaluate((n, a) => window.bench[n](a), name, arg);
      if (errors.length) throw errors[0];
      return result;
    },
    /**
     * After a full GC: V8's JS heap, the live DOM node count, and Blink's own heap.
     * Blink's heap is kept for the record only: its caches swing by ±800 KB between
     * rounds with bare Lit elements too, so leaked DOM shows in `nodes` instead.
     */
    async heap() {
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      const usage = await cdp.send('Runtime.getHeapUsage');
      const dom = await cdp.send('Memory.getDOMCounters');
      return { js: usage.usedSize, blink: usage.embedderHeapUsedSize, nodes: dom.nodes, listeners: dom.jsEventListeners };
    },
  };
}

/** Cases 1 and 4: render 1000, switch chat; baseline: bare Lit from data. */
async function renderCase(tab) {
  const { pages, warmup, pairs, elements } = PLAN.render;
  const samples = { subject: [], baseline: [], ready: [], switch: [] };
  for (let i = 0; i < pages; i++) {
    await tab.load();
    const page = await tab.run('render', { warmup, pairs, elements });
    for (const key of Object.keys(samples)) samples[key].push(...page[key]);
  }
  const render = {
    subjectMs: median(samples.subject),
    baselineMs: median(samples.baseline),
    ratio: pairedRatio(samples.subject, samples.baseline),
    readyMs: median(samples.ready),
    readyRatio: pairedRatio(samples.ready, samples.baseline),
  };
  const switchCase = {
    switchMs: median(samples.switch),
    renderMs: render.subjectMs,
    ratio: pairedRatio(samples.switch, samples.subject),
  };
  return { samples, render, switch: switchCase };
}

/** Case 2: host reads per first render and per switch, each element count on a fresh page. */
async function hostCallsCase(tab) {
  const counts = {};
  for (const n of PLAN.hostCalls.elements) {
    await tab.load();
    counts[n] = await tab.run('hostCalls', n);
  }
  return counts;
}

/** Case 3: 10,000 sequential reads, bridge vs a hand-written promise around the raw host. */
async function overheadCase(tab) {
  const { pages, warmup, pairs, calls } = PLAN.overhead;
  const samples = { bridge: [], raw: [] };
  for (let i = 0; i < pages; i++) {
    await tab.load();
    const page = await tab.run('bridgeOverhead', { warmup, pairs, calls });
    samples.bridge.push(...page.bridge);
    samples.raw.push(...page.raw);
  }
  const perCall = (values) => (median(values) * 1000) / calls;
  const overheads = samples.bridge.map((b, i) => ((b - samples.raw[i]) * 1000) / calls);
  return {
    samples,
    bridgeUsPerCall: perCall(samples.bridge),
    rawUsPerCall: perCall(samples.raw),
    overheadUsPerCall: median(overheads),
    ratio: pairedRatio(samples.bridge, samples.raw),
  };
}

/** Case 5: heap after GC before and after connecting and removing 10,000 elements, per round. */
async function memoryCase(tab) {
  const { rounds, total, batch } = PLAN.memory;
  await tab.load();
  await tab.run('memorySetup');
  // Warm-up: Lit's template cache, adopted style sheets, the bridge's first read.
  await tab.run('memoryCycle', { total: batch, batch });
  const heaps = [await tab.heap()];
  const states = [];
  for (let i = 0; i < rounds; i++) {
    states.push(await tab.run('memoryCycle', { total, batch }));
    heaps.push(await tab.heap());
  }
  const growth = heaps.slice(1).map((h, i) => h.js - heaps[i].js);
  return {
    heaps,
    states,
    growthBytes: growth,
    medianGrowthBytes: median(growth),
    totalGrowthBytes: heaps.at(-1).js - heaps[0].js,
    beforeBytes: heaps[0].js,
    nodesBefore: heaps[0].nodes,
    nodesAfter: heaps.at(-1).nodes,
    subscribers: states.at(-1).subscribers,
  };
}

/**
 * Case 7: <juzi-quick-replies> at 10,000 replies. Per keystroke: typing into its search box
 * against a bare Lit list filtering pre-lowercased strings with includes and rendering as
 * many rows; first render of 10,000 against 100; rows in the DOM.
 */
async function quickRepliesCase(tab) {
  const { pages, rounds, count, small } = PLAN.quickReplies;
  const samples = { subject: [], baseline: [], large: [], small: [], rows: [] };
  // The baseline renders as many rows as the subject last kept (a guess before the first subject run).
  let rows = 20;
  for (let p = 0; p < pages; p++) {
    await tab.load();
    for (let round = 0; round <= rounds; round++) {
      const subjectFirst = round % 2 === 0;
      let subject;
      let baseline;
      if (subjectFirst) {
        subject = await tab.run('qrKeystrokeSubject', count);
        baseline = await tab.run('qrKeystrokeBaseline', { count, rows: subject.rows });
      } else {
        baseline = await tab.run('qrKeystrokeBaseline', { count, rows });
        subject = await tab.run('qrKeystrokeSubject', count);
      }
      rows = subject.rows;
      // The baseline stands for the same work only while it shows the same rows.
      const differ = subject.seen.findIndex((text, i) => text !== baseline.seen[i]);
      if (differ >= 0) {
        fail(`case 7: after keystroke ${differ + 1} the baseline shows other rows than <juzi-quick-replies>:\n  subject:  ${subject.seen[differ]}\n  baseline: ${baseline.seen[differ]}`);
      }
      const first = await tab.run('qrFirstRender', { large: count, small });
      if (round === 0) continue; // warm-up
      samples.subject.push(subject.ms);
      samples.baseline.push(baseline.ms);
      samples.rows.push(subject.rows, first.rows);
      samples.large.push(first.large);
      samples.small.push(first.small);
    }
  }
  return {
    samples,
    keystroke: { subjectMs: median(samples.subject), baselineMs: median(samples.baseline), ratio: pairedRatio(samples.subject, samples.baseline) },
    firstRender: { largeMs: median(samples.large), smallMs: median(samples.small), ratio: pairedRatio(samples.large, samples.small) },
    rows: Math.max(...samples.rows),
  };
}

/** Case 7's table rows. */
function quickRepliesRows({ keystroke, firstRender, rows }) {
  const { count, small } = PLAN.quickReplies;
  const n = count.toLocaleString('en');
  return [
    {
      name: `7 quick replies: keystroke at ${n} replies`,
      subject: ms(keystroke.subjectMs),
      baseline: `${ms(keystroke.baselineMs)} bare Lit includes`,
      ratio: times(keystroke.ratio),
      goal: `ratio ≤ ${GOALS.qrKeystrokeRatio}`,
      pass: keystroke.ratio <= GOALS.qrKeystrokeRatio,
    },
    {
      name: `7 quick replies: first render, ${n} vs ${small}`,
      subject: ms(firstRender.largeMs),
      baseline: `${ms(firstRender.smallMs)} at ${small}`,
      ratio: times(firstRender.ratio),
      goal: `ratio ≤ ${GOALS.qrFirstRenderRatio}`,
      pass: firstRender.ratio <= GOALS.qrFirstRenderRatio,
    },
    {
      name: `7 quick replies: rows in the DOM at ${n}`,
      subject: String(rows),
      baseline: `${n} replies`,
      ratio: '–',
      goal: `< ${GOALS.qrRows}`,
      pass: rows < GOALS.qrRows,
    },
  ];
}

/** The table rows: case, subject, baseline, ratio, goal, pass. */
function rows({ render, switch: sw }, hostCalls, overhead, memory, sizes) {
  const table = [];
  const row = (name, subject, baseline, ratio, goal, pass) => table.push({ name, subject, baseline, ratio, goal, pass });
  row(
    `1 render ${PLAN.render.elements} <juzi-chat-info>`,
    ms(render.subjectMs),
    `${ms(render.baselineMs)} bare Lit`,
    times(render.ratio),
    `ratio ≤ ${GOALS.renderRatio}`,
    render.ratio <= GOALS.renderRatio,
  );
  row(
    '1b the same, chat already read (diagnostic)',
    ms(render.readyMs),
    `${ms(render.baselineMs)} bare Lit`,
    times(render.readyRatio),
    '–',
    null,
  );
  const one = hostCalls[PLAN.hostCalls.elements[0]];
  for (const [n, c] of Object.entries(hostCalls)) {
    row(
      `2 host getCurChatInfo, ${n} element${n === '1' ? '' : 's'}`,
      `${c.render} render / ${c.switch} switch`,
      `${one.render} / ${one.switch} (1 element)`,
      `${times(c.render / one.render)} / ${times(c.switch / one.switch)}`,
      `${GOALS.hostCalls} / ${GOALS.hostCalls}`,
      c.render === GOALS.hostCalls && c.switch === GOALS.hostCalls,
    );
  }
  row(
    `3 bridge getCurExternalContact ×${PLAN.overhead.calls.toLocaleString('en')}`,
    `${overhead.bridgeUsPerCall.toFixed(2)} µs/call (+${overhead.overheadUsPerCall.toFixed(2)})`,
    `${overhead.rawUsPerCall.toFixed(2)} µs/call raw`,
    times(overhead.ratio),
    `overhead ≤ ${GOALS.overheadUs} µs/call`,
    overhead.overheadUsPerCall <= GOALS.overheadUs,
  );
  row(
    `4 chat switch, ${PLAN.render.elements} elements`,
    ms(sw.switchMs),
    `${ms(sw.renderMs)} first render`,
    times(sw.ratio),
    `ratio ≤ ${GOALS.switchRatio}`,
    sw.ratio <= GOALS.switchRatio,
  );
  const { total } = PLAN.memory;
  row(
    `5 JS heap after ${total.toLocaleString('en')} connect/remove`,
    `${memory.medianGrowthBytes >= 0 ? '+' : ''}${kb(memory.medianGrowthBytes)}`,
    `${kb(memory.beforeBytes)} before`,
    times((memory.beforeBytes + memory.medianGrowthBytes) / memory.beforeBytes),
    `growth < ${kb(GOALS.heapGrowthBytes)}`,
    memory.medianGrowthBytes < GOALS.heapGrowthBytes,
  );
  row(
    `5 DOM nodes after ${(total * PLAN.memory.rounds).toLocaleString('en')} connect/remove`,
    String(memory.nodesAfter),
    `${memory.nodesBefore} before`,
    times(memory.nodesAfter / memory.nodesBefore),
    'same as before',
    memory.nodesAfter === memory.nodesBefore,
  );
  row(
    '5 bridge subscribers after removal',
    String(memory.subscribers),
    `${memory.states.at(-1).peakSubscribers} at peak`,
    '–',
    String(GOALS.subscribers),
    memory.subscribers === GOALS.subscribers,
  );
  const jssdk = sizes.jssdk.gzip;
  const size = (name, entry, budget) => {
    if (!entry) return row(`6 size ${name}`, 'missing', gz(jssdk), '–', budget ? `≤ ${gz(budget)}` : '–', budget ? false : null);
    row(
      `6 size ${name}`,
      gz(entry.gzip),
      `${gz(jssdk)} @wecom/jssdk`,
      times(entry.gzip / jssdk),
      budget ? `≤ ${gz(budget)}` : '–',
      budget ? entry.gzip <= budget : null,
    );
  };
  const bundle = (name) => sizes.bundles.find((b) => b.name === name);
  size(BUDGET.file, bundle(BUDGET.file), BUDGET.gzip);
  size('juzi-elements.iife.js', bundle('juzi-elements.iife.js'));
  size('bridge entry (+ zod/mini)', sizes.bridge);
  // 6b: what a page pays for two tags from the npm entry points (a Vite production build).
  const [page, floor, jssdkPage] = sizes.pages ?? [];
  if (page && floor && jssdkPage) {
    row('6b page: chat-info + send-button (Vite build)', gz(page.gzip), `${gz(floor.gzip)} bare Lit page`, times(page.gzip / floor.gzip), '–', null);
    row('6b the same page', gz(page.gzip), `${gz(jssdkPage.gzip)} @wecom/jssdk page`, times(page.gzip / jssdkPage.gzip), '–', null);
  }
  return table;
}

function printTable(table) {
  out('| case | subject | baseline | ratio | goal | pass |');
  out('|---|---:|---:|---:|---|---|');
  for (const r of table) {
    out(`| ${r.name} | ${r.subject} | ${r.baseline} | ${r.ratio} | ${r.goal} | ${r.pass === null ? '–' : r.pass ? 'pass' : 'FAIL'} |`);
  }
}

async function main() {
  const started = Date.now();
  const { dev } = findBundles();
  const server = await serve(await buildBaselineLit());
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({
    executablePath: systemChromium() ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const step = (name) => process.stderr.write(`bench: ${name} (${Math.round((Date.now() - started) / 1000)} s)\n`);
  let results;
  try {
    const tab = await openTab(browser, origin, dev);
    step('size');
    const sizes = await measureSizes();
    step('render and chat switch');
    const render = await renderCase(tab);
    step('host calls');
    const hostCalls = await hostCallsCase(tab);
    step('bridge overhead');
    const overhead = await overheadCase(tab);
    step('memory');
    const memory = await memoryCase(tab);
    step('quick replies');
    const quickReplies = await quickRepliesCase(tab);
    const table = [...rows(render, hostCalls, overhead, memory, sizes), ...quickRepliesRows(quickReplies)];
    results = {
      date: new Date().toISOString(),
      seconds: Math.round((Date.now() - started) / 1000),
      environment: {
        chromium: await browser.version(),
        node: process.version,
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        loadavg: loadavg(),
        devBundle: dev,
      },
      plan: PLAN,
      goals: GOALS,
      table,
      cases: { render: render.render, switch: render.switch, renderSamples: render.samples, hostCalls, overhead, memory, sizes, quickReplies },
      pageMessages: tab.messages,
    };
  } finally {
    await browser.close();
    server.close();
  }
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  out();
  printTable(results.table);
  out();
  out(`Chromium ${results.environment.chromium}, ${results.environment.cpus} CPUs, ${results.seconds} s; raw samples in bench/results.json`);
  if (results.pageMessages.length) out(`page warnings/errors:\n  ${results.pageMessages.join('\n  ')}`);
  process.exit(results.table.some((r) => r.pass === false) ? 1 : 0);
}

await main();
