#!/usr/bin/env node
// `npm run build`: type declarations, then one Vite build per output (see vite.config.ts),
// then the custom-elements manifest.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
const bin = (name) => `node_modules/.bin/${name}`;

rmSync('dist', { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
for (const mode of ['production', 'cdn', 'iife', 'dev-cdn', 'dev-iife']) {
  run(bin('vite'), ['build', '--mode', mode, '--logLevel', 'warn']);
}
run(bin('cem'), ['analyze', '--litelement', '--globs', 'src/components/**/*.ts', 'src/internal/*.ts', '--outdir', '.']);
