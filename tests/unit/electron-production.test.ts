import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bootKiosk } from '../../electron/boot/boot-kiosk';
import { StartRefused } from '../../electron/boot/production-start';
import { readSealedSecrets } from '../../electron/core/secrets/sealed-secrets';
import { safeStorageDatabaseKey, SEALED_KEY_FILE_NAME } from '../../electron/main/database-key';
import { setSecretFromCommandLine } from '../../electron/main/secret-command';
import { productionSettings } from '../support/production-kiosk';

// Electron cannot run here: safeStorage is stood in for by a reversible wrapping that, like
// the OS keychain, never leaves the hex key readable in the file.
const keychain = (available = true) => ({
  isEncryptionAvailable: () => available,
  encryptString: (plain: string) => Buffer.from(`keychain:${Buffer.from(plain).reverse().toString('base64')}`),
  decryptString: (sealed: Buffer) => Buffer.from(sealed.toString().replace(/^keychain:/, ''), 'base64').reverse().toString(),
});

const dirs: string[] = [];
const userData = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'electron-userdata-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("the Electron shell's database key", () => {
  it('is made by the first --set-secret, kept only as the keychain sealed it, and the same at every start', () => {
    const dir = userData();
    expect(() => safeStorageDatabaseKey(dir, keychain(), { create: false })()).toThrow(/no database key yet: seal its secrets first with --set-secret/);
    expect(readdirSync(dir)).toEqual([]);
    const first = safeStorageDatabaseKey(dir, keychain(), { create: true })();
    const file = path.join(dir, SEALED_KEY_FILE_NAME);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain(first.toString('hex'));
    expect(safeStorageDatabaseKey(dir, keychain(), { create: false })().equals(first)).toBe(true);
  });

  it('is refused without a keychain, and nothing is written', () => {
    const dir = userData();
    expect(() => safeStorageDatabaseKey(dir, keychain(false), { create: true })()).toThrow(/keychain is not available/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('the Electron shell in production', () => {
  it('runs the same rules as the browser host: a refused start names each problem and writes nothing', async () => {
    const dir = userData();
    const stored = { ...productionSettings('https://backoffice.example.go.ke', ''), card: { simulator: true }, mpesa: { consumerSecret: 'typed-into-the-settings' } };
    const refusal = await bootKiosk({ dataDir: dir, storedSettings: stored, logName: 'kiosk.log', version: '1.0.0', databaseKey: safeStorageDatabaseKey(dir, keychain(), { create: false }) }).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(StartRefused);
    const message = (refusal as StartRefused).message;
    for (const says of ['no database key yet', 'card.simulator is not allowed', 'mpesa.consumerSecret is written in the settings file', 'mpesa.baseUrl is missing']) {
      expect(message).toContain(says);
    }
    // No key, database, log or backup folder.
    expect(readdirSync(dir)).toEqual([]);
  });

  it('seals a secret given with --set-secret, with the key the keychain keeps', () => {
    const dir = userData();
    const key = safeStorageDatabaseKey(dir, keychain(), { create: true });
    expect(setSecretFromCommandLine(['electron', '.', '--set-secret', 'sync.kioskToken'], 'token-from-the-hub\n', dir, key)).toContain('Sealed sync.kioskToken');
    expect(readSealedSecrets(dir, key())).toEqual({ 'sync.kioskToken': 'token-from-the-hub' });
    expect(readFileSync(path.join(dir, 'secrets.sealed'), 'utf8')).not.toContain('token-from-the-hub');
    expect(() => setSecretFromCommandLine(['--set-secret', 'mpesa.shortcode'], 'x', dir, key)).toThrow(/needs the name of a secret/);
    expect(() => setSecretFromCommandLine(['--set-secret', 'mpesa.passkey'], '\n', dir, key)).toThrow(/no value/);
    expect(existsSync(path.join(dir, 'secrets.sealed.partial'))).toBe(false);
  });
});
