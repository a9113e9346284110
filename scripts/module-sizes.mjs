#!/usr/bin/env node
// Which modules the CDN bundle's bytes come from (minified bytes per module, esbuild's
// count), and the bundle's gzip size: a guide for keeping under the size budget.
//   node scripts/module-sizes.mjs [filter]
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

const filter = process.argv[2] ?? '';
const result = await build({
  entryPoints: ['src/index.ts'],
  bundle: true,
  minify: true,
  format: 'esm',
  write: false,
  metafile: true,
  target: 'es2022',
  tsconfig: 'tsconfig.json',
});
const { inputs } = Object.values(result.metafile.outputs)[0];
const rows = Object.entries(inputs)
  .map(([file, { bytesInOutput }]) => [file.replace(/^node_modules\//, ''), bytesInOutput])
  .filter(([file]) => file.includes(filter))
  .sort((a, b) => b[1] - a[1]);
for (const [file, bytes] of rows) console.log(String(bytes).padStart(7), file);
const code = result.outputFiles[0].contents;
console.log(`${code.length} B minified, ${gzipSync(code, { level: 9 }).length} B gzip -9 (esbuild; the real build is a little smaller)`);
