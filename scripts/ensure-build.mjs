#!/usr/bin/env node
// Builds dist/ when it is missing or older than the sources, so `npm start` (whose
// classic-script demo loads the IIFE bundle) and `npm test` (which tests the built
// bundles) work on a fresh clone without a separate build step.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const newest = (path) => {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
};

export function ensureBuild() {
  let built = 0;
  try {
    built = Math.min(...['dist/juzi-elements.js', 'dist/juzi-elements.iife.js', 'dist/lib/index.js', 'dist/demo/index.html', 'dist/juzi-devtools.js'].map((f) => statSync(f).mtimeMs));
  } catch {
    // missing: build
  }
  const sources = Math.max(newest('src'), newest('demo'), newest('vite.config.ts'), newest('package.json'), newest('scripts/build.mjs'));
  if (built >= sources) return;
  console.log('dist/ is missing or older than src/: building it first (npm run build)');
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) ensureBuild();
