/**
 * Bundle sizes: bytes as built (already minified) and gzip -9 bytes of every
 * dist/*.js, each counted with the chunks it imports; the bridge-only npm entry
 * as an app would ship it; and @wecom/jssdk's browser build for comparison. CI runs it (`npm run size`): exits 1 when dist/juzi-elements.js
 * is over the gzip budget, 2 when there is nothing built to measure.
 * `bench/run.mjs` reuses `measureSizes()` for its size case.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(ROOT, 'dist');
/** The CDN drop-in must stay under this many gzip bytes. */
export const BUDGET = { file: 'juzi-elements.js', gzip: 32 * 1024 };
/** The bridge-only entry; it leaves zod as an import, so it is measured bundled. */
const BRIDGE_ENTRY = 'lib/bridge/index.js';
const JSSDK_DIR = join(ROOT, 'node_modules/@wecom/jssdk');
const JSSDK_BUILD = 'dist/wecom.global.prod.js';

/** @param {Buffer | string} data */
export const gzipBytes = (data) => gzipSync(data, { level: 9 }).length;

/**
 * The file and every chunk it imports by a relative path: a split build's entry
 * is only usable together with its chunks, so they count towards its size.
 * @param {string} file @param {Set<string>} [seen]
 */
function withImports(file, seen = new Set()) {
  if (seen.has(file) || !existsSync(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, spec] of code.matchAll(/\b(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    withImports(resolve(dirname(file), spec), seen);
  }
  return seen;
}

/**
 * @typedef {{ name: string, bytes: number, gzip: number, chunks: string[] }} Size
 * `bytes` / `gzip` include `chunks` (gzip summed per file, as a browser fetches them).
 */

/** @param {string} file @returns {Size} */
function sizeOf(file) {
  const files = [...withImports(file)];
  const data = files.map((f) => readFileSync(f));
  return {
    name: relative(DIST, file),
    bytes: data.reduce((sum, d) => sum + d.length, 0),
    gzip: data.reduce((sum, d) => sum + gzipBytes(d), 0),
    chunks: files.slice(1).map((f) => relative(DIST, f)),
  };
}

/**
 * What an app ships for `import … from 'juzi-elements/bridge'`: the entry and
 * its dependencies (zod/mini) in one minified file, every export kept.
 * @param {string} file @returns {Promise<Size | undefined>}
 */
async function bundledSizeOf(file) {
  if (!existsSync(file)) return undefined;
  const { outputFiles } = await build({
    entryPoints: [file],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const code = outputFiles[0].contents;
  return { name: `${relative(DIST, file)} + deps (esbuild)`, bytes: code.length, gzip: gzipBytes(code), chunks: [] };
}

/**
 * What a page pays: a Vite production build of a page that imports only two tags from the npm
 * entry points (`juzi-elements/chat-info` and `juzi-elements/send-button`, resolved to dist/lib
 * as the package's exports map does), against the same page with one bare Lit element (the
 * floor: lit alone) and with `@wecom/jssdk` reading the chat and sending a message. gzip -9 of
 * the page's JavaScript.
 * @returns {Promise<{ name: string, gzip: number, bytes: number }[]>}
 */
export async function measurePageSizes() {
  if (!existsSync(join(DIST, 'lib/define/chat-info.js'))) return [];
  const { build: viteBuild } = await import('vite');
  const pages = {
    'page: juzi-elements/chat-info + send-button': `import 'juzi-elements/chat-info';\nimport 'juzi-elements/send-button';\n`,
    'page: one bare Lit element (floor)': `import { LitElement, html, css } from 'lit';
customElements.define('bare-el', class extends LitElement {
  static properties = { chat: { attribute: false } };
  static styles = css\`:host { display: block }\`;
  render() { return html\`<button @click=\${() => this.dispatchEvent(new Event('send'))}>\${this.chat?.name}</button>\`; }
});\n`,
    'page: @wecom/jssdk getCurExternalChat + sendChatMessage': `import { getCurExternalChat, sendChatMessage } from '@wecom/jssdk';
window.page = { getCurExternalChat, sendChatMessage };\n`,
  };
  const results = [];
  for (const [name, code] of Object.entries(pages)) {
    const id = '\0juzi-page.js';
    const output = await viteBuild({
      configFile: false,
      logLevel: 'silent',
      root: ROOT,
      resolve: { alias: [{ find: /^juzi-elements\/(.*)$/, replacement: join(DIST, 'lib/define/$1.js') }] },
      plugins: [{ name: 'juzi-page', resolveId: (source) => (source === 'juzi-page' ? id : null), load: (source) => (source === id ? code : null) }],
      build: { write: false, target: 'es2022', rolldownOptions: { input: 'juzi-page' } },
    });
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((c) => c.type === 'chunk');
    results.push({
      name,
      bytes: chunks.reduce((sum, c) => sum + Buffer.byteLength(c.code), 0),
      gzip: chunks.reduce((sum, c) => sum + gzipBytes(c.code), 0),
    });
  }
  return results;
}

/** Every top-level dist/*.js, the bridge entry and the @wecom/jssdk browser build, measured now. */
export async function measureSizes() {
  const bundles = existsSync(DIST)
    ? readdirSync(DIST)
        .filter((name) => name.endsWith('.js'))
        .sort()
        .map((name) => sizeOf(join(DIST, name)))
    : [];
  const { version } = JSON.parse(readFileSync(join(JSSDK_DIR, 'package.json'), 'utf8'));
  const jssdk = { ...sizeOf(join(JSSDK_DIR, JSSDK_BUILD)), name: `@wecom/jssdk@${version} ${JSSDK_BUILD}` };
  const bridge = await bundledSizeOf(join(DIST, BRIDGE_ENTRY));
  const main = bundles.find((b) => b.name === BUDGET.file);
  const pages = process.argv.includes('--report-only') ? [] : await measurePageSizes();
  return { bundles, bridge, jssdk, pages, budget: { ...BUDGET, pass: main !== undefined && main.gzip <= BUDGET.gzip } };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
  const { bundles, bridge, jssdk, pages, budget } = await measureSizes();
  const out = (line) => process.stdout.write(`${line}\n`);
  if (!bundles.some((b) => b.name === BUDGET.file)) {
    process.stderr.write(`bench/size: dist/${BUDGET.file} not found; run \`npm run build\` first.\n`);
    process.exit(2);
  }
  out('| bundle | bytes | gzip -9 | with chunks |');
  out('|---|---:|---:|---|');
  for (const b of [...bundles, ...(bridge ? [bridge] : []), jssdk]) {
    out(`| ${b.name} | ${b.bytes} (${kb(b.bytes)}) | ${b.gzip} (${kb(b.gzip)}) | ${b.chunks.join(', ') || '–'} |`);
  }
  for (const p of pages) out(`| ${p.name} (Vite build) | ${p.bytes} (${kb(p.bytes)}) | ${p.gzip} (${kb(p.gzip)}) | – |`);
  const size = bundles.find((b) => b.name === BUDGET.file)?.gzip;
  out(`\n${budget.pass ? 'ok' : 'FAIL'}: dist/${BUDGET.file} is ${size} B gzip, budget ${BUDGET.gzip} B`);
  // The build prints the table on every run; CI's `npm run size` is the gate.
  process.exit(budget.pass || process.argv.includes('--report-only') ? 0 : 1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
