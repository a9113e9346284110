import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, type Node as AcornNode } from 'acorn';
import { transform } from 'esbuild';
import ts from 'typescript';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { regionServerPlugin } from './src/dev/region-server.js';

const here = import.meta.dirname;
const src = (path: string) => resolve(here, 'src', path);
/** One npm entry point per tag: every module in src/define/. */
const elements = readdirSync(src('define'))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -3));
/**
 * The engines every bundle is built for (README "Browser support"): WeCom / WeChat desktop and
 * Android clients embed Chromium 90+; macOS and iOS clients use the system WebKit, Safari 15+.
 * Syntax newer than both (class static blocks, `#x in obj`) is lowered; test/node/syntax.test.ts
 * parses every bundle to hold it.
 */
export const browserTargets = ['chrome90', 'safari15'];

/**
 * `static { this.x = v }` as `static x = v`. With `useDefineForClassFields: false` Vite's
 * transform (Oxc) writes each static field as such a block, which Chromium 90 and Safari 15
 * cannot parse; lowering a block moves it out of the class and so turns every `#private`
 * member of that class into a WeakMap (about 0.5 KB gzip more). A static field evaluates at
 * the same point with the same `this`; it defines where the block assigned, the same for
 * these classes, which have no static setters.
 */
function staticBlocksAsFields(code: string): string {
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as AcornNode & { body?: unknown[] };
    if (n.type === 'StaticBlock') {
      const fields = (n.body as AcornNode[]).map((statement) => {
        const assignment = (statement as AcornNode & { expression?: AcornNode }).expression as
          | (AcornNode & { operator: string; left: AcornNode & { object?: AcornNode; property?: AcornNode; computed?: boolean }; right: AcornNode })
          | undefined;
        const { left } = assignment ?? {};
        if (statement.type !== 'ExpressionStatement' || assignment?.type !== 'AssignmentExpression' || assignment.operator !== '=') return;
        if (left?.type !== 'MemberExpression' || left.computed || left.object?.type !== 'ThisExpression' || left.property?.type !== 'Identifier') return;
        return `static ${code.slice(left.property.start, left.property.end)}=${code.slice(assignment.right.start, assignment.right.end)};`;
      });
      if (fields.every(Boolean)) edits.push({ start: n.start, end: n.end, text: fields.join('') });
      return;
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'type' && typeof value === 'object') visit(value);
  };
  visit(parse(code, { ecmaVersion: 'latest', sourceType: 'module' }));
  return edits.reduceRight((out, { start, end, text }) => out.slice(0, start) + text + out.slice(end), code);
}

/**
 * Lowers each output chunk to `browserTargets` with esbuild, after `staticBlocksAsFields`.
 * Vite's transform itself targets es2022: for these engines Oxc would turn every `#private`
 * member into a WeakMap, although both engines run them natively.
 */
const lowerToTargets: Plugin = {
  name: 'juzi-lower-to-browser-targets',
  async renderChunk(code, chunk) {
    const { code: lowered, map } = await transform(staticBlocksAsFields(code), {
      target: browserTargets,
      sourcemap: true,
      sourcefile: chunk.fileName,
    });
    return { code: lowered, map };
  },
};

/** `/` opens the demo: the project root is served so demos can load dist/ and node_modules/. */
const demoHome: Plugin = {
  name: 'juzi-demo-home',
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      if (req.url !== '/' && req.url !== '/index.html') return next();
      res.statusCode = 302;
      res.setHeader('Location', '/demo/');
      res.end();
    });
  },
};

/**
 * Shrinks what JS minifiers leave alone inside templates, since the CDN bundle has a gzip
 * budget: the CSS of `css\`…\`` templates (comments, white space), and the indentation after
 * each line break in the static text of `html\`…\`` templates (it renders as the same single
 * space; expressions are untouched, and line breaks are kept, so source maps keep their lines).
 */
const minifyTemplates: Plugin = {
  name: 'juzi-minify-templates',
  enforce: 'pre',
  transform(code, id) {
    if (!id.endsWith('.ts')) return null;
    let next = code;
    if (code.includes('html`')) next = trimHtmlIndent(next, id);
    if (code.includes('css`')) next = next.replace(/css`([^`$]*)`/g, (_, body: string) => {
      const css = body
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        // Never around ':' before a selector part: `a ::slotted(b)` differs from `a::slotted(b)`.
        .replace(/\s*([{};,>])\s*/g, '$1')
        .replace(/:\s+/g, ':')
        .replace(/;}/g, '}')
        // `0.5em` → `.5em`; `[a='b']` → `[a=b]` (an identifier needs no quotes).
        .replace(/([\s:(,])0\.(\d)/g, '$1.$2')
        .replace(/\[([\w-]+)='([a-z][\w-]*)'\]/g, '[$1=$2]')
        .trim();
      return `css\`${css}\``;
    });
    // Only the inside of templates changes: the chunk's map stays close enough.
    return next === code ? null : { code: next, map: null };
  },
};

/** Drops the indentation after line breaks in the static parts of every `html\`…\`` template of `code`. */
function trimHtmlIndent(code: string, fileName: string): string {
  const parts: { start: number; end: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'html') {
      const { template } = node;
      const literals = ts.isNoSubstitutionTemplateLiteral(template) ? [template] : [template.head, ...template.templateSpans.map((span) => span.literal)];
      for (const literal of literals) parts.push({ start: literal.getStart(), end: literal.end });
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true));
  let next = code;
  // From the end, so earlier offsets stay valid.
  for (const { start, end } of parts.sort((a, b) => b.start - a.start)) {
    next = next.slice(0, start) + next.slice(start, end).replace(/\n[ \t]+/g, '\n') + next.slice(end);
  }
  return next;
}

/**
 * Lets the CDN bundles run inside micro-frontend hosts. qiankun and micro-app run a micro app's
 * scripts wrapped in a function and hand them a Proxy for the page's `document`; wujie runs them
 * in a hidden iframe while their DOM lives in the main document. So:
 * - the bundle uses the real document, the one that owns the `<html>` its DOM is in (lit-html keeps one
 *   TreeWalker and parks it with `walker.currentNode = document`: a Proxy is not a Node, so
 *   every render threw), and that document's window's `customElements`, `HTMLElement` and
 *   `CSSStyleSheet` (a tag works only in the registry of the document it is in, an element
 *   class must come from that window, and a shadow root adopts only sheets made there);
 * - the classic script also sets `JuziElements` on the global object it is given: its
 *   top-level `var` stays inside the function the sandbox wraps it in.
 * The npm entry points (one module per source file) are left alone: the page's bundler decides.
 */
const domGlobals = `
const document = ((doc, html = doc?.documentElement) =>
  // Node.prototype's getter: wujie gives each element its own \`ownerDocument\` (the iframe's).
  (html && Object.getOwnPropertyDescriptor(Node.prototype, 'ownerDocument').get.call(html)) || doc)(globalThis.document);
const { customElements, HTMLElement, CSSStyleSheet } = document?.defaultView ?? globalThis;`;

function microFrontendSafe(): Plugin {
  let cdnBundle = false;
  let globalName: string | undefined;
  return {
    name: 'juzi-micro-frontend-safe',
    outputOptions(options) {
      cdnBundle = !options.preserveModules;
      globalName = options.format === 'iife' ? options.name : undefined;
      return null;
    },
    intro: () => (cdnBundle ? domGlobals : ''),
    outro: () => (cdnBundle && globalName ? `globalThis.${globalName} = exports;` : ''),
  };
}

/** The CDN bundles: everything inside (lit and zod too), minified, one file each. */
function cdn(entry: string, fileName: string, format: 'es' | 'iife', name?: string): UserConfig['build'] {
  return {
    outDir: resolve(here, 'dist'),
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    lib: { entry: src(entry), formats: [format], fileName: () => fileName, ...(name && { name }) },
    rolldownOptions: { output: { minify: true } },
  };
}

/**
 * `npm start` serves the demo; `npm run build` runs one `vite build --mode X` per
 * output (Vite builds an IIFE from one entry at a time):
 *   lib       dist/lib/   npm entry points, one module per source file, lit and zod left as imports
 *   cdn       dist/juzi-elements.js            one ESM file, every tag defined
 *   iife      dist/juzi-elements.iife.js       one classic script, global JuziElements
 *   dev-cdn   dist/juzi-elements-dev.js        the simulated host as one ESM file
 *   dev-iife  dist/juzi-elements-dev.iife.js   the simulated host, global JuziElementsDev
 *   devtools-cdn  dist/juzi-devtools.js        <juzi-devtools> as one ESM file (not in juzi-elements.js)
 *   demo      dist/demo/                       the demo pages, for the tests that open them
 */
export default defineConfig(({ mode }) => {
  const builds: Record<string, UserConfig['build']> = {
    cdn: cdn('index.ts', 'juzi-elements.js', 'es'),
    iife: cdn('index.ts', 'juzi-elements.iife.js', 'iife', 'JuziElements'),
    'dev-cdn': cdn('dev/index.ts', 'juzi-elements-dev.js', 'es'),
    'dev-iife': cdn('dev/index.ts', 'juzi-elements-dev.iife.js', 'iife', 'JuziElementsDev'),
    'devtools-cdn': cdn('define/devtools.ts', 'juzi-devtools.js', 'es'),
  };
  const lib: UserConfig['build'] = {
    outDir: resolve(here, 'dist/lib'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: {
        index: src('index.ts'),
        'bridge/index': src('bridge/index.ts'),
        'dev/index': src('dev/index.ts'),
        ...(existsSync(src('oauth/index.ts')) && { 'oauth/index': src('oauth/index.ts') }),
        'frameworks/react': src('frameworks/react.ts'),
        ...Object.fromEntries(elements.map((name) => [`define/${name}`, src(`define/${name}.ts`)])),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^lit(\/|$)/, /^@lit\//, /^zod(\/|$)/, /^react(\/|$)/],
      output: { preserveModules: true, preserveModulesRoot: resolve(here, 'src'), entryFileNames: '[name].js' },
    },
  };
  if (mode === 'demo') {
    const pages = ['index', 'jquery', 'vue', 'react', 'auth'].filter((page) => existsSync(resolve(here, `demo/${page}.html`)));
    return {
      // demo/ as the root puts the pages at dist/demo/<page>.html, not dist/demo/demo/.
      root: resolve(here, 'demo'),
      plugins: [lowerToTargets],
      // Served from the project root, like the dev server: the pages' classic scripts keep
      // their /node_modules/ and /dist/ URLs (Vite does not bundle non-module scripts).
      base: '/dist/demo/',
      build: {
        outDir: resolve(here, 'dist/demo'),
        emptyOutDir: true,
        target: 'es2022',
        rolldownOptions: { input: Object.fromEntries(pages.map((page) => [page, resolve(here, `demo/${page}.html`)])) },
      },
    };
  }
  return {
    plugins: [demoHome, regionServerPlugin(), minifyTemplates, microFrontendSafe(), lowerToTargets],
    server: { fs: { allow: [here] } },
    build: builds[mode] ?? lib,
  };
});
