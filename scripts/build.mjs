#!/usr/bin/env node
// `npm run build`: the custom-elements manifest and the files generated from it (the React
// wrappers are a source file), type declarations, then one Vite build per output (see
// vite.config.ts), then the size of every bundle (`npm run size` is the gate).
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { minify } from 'terser';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
const bin = (name) => `node_modules/.bin/${name}`;

rmSync('dist', { recursive: true, force: true });
run('npm', ['run', '--silent', 'manifest']);
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
for (const mode of ['production', 'cdn', 'iife', 'dev-cdn', 'dev-iife', 'demo']) {
  run(bin('vite'), ['build', '--mode', mode, '--logLevel', 'warn']);
}
run(bin('vite'), ['build', '--mode', 'devtools-cdn', '--logLevel', 'warn']);
// A second pass over the CDN bundles: terser finds a few percent more than Vite's minifier.
for (const file of ['dist/juzi-elements.js', 'dist/juzi-elements.iife.js']) {
  const map = `${file}.map`;
  const { code, map: nextMap } = await minify(readFileSync(file, 'utf8'), {
    module: file.endsWith('.js') && !file.endsWith('.iife.js'),
    // No syntax newer than the browser targets (vite.config.ts) may come out of this pass.
    ecma: 2020,
    compress: { passes: 2 },
    // includeSources keeps the sources' text (lit's and zod's too, whose files the package does not ship).
    sourceMap: { content: readFileSync(map, 'utf8'), url: basename(map), includeSources: true },
  });
  writeFileSync(file, code);
  writeFileSync(map, nextMap);
}
run(process.execPath, ['bench/size.mjs', '--report-only']);
