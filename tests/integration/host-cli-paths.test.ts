import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-cli-paths-'));

afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('the browser host (as `npm run demo` and `npm run kiosk:web` start it) says where its data, database and printed receipts are', async () => {
  const database = path.join(dir, 'kiosk.sqlite');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/host/cli.ts', '--port', '0', '--data-dir', dir, '--database', database, '--renderer-dir', path.join(root, 'tests/support/renderer-stub')],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  try {
    await expect.poll(() => stdout, { timeout: 20_000, interval: 100 }).toContain('Kiosk ready');
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  expect(stdout).toContain(`Data folder: ${dir}\n`);
  expect(stdout).toContain(`Database: ${database}\n`);
  expect(stdout).toContain(`Receipts: printed receipts as ESC/POS files in ${path.join(dir, 'printed-receipts')}\n`);
}, 30_000);
