import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../electron/core/backup/online-backup';
import { listBackups } from '../../electron/core/backup/backup-files';
import { systemClock } from '../../electron/core/clock';
import { createKioskCore } from '../../electron/core/kiosk-core';
import { kioskSigningKey } from '../../electron/core/payments/receipts/kiosk-signing-key';
import { readKeyFile } from '../../electron/core/secrets/database-key';
import { rekeyDatabase } from '../../electron/core/secrets/rekey';
import { readSealedSecrets } from '../../electron/core/secrets/sealed-secrets';
import { LocalSettings } from '../../electron/core/settings/local-settings';

const root = path.resolve(import.meta.dirname, '../..');

let base: string;
let dataDir: string;
let keyFile: string;
beforeEach(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'kiosk-secrets-'));
  dataDir = path.join(base, 'data');
  mkdirSync(dataDir);
  mkdirSync(path.join(base, 'keys'), { mode: 0o700 });
  keyFile = path.join(base, 'keys', 'database.key');
  writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ mode: 'production', databaseKeyFile: keyFile }));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

/** `npm run secrets -- …`, with `input` on standard input. */
function secrets(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'electron/host/secrets-cli.ts', ...args, '--data-dir', dataDir], { cwd: root }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
    child.stdin!.end(input);
  });
}

const opensWith = (file: string, key: Buffer | undefined) => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (key) db.pragma(`hexkey='${key.toString('hex')}'`);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
};

/** A production kiosk's database with its signing key made, and one backup; returns the public key. */
async function productionDatabase(): Promise<string> {
  const key = readKeyFile(keyFile);
  const core = createKioskCore({ databaseFile: path.join(dataDir, 'kiosk.sqlite'), databaseKey: key, settings: { mode: 'production' } });
  try {
    const { publicKeyPem } = kioskSigningKey(core.context.local);
    await backupDatabase(core.context.db, { dir: path.join(dataDir, 'backups'), keep: 3, clock: systemClock });
    return publicKeyPem;
  } finally {
    await core.close();
  }
}

describe('npm run secrets', () => {
  it('seals a secret read from standard input, making the key file (mode 600) the first time; lists names, never values', async () => {
    const set = await secrets(['set', 'sync.kioskToken'], 'hub-token-1234567890\n');
    expect(set).toMatchObject({ code: 0 });
    expect(set.stdout).toContain(`Made a new database key in ${keyFile}`);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(dataDir, 'secrets.sealed'), 'utf8')).not.toContain('hub-token-1234567890');
    expect(readSealedSecrets(dataDir, readKeyFile(keyFile))).toEqual({ 'sync.kioskToken': 'hub-token-1234567890' });

    await secrets(['set', 'mpesa.passkey'], 'passkey-abc');
    const list = await secrets(['list']);
    expect(list.stdout.trim().split('\n').sort()).toEqual(['mpesa.passkey', 'sync.kioskToken']);
    expect(list.stdout).not.toContain('hub-token');

    expect(await secrets(['set', 'mpesa.shortcode'], '174379')).toMatchObject({ code: 2, stderr: expect.stringContaining('needs the name of a secret') });
    expect(await secrets(['set', 'mpesa.passkey'], '')).toMatchObject({ code: 2, stderr: expect.stringContaining('no value for mpesa.passkey') });
  }, 60_000);

  it('rotates the key: database, replica, backups and secrets re-sealed; the old key opens nothing; the signing key survives', async () => {
    await secrets(['set', 'sync.kioskToken'], 'hub-token-1234567890');
    const publicKeyPem = await productionDatabase();
    const oldKey = readKeyFile(keyFile);
    const files = [path.join(dataDir, 'kiosk.sqlite'), path.join(dataDir, 'kiosk.sqlite-replica', '000001.sqlite'), ...listBackups(path.join(dataDir, 'backups'))];
    expect(files.every((file) => opensWith(file, oldKey))).toBe(true);

    const rotation = await secrets(['rotate-key']);
    expect(rotation).toMatchObject({ code: 0, stdout: expect.stringContaining('Re-sealed 3 files') });
    const newKey = readKeyFile(keyFile);
    expect(newKey.equals(oldKey)).toBe(false);
    expect(existsSync(`${keyFile}.next`)).toBe(false);
    for (const file of files) expect({ file, old: opensWith(file, oldKey), new: opensWith(file, newKey) }).toEqual({ file, old: false, new: true });
    expect(readSealedSecrets(dataDir, newKey)).toEqual({ 'sync.kioskToken': 'hub-token-1234567890' });
    const core = createKioskCore({ databaseFile: files[0]!, databaseKey: newKey, settings: { mode: 'production' } });
    try {
      expect(kioskSigningKey(core.context.local).publicKeyPem).toBe(publicKeyPem);
    } finally {
      await core.close();
    }
  }, 90_000);

  it('completes a rotation cut short after some files took the new key', async () => {
    await secrets(['set', 'sync.kioskToken'], 'hub-token-1234567890');
    const publicKeyPem = await productionDatabase();
    const oldKey = readKeyFile(keyFile);
    // As a crash would leave it: the next key written, the database re-sealed, nothing else.
    const nextKey = Buffer.alloc(32, 7);
    writeFileSync(`${keyFile}.next`, nextKey.toString('hex'), { mode: 0o600 });
    rekeyDatabase(path.join(dataDir, 'kiosk.sqlite'), oldKey, nextKey);

    expect(await secrets(['rotate-key'])).toMatchObject({ code: 0 });
    expect(readKeyFile(keyFile).equals(nextKey)).toBe(true);
    for (const file of listBackups(path.join(dataDir, 'backups'))) expect(opensWith(file, nextKey)).toBe(true);
    expect(readSealedSecrets(dataDir, nextKey)).toEqual({ 'sync.kioskToken': 'hub-token-1234567890' });
    const local = new Database(path.join(dataDir, 'kiosk.sqlite'));
    local.pragma(`hexkey='${nextKey.toString('hex')}'`);
    try {
      expect(new LocalSettings(local).get('receipts.signing.privateKeyPem')).toMatch(/^sealed:v1:/);
    } finally {
      local.close();
    }
    const core = createKioskCore({ databaseFile: path.join(dataDir, 'kiosk.sqlite'), databaseKey: nextKey, settings: { mode: 'production' } });
    try {
      expect(kioskSigningKey(core.context.local).publicKeyPem).toBe(publicKeyPem);
    } finally {
      await core.close();
    }
  }, 90_000);
});
