import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

// `npm start` serves demo/ against the simulated host; `npm run build` writes the
// library entry points to dist/.
export default defineConfig({
  root: resolve(here, 'demo'),
  server: { fs: { allow: [here] } },
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: false, // dist/types comes from tsc
    target: 'es2022',
    lib: {
      entry: {
        'juzi-elements': resolve(here, 'src/index.ts'),
        bridge: resolve(here, 'src/bridge/index.ts'),
        dev: resolve(here, 'src/dev/index.ts'),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^lit/, /^@lit\//, /^zod/],
      output: { minify: true },
    },
  },
});
