import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

/** The back office's console (hub/console), built into out/console/ for the hub to serve at /console/. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'hub/console'),
  base: '/console/',
  plugins: [vue()],
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  build: {
    outDir: resolve(import.meta.dirname, 'out/console'),
    emptyOutDir: true,
    // No inline module-preload polyfill: the console's CSP admits only its own script files.
    modulePreload: { polyfill: false },
    target: 'es2022',
  },
});
