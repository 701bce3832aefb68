import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

const at = (file: string) => resolve(import.meta.dirname, file);
const { version } = JSON.parse(readFileSync(at('package.json'), 'utf8')) as { version: string };

/**
 * The browser host's production build: plain Node ESM in out/host/, started with `node`
 * (no TypeScript compiled on a kiosk). npm packages stay external (node_modules beside out/).
 * Beside the host, the tools an operator needs on a kiosk, and the worker threads' entries,
 * which electron/core/worker-script.ts finds beside whichever file starts them.
 */
export default defineConfig({
  main: {
    resolve: { alias: { '@shared': at('shared') } },
    // Under npm the version comes from npm; a service started by systemd has no npm around it.
    define: { 'process.env.npm_package_version': JSON.stringify(version) },
    build: {
      outDir: 'out/host',
      rollupOptions: {
        input: {
          cli: at('electron/host/cli.ts'),
          'secrets-cli': at('electron/host/secrets-cli.ts'),
          'staff-cli': at('electron/core/staff-cli.ts'),
          'backup-cli': at('electron/core/backup/backup-cli.ts'),
          'audit-cli': at('electron/core/audit-cli.ts'),
          'report-cli': at('electron/core/reports/report-cli.ts'),
          'heavy-jobs-process': at('electron/core/heavy-jobs-process.ts'),
          'replica-loader-worker': at('electron/core/sync/replica-loader-worker.ts'),
          'wal-checkpointer-worker': at('electron/core/db/wal-checkpointer-worker.ts'),
        },
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
});
