import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { regionServerPlugin } from './src/dev/region-server.js';

const here = import.meta.dirname;
const src = (path: string) => resolve(here, 'src', path);
const elements = ['chat-info', 'send-button', 'open-chat', 'image-preview', 'auth'].filter((name) =>
  existsSync(src(`define/${name}.ts`)),
);

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
 * Shrinks the CSS inside `css\`…\`` templates (comments, white space), which JS
 * minifiers leave alone: the CDN bundle has a gzip budget.
 */
const minifyTemplateCss: Plugin = {
  name: 'juzi-minify-template-css',
  enforce: 'pre',
  transform(code, id) {
    if (!id.endsWith('.ts') || !code.includes('css`')) return null;
    return code.replace(/css`([^`$]*)`/g, (_, body: string) => {
      const css = body
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        // Never around ':' before a selector part: `a ::slotted(b)` differs from `a::slotted(b)`.
        .replace(/\s*([{};,>])\s*/g, '$1')
        .replace(/:\s+/g, ':')
        .replace(/;}/g, '}')
        .trim();
      return `css\`${css}\``;
    });
  },
};

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
    lib: {
      entry: {
        index: src('index.ts'),
        'bridge/index': src('bridge/index.ts'),
        'dev/index': src('dev/index.ts'),
        ...(existsSync(src('oauth/index.ts')) && { 'oauth/index': src('oauth/index.ts') }),
        ...Object.fromEntries(elements.map((name) => [`define/${name}`, src(`define/${name}.ts`)])),
        'define/devtools': src('define/devtools.ts'),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^lit(\/|$)/, /^@lit\//, /^zod(\/|$)/],
      output: { preserveModules: true, preserveModulesRoot: resolve(here, 'src'), entryFileNames: '[name].js' },
    },
  };
  if (mode === 'demo') {
    const pages = ['index', 'jquery', 'vue', 'react', 'auth'].filter((page) => existsSync(resolve(here, `demo/${page}.html`)));
    return {
      // demo/ as the root puts the pages at dist/demo/<page>.html, not dist/demo/demo/.
      root: resolve(here, 'demo'),
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
    plugins: [demoHome, regionServerPlugin(), minifyTemplateCss, microFrontendSafe()],
    server: { fs: { allow: [here] } },
    build: builds[mode] ?? lib,
  };
});
