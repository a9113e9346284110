#!/usr/bin/env node
// `npm run package:check` (after `npm run build`): the packed package as consumers resolve it.
// publint checks package.json against the packed files; attw checks that every entry point
// resolves to its types as an ES module (Node 16+ and bundlers). The per-tag entry points are
// one wildcard in package.json, which attw skips: each is named here, from src/define/.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const tags = readdirSync('src/define').filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
const run = (bin, args) => execFileSync(`node_modules/.bin/${bin}`, args, { stdio: 'inherit' });
run('publint', ['--strict']);
run('attw', ['--pack', '--profile', 'esm-only', '--include-entrypoints', ...tags.flatMap((t) => [`./${t}`, `./components/${t}`])]);
