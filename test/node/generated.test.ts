/// <reference types="node" />
// Every file generated from custom-elements.json names every defined tag with each of its
// attributes, properties and events, and the committed ones are what the manifest makes now.
// Run after `npm run build` (which runs `npm run manifest`): npx tsx --test test/node/generated.test.ts
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

interface Manifest {
  modules: {
    path: string;
    exports?: { kind: string; name: string; declaration: { name: string; module: string } }[];
    declarations?: {
      name: string;
      tagName?: string;
      attributes?: { name: string }[];
      members?: { kind: string; name: string; static?: boolean; privacy?: string; readonly?: boolean }[];
      events?: { name: string; type?: { text: string } }[];
      cssProperties?: { name: string }[];
    }[];
  }[];
}

const manifest: Manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const read = (file: string) => readFileSync(file, 'utf8');
const json = (file: string) => JSON.parse(read(file));
const pascal = (name: string) => name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());

const definitions = manifest.modules.flatMap((m) => (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => ({ entry: m.path, ...e })));
const elements = definitions.map(({ name: tag, declaration }) => {
  const element = manifest.modules.find((m) => m.path === declaration.module)?.declarations?.find((d) => d.name === declaration.name);
  assert.ok(element, `<${tag}>: ${declaration.name} is in the manifest`);
  return { tag, ...element };
});

describe('the manifest', () => {
  it('defines one tag per src/define module, each with its class', () => {
    const modules = readdirSync('src/define').filter((f) => f.endsWith('.ts'));
    assert.deepEqual(definitions.map((d) => d.entry).sort(), modules.map((f) => `src/define/${f}`).sort());
    for (const d of definitions) assert.doesNotMatch(d.declaration.name, /^anonymous/);
    for (const e of elements) assert.equal(e.tagName, e.tag);
  });
  it('types every event with its detail', () => {
    for (const e of elements) for (const event of e.events ?? []) assert.match(event.type?.text ?? '', /^CustomEvent<\w+>$/, `${e.tag} ${event.name}`);
  });
});

describe('generated files name every tag, attribute, property and event', () => {
  const table = read('src/frameworks/elements.ts');
  const react = read('src/frameworks/react.ts');
  const html = json('dist/vscode.html-custom-data.json') as { tags: { name: string; attributes: { name: string }[] }[] };
  const css = json('dist/vscode.css-custom-data.json') as { properties: { name: string }[] };
  const webTypes = json('dist/web-types.json') as {
    contributions: { html: { elements: { name: string; attributes: { name: string }[]; js?: { events?: { name: string }[]; properties?: { name: string }[] } }[] } };
  };

  for (const e of elements) {
    const attributes = (e.attributes ?? []).map((a) => a.name);
    const properties = (e.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.privacy && !m.readonly).map((m) => m.name);
    const events = (e.events ?? []).map((v) => v.name);

    it(`<${e.tag}> in src/frameworks/elements.ts (React JSX and Vue typings)`, () => {
      const row = (name: string) => table.split('\n').find((line) => line.startsWith(`  '${e.tag}': `) && line.includes(name)) ?? '';
      for (const p of properties) assert.ok(row(`'${p}'`), `${e.tag} property ${p}`);
      for (const a of attributes) assert.ok(row(`'${a}':`) || row(` ${a}:`), `${e.tag} attribute ${a}`);
      for (const v of events) assert.ok(row(`'${v}':`), `${e.tag} event ${v}`);
    });
    // The debugging panel has no wrapper: `juzi-elements/react` must not carry it (or its ?juzi-debug=1 mount) into every React app.
    if (e.tag === 'juzi-devtools') {
      it(`<${e.tag}> has no wrapper, and src/frameworks/react.ts loads nothing of it`, () => {
        assert.ok(!react.includes(pascal(e.tag)));
        assert.doesNotMatch(react, /^import .*devtools/m);
      });
    } else {
      it(`<${e.tag}> in src/frameworks/react.ts (wrappers)`, () => {
        assert.ok(react.includes(`export const ${pascal(e.tag)} = createComponent({\n  tagName: '${e.tag}',`));
        for (const v of events) assert.ok(react.includes(`on${pascal(v)}: '${v}'`), `${e.tag} event ${v}`);
      });
    }
    it(`<${e.tag}> in dist/vscode.html-custom-data.json`, () => {
      const tag = html.tags.find((t) => t.name === e.tag);
      assert.ok(tag);
      assert.deepEqual(attributes.filter((a) => !tag.attributes.some((t) => t.name === a)), []);
      assert.deepEqual((e.cssProperties ?? []).filter((p) => !css.properties.some((c) => c.name === p.name)), []);
    });
    it(`<${e.tag}> in dist/web-types.json`, () => {
      const element = webTypes.contributions.html.elements.find((t) => t.name === e.tag);
      assert.ok(element);
      assert.deepEqual(attributes.filter((a) => !element.attributes.some((t) => t.name === a)), []);
      assert.deepEqual(events.filter((v) => !element.js?.events?.some((t) => t.name === v)), []);
    });
  }

  it('editors offer the values of attributes typed by an alias, and free text for list attributes', () => {
    const values = (tag: string, name: string) =>
      html.tags.find((t) => t.name === tag)?.attributes.find((a) => a.name === name) as { values?: { name: string }[] } | undefined;
    const offered = (tag: string, name: string) => (values(tag, name)?.values ?? []).map((v) => v.name).sort();
    assert.deepEqual(offered('juzi-auth', 'mode'), ['redirect', 'sidebar']);
    assert.deepEqual(offered('juzi-send-button', 'msgtype'), ['file', 'image', 'miniprogram', 'news', 'text', 'video']);
    assert.deepEqual(offered('juzi-devtools', 'position'), ['bottom-left', 'bottom-right', 'top-left', 'top-right']);
    assert.deepEqual(offered('juzi-image-preview', 'urls'), []);
    assert.deepEqual(offered('juzi-open-chat', 'user-ids'), []);
    const webType = (tag: string, name: string) =>
      (webTypes.contributions.html.elements.find((t) => t.name === tag)?.attributes.find((a) => a.name === name) as { value?: { type?: string } })?.value?.type;
    assert.equal(webType('juzi-auth', 'mode'), "'redirect' | 'sidebar'");
  });

  it('the committed files are what the manifest makes now (`npm run manifest` rewrites them)', () => {
    execFileSync(process.execPath, ['scripts/generate.mjs', '--check'], { stdio: 'pipe' });
  });
});
