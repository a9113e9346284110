/// <reference types="node" />
// Every built bundle runs on the engines the README promises (Chromium 90, Safari 15): it
// parses as ES2022 and uses none of the ES2022 syntax those engines lack (class static
// blocks: Chromium 94 / Safari 16.4; `#x in obj`: Chromium 91), nor a built-in they lack.
// Run after `npm run build`: npx tsx --test test/node/syntax.test.ts
import { parse, type Node } from 'acorn';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

/** Built-ins newer than both engines, as the member name a bundle would call. */
const newerBuiltIns: Record<string, string> = {
  hasOwn: 'Object.hasOwn (Chromium 93, Safari 15.4)',
  at: '.at() (Chromium 92, Safari 15.4)',
  findLast: 'findLast (Chromium 97, Safari 15.4)',
  findLastIndex: 'findLastIndex (Chromium 97, Safari 15.4)',
  toSorted: 'toSorted (Chromium 110, Safari 16)',
  toReversed: 'toReversed (Chromium 110, Safari 16)',
  groupBy: 'groupBy (Chromium 117, Safari 17.4)',
  withResolvers: 'Promise.withResolvers (Chromium 119, Safari 17.4)',
};

/** What `code` uses that the targets cannot run, as readable reasons. */
export function unsupported(code: string, sourceType: 'module' | 'script'): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node & Record<string, unknown>;
    if (typeof n.type === 'string') {
      if (n.type === 'StaticBlock') found.add('class static block');
      if (n.type === 'BinaryExpression' && (n.left as Node).type === 'PrivateIdentifier') found.add('#x in obj');
      // Called, not merely read: `record.at` may be any object's own field.
      const callee = n.type === 'CallExpression' ? (n.callee as Node & { computed?: boolean; property?: { name?: string } }) : undefined;
      const name = callee?.type === 'MemberExpression' && !callee.computed ? callee.property?.name : undefined;
      if (name && Object.hasOwn(newerBuiltIns, name)) found.add(newerBuiltIns[name]!);
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'type' && typeof value === 'object') visit(value);
  };
  visit(parse(code, { ecmaVersion: 2022, sourceType }));
  return [...found];
}

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'demo' || e.name === 'types' ? [] : files(join(dir, e.name))) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );

describe('built bundles stay within the browser targets', () => {
  it('the checker finds what the targets lack', () => {
    assert.deepEqual(unsupported('class A { static { this.x = 1; } }', 'script'), ['class static block']);
    assert.deepEqual(unsupported('class A { #x; is(o) { return #x in o; } }', 'script'), ['#x in obj']);
    assert.deepEqual(unsupported('Object.hasOwn(a, "b"); [1].at(-1)', 'script').length, 2);
    assert.deepEqual(unsupported('const when = record.at; f(record.at);', 'script'), []);
    assert.throws(() => unsupported('let a = /x/v;', 'script')); // ES2024 syntax does not parse
    assert.deepEqual(unsupported('class A { #x = 1; static y = 2; get x() { return this.#x; } }', 'script'), []);
  });

  const bundles = files('dist');
  it('there are bundles to check (run `npm run build` first)', () => {
    assert.ok(bundles.some((f) => f.endsWith('juzi-elements.iife.js')) && bundles.some((f) => f.startsWith(join('dist', 'lib'))));
  });
  for (const file of bundles) {
    it(file, () => {
      assert.deepEqual(unsupported(readFileSync(file, 'utf8'), file.endsWith('.iife.js') ? 'script' : 'module'), []);
    });
  }
});

describe('the CDN bundles have source maps a browser can show without node_modules', () => {
  for (const file of files('dist').filter((f) => !f.startsWith(join('dist', 'lib')))) {
    it(`${file}.map carries the text of every source`, () => {
      const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
      assert.ok(map.sources.length > 0);
      assert.deepEqual(map.sources.filter((_, i) => typeof map.sourcesContent?.[i] !== 'string'), []);
    });
  }
});
