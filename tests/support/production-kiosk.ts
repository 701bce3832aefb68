import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newDatabaseKey, writeKeyFile, type DatabaseKey } from '../../electron/core/secrets/database-key';
import { writeSealedSecrets } from '../../electron/core/secrets/sealed-secrets';
import type { SecretValues } from '../../electron/core/secrets/secret-settings';

const root = path.resolve(import.meta.dirname, '../..');

/** Secrets of a production kiosk under test: none is a demo value, each easy to find with `strings`. */
export const PRODUCTION_SECRETS = {
  'sync.kioskToken': 'kiosk-token-7f3a9c1e5b2d4f6a8c0e',
  'mpesa.consumerSecret': 'daraja-consumer-secret-2b4d6f8h',
  'mpesa.passkey': 'daraja-passkey-9z8y7x6w5v4u3t2s1r',
  'sms.africasTalking.apiKey': 'atsk_live_api_key_0a1b2c3d4e5f',
  'email.sendgrid.apiKey': 'SG.sendgrid-api-key-5e6f7g8h9i',
} as const satisfies SecretValues;

/** Settings a production kiosk may start with (its secrets sealed apart), pointing at `hubUrl`. */
export function productionSettings(hubUrl: string, keyFile: string): Record<string, unknown> {
  return {
    mode: 'production',
    databaseKeyFile: keyFile,
    sync: { hubUrl },
    mpesa: { baseUrl: 'https://api.safaricom.co.ke', consumerKey: 'huduma-live-consumer-key', shortcode: '600977', callbackUrl: 'https://backoffice.example.go.ke/mpesa/v1/stk-callback' },
    sms: { provider: 'africastalking', africasTalking: { username: 'huduma-kiosks' } },
    email: { provider: 'sendgrid', sendgrid: { fromEmail: 'kiosk@example.go.ke' } },
    // A kiosk without a printer: nothing here answers on a printer's port.
    printer: { transport: 'none' },
  };
}

export interface ProductionFolders {
  root: string;
  dataDir: string;
  keyFile: string;
  key: DatabaseKey;
}

/** A data folder with its settings and sealed secrets, and a key file outside it. */
export function productionFolders(settings: (keyFile: string) => Record<string, unknown>, secrets: SecretValues = PRODUCTION_SECRETS): ProductionFolders {
  const base = mkdtempSync(path.join(os.tmpdir(), 'kiosk-production-'));
  const dataDir = path.join(base, 'data');
  const keyDir = path.join(base, 'keys');
  mkdirSync(dataDir, { mode: 0o700 });
  mkdirSync(keyDir, { mode: 0o700 });
  const keyFile = path.join(keyDir, 'kiosk-database.key');
  const key = newDatabaseKey();
  writeKeyFile(keyFile, key);
  writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify(settings(keyFile), null, 2), { mode: 0o600 });
  if (Object.keys(secrets).length > 0) writeSealedSecrets(dataDir, key, secrets);
  chmodSync(keyFile, 0o600);
  return { root: base, dataDir, keyFile, key };
}

/** Every file under `dir` with its size and modification time: what "nothing written" compares. */
export function folderSnapshot(dir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const stat = statSync(path.join(dir, name));
    entries[name] = stat.isDirectory() ? 'dir' : `${stat.size}@${stat.mtimeMs}`;
  }
  return entries;
}

export interface HostRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the browser host's CLI until it exits (a refused start) or says it is ready (then stops it). */
export function runHost(args: string[], env: NodeJS.ProcessEnv = {}): Promise<HostRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/cli.ts', '--port', '0', '--renderer-dir', path.join(root, 'tests/support/renderer-stub'), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (stdout.includes('Kiosk ready')) child.kill('SIGTERM');
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // 'close', not 'exit': the process may exit before its last output has been read.
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}
