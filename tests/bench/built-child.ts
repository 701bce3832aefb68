import path from 'node:path';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The heavy-work bench's measured process built as the kiosk ships (`out/host`): plain
 * JavaScript, its worker threads' entries beside it, npm packages left in node_modules. Under
 * tsx each worker thread would compile its TypeScript as it starts, on the same two cores as
 * the thread being measured: a cost no kiosk pays.
 */
export async function buildMeasuredChild(): Promise<string> {
  const outDir = path.join(root, 'out/bench');
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    resolve: { alias: { '@shared': path.join(root, 'shared') } },
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node22',
      rollupOptions: {
        input: {
          'heavy-work-child': path.join(root, 'tests/bench/heavy-work-child.ts'),
          'heavy-jobs-process': path.join(root, 'electron/core/heavy-jobs-process.ts'),
          'replica-loader-worker': path.join(root, 'electron/core/sync/replica-loader-worker.ts'),
          'wal-checkpointer-worker': path.join(root, 'electron/core/db/wal-checkpointer-worker.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  });
  return path.join(outDir, 'heavy-work-child.js');
}
