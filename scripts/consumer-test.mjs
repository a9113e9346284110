#!/usr/bin/env node
// The package as users get it (after `npm run build`): `npm pack`, then the tarball installed
// from the registry's neighbours into two scratch projects in a temp dir, type-checked and
// built for production:
//   React 19 + TypeScript: the wrappers of juzi-elements/react, the tags in JSX, a per-tag entry
//   Vue 3.5 + vue-tsc:    GlobalComponents typings, a template ref typed as the element
// Each project also holds deliberate mistakes that must be refused (`@ts-expect-error`,
// `@vue-expect-error`). Needs the npm registry (or a warm npm cache). Exits 1 on any failure.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
/** The versions this repo is tested with, so the scratch projects match them. */
const pinned = (name) => lock.packages[`node_modules/${name}`].version;
const work = mkdtempSync(join(tmpdir(), 'juzi-consumer-'));
const keep = process.argv.includes('--keep');
const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });

/** The dependencies of every project: one install at the top serves both folders. */
const dependencies = {};
function project(name, deps, files) {
  const dir = join(work, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  Object.assign(dependencies, deps);
  return dir;
}
const step = (what) => console.log(`\n== ${what} (${Math.round((Date.now() - started) / 1000)} s)`);

const started = Date.now();
try {
  step('npm pack');
  const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  const tarball = join(work, filename);
  const common = { 'juzi-elements': `file:${tarball}`, typescript: pinned('typescript'), vite: pinned('vite') };

  const react = project(
    'react-app',
    { ...common, react: pinned('react'), 'react-dom': pinned('react-dom'), '@types/react': pinned('@types/react'), '@types/react-dom': pinned('@types/react-dom') },
    {
      'tsconfig.json': JSON.stringify({
        compilerOptions: { target: 'es2022', module: 'esnext', moduleResolution: 'bundler', jsx: 'react-jsx', strict: true, noEmit: true, skipLibCheck: false, lib: ['es2022', 'dom', 'dom.iterable'], types: [] },
        include: ['src'],
      }),
      'index.html': '<!doctype html><html><body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>',
      'src/main.tsx': `import { createRoot } from 'react-dom/client';
import { JuziChatInfo, JuziSendButton } from 'juzi-elements/react';
import type { JuziErrorEvent } from 'juzi-elements';

function App() {
  return (
    <main>
      <JuziChatInfo fields="name" onJuziChatChange={(e) => console.log(e.detail.chat.name)} />
      <JuziSendButton message={{ msgtype: 'text', text: { content: '你好' } }} onJuziSent={(e) => console.log(e.detail.message.msgtype)} ref={(el) => void el?.send} />
      <juzi-send-button content="你好" img-url="https://example.com/a.png" onjuzi-sent={(e) => console.log(e.detail.message)} />
      <juzi-auth mode="sidebar" onjuzi-auth-success={(e) => console.log(e.detail.user.name)} />
      {/* @ts-expect-error onJuziSent gets the sent event */}
      <JuziSendButton onJuziSent={(e: JuziErrorEvent) => e.detail.error} />
      {/* @ts-expect-error the mode is redirect or sidebar */}
      <juzi-auth mode="bogus" />
    </main>
  );
}
createRoot(document.getElementById('root')!).render(<App />);
`,
      'src/one-tag.ts': `import 'juzi-elements/send-button';
const button = document.querySelector('juzi-send-button')!;
button.addEventListener('juzi-sent', (e) => console.log(e.detail.message.msgtype));
export const sending: Promise<boolean> = button.send();
`,
    },
  );

  const vue = project(
    'vue-app',
    { ...common, vue: pinned('vue'), 'vue-tsc': '3.3.14', '@vitejs/plugin-vue': '6.0.11' },
    {
      'tsconfig.json': JSON.stringify({
        compilerOptions: { target: 'es2022', module: 'esnext', moduleResolution: 'bundler', strict: true, noEmit: true, jsx: 'preserve', lib: ['es2022', 'dom', 'dom.iterable'], types: [] },
        include: ['src/**/*.ts', 'src/**/*.vue'],
      }),
      'vite.config.ts': `import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
export default defineConfig({ plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('juzi-') } } })] });
`,
      'index.html': '<!doctype html><html><body><div id="app"></div><script type="module" src="/src/main.ts"></script></body></html>',
      'src/env.d.ts': `declare module '*.vue' { import type { DefineComponent } from 'vue'; const c: DefineComponent; export default c; }\n`,
      'src/main.ts': `import { createApp } from 'vue';
import 'juzi-elements';
import App from './App.vue';
createApp(App).mount('#app');
`,
      'src/App.vue': `<script setup lang="ts">
import { useTemplateRef } from 'vue';
import type {} from 'juzi-elements/vue';
const button = useTemplateRef('button');
const resend = () => button.value?.send();
const onSent = (e: CustomEvent<{ message: unknown }>) => console.log(e.detail.message);
</script>
<template>
  <juzi-chat-info fields="name" @juzi-chat-change="(e) => console.log(e.detail.chat.name)" />
  <juzi-send-button ref="button" content="你好" :disabled="false" @juzi-sent="onSent" />
  <button @click="resend">again</button>
  <juzi-auth mode="sidebar" @juzi-auth-success="(e) => console.log(e.detail.user.name)" />
  <!-- @vue-expect-error the mode is redirect or sidebar -->
  <juzi-auth mode="bogus" />
  <!-- @vue-expect-error content is text -->
  <juzi-send-button :content="42" />
</template>
`,
    },
  );

  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'consumers', private: true, type: 'module', dependencies }, null, 2));
  step('npm install');
  sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], work);
  const bin = (name) => join(work, 'node_modules/.bin', name);
  step('React 19 + TypeScript: tsc');
  sh(bin('tsc'), ['-p', '.'], react);
  step('React 19 + TypeScript: vite build');
  sh(bin('vite'), ['build', '--logLevel', 'warn'], react);
  step('Vue 3.5 + vue-tsc: vue-tsc');
  sh(bin('vue-tsc'), ['-p', '.'], vue);
  step('Vue 3.5 + vue-tsc: vite build');
  sh(bin('vite'), ['build', '--logLevel', 'warn'], vue);
  console.log(`\nConsumer projects type-check and build (${Math.round((Date.now() - started) / 1000)} s).`);
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
