#!/usr/bin/env node
// Each per-tag entry point alone, as a user imports it (`import 'juzi-elements/send-button'`),
// against the declarations the package ships: the tag's element type and the typed `juzi-*`
// events must come with it. Run by `npm run typecheck`.
// For every src/define/<name>.ts: a generated check (the tag maps to the exported class, and
// `juzi-error` has a typed detail), plus test/types/entries/<name>.ts when present.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '../..');
const out = resolve(root, 'node_modules/.cache/juzi-entry-types');
rmSync(out, { recursive: true, force: true });
execFileSync(resolve(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json', '--outDir', out, '--declarationMap', 'false'], {
  cwd: root,
  stdio: 'inherit',
});

const options = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: [],
  baseUrl: root,
  paths: { 'juzi-elements/*': [`${out}/define/*.d.ts`] },
};

const parsed = new Map();
let failed = 0;
let oldProgram;
for (const name of readdirSync(resolve(root, 'src/define')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3))) {
  const define = readFileSync(resolve(root, `src/define/${name}.ts`), 'utf8');
  const [, className, tag] = /(\w+)\.define\('([^']+)'\)/.exec(define) ?? [];
  if (!tag) throw new Error(`src/define/${name}.ts registers no tag as Class.define('tag')`);
  const generated = resolve(root, `test/types/entries/.generated-${name}.ts`);
  const files = new Map([
    [
      generated,
      `import { ${className} } from 'juzi-elements/${name}';\n` +
        `const element: ${className} = document.querySelector('${tag}')!;\n` +
        `document.createElement('${tag}') satisfies ${className};\n` +
        `element.addEventListener('juzi-error', (event) => event.detail.error.code satisfies string);\n`,
    ],
  ]);
  const own = resolve(root, `test/types/entries/${name}.ts`);
  if (existsSync(own)) files.set(own, readFileSync(own, 'utf8'));
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists } = host;
  // The shipped declarations and the lib files are parsed once for all entry points.
  host.getSourceFile = (file, language) => {
    const text = files.get(resolve(file));
    if (text !== undefined) return ts.createSourceFile(file, text, language);
    if (!parsed.has(file)) parsed.set(file, getSourceFile(file, language));
    return parsed.get(file);
  };
  host.fileExists = (file) => files.has(resolve(file)) || fileExists(file);
  for (const file of files.keys()) {
    const program = ts.createProgram({ rootNames: [file], options, host, oldProgram });
    oldProgram = program;
    const diagnostics = ts.getPreEmitDiagnostics(program);
    if (diagnostics.length) {
      failed++;
      console.error(`juzi-elements/${name} (${file === generated ? 'generated check' : `test/types/entries/${name}.ts`}):`);
      console.error(ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' }));
    }
  }
}
rmSync(out, { recursive: true, force: true });
if (failed) process.exit(1);
console.log('Per-tag entry points: each one alone carries its element and event types.');
