import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';

/** `@shared/…` is `shared/…` from anywhere (tsconfig.base.json says the same for TypeScript). */
const resolveShared = { alias: { '@shared': resolve(import.meta.dirname, 'shared') } };

export default defineConfig({
  main: {
    resolve: resolveShared,
    build: {
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          // Entries of the worker threads and of the heavy-jobs process, each its own file beside index.js (see electron/core/worker-script.ts).
          'heavy-jobs-process': resolve(import.meta.dirname, 'electron/core/heavy-jobs-process.ts'),
          'replica-loader-worker': resolve(import.meta.dirname, 'electron/core/sync/replica-loader-worker.ts'),
          'wal-checkpointer-worker': resolve(import.meta.dirname, 'electron/core/db/wal-checkpointer-worker.ts'),
        },
        // Shared chunks beside the entries, not in chunks/: a worker's entry is found beside
        // the file its starter is bundled into, whichever that is.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    resolve: resolveShared,
    build: {
      // A sandboxed preload must be a single CommonJS script.
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [vue()],
    resolve: resolveShared,
    build: {
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});
