import { chmodSync, copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, describe, expect, it } from 'vitest';
import { isPlaintextSqliteFile } from '../../shared/node/sqlite/plaintext';
import { openDatabase } from '../../electron/core/db/open';
import { folderSnapshot, PRODUCTION_SECRETS, productionFolders, productionSettings, runHost, type ProductionFolders } from '../support/production-kiosk';

const HUB = 'http://127.0.0.1:9'; // nothing answers: a refused start never gets as far as syncing
const made: ProductionFolders[] = [];
afterAll(() => made.forEach((folders) => rmSync(folders.root, { recursive: true, force: true })));

type Settings = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface RefusalCase {
  what: string;
  change?: (settings: Settings, folders: { keyFile: string }) => void;
  secrets?: Partial<typeof PRODUCTION_SECRETS>;
  /** Something more in the folders before the start. */
  prepare?: (folders: ProductionFolders) => void;
  args?: string[];
  says: string;
}

const withoutToken = Object.fromEntries(Object.entries(PRODUCTION_SECRETS).filter(([name]) => name !== 'sync.kioskToken'));

const cases: RefusalCase[] = [
  { what: 'no hub address', change: (s) => delete s.sync.hubUrl, says: 'sync.hubUrl is missing' },
  { what: 'a hub over plain http on another machine', change: (s) => (s.sync.hubUrl = 'http://backoffice.example.go.ke'), says: 'sync.hubUrl must be an https:// address' },
  { what: 'no kiosk token', secrets: withoutToken, says: 'sync.kioskToken is missing' },
  { what: 'the Daraja simulator', change: (s) => ((s.mpesa.simulator = true), delete s.mpesa.baseUrl), says: 'mpesa.simulator is not allowed in production' },
  { what: 'no M-Pesa provider', change: (s) => delete s.mpesa.baseUrl, says: 'mpesa.baseUrl is missing' },
  { what: "Daraja's sandbox", change: (s) => (s.mpesa.baseUrl = 'https://sandbox.safaricom.co.ke'), says: 'mpesa.baseUrl https://sandbox.safaricom.co.ke is not allowed in production' },
  { what: "the demo's Daraja credentials", change: (s) => delete s.mpesa.consumerKey, says: 'mpesa.consumerKey is not allowed in production' },
  { what: 'the card terminal simulator', change: (s) => (s.card = { simulator: true }), says: 'card.simulator is not allowed in production' },
  { what: 'the SMS simulator', change: (s) => (s.sms = { provider: 'simulator' }), says: 'sms.provider simulator is not allowed in production' },
  { what: "Africa's Talking's sandbox", change: (s) => (s.sms.africasTalking.username = 'sandbox'), says: 'sms.africasTalking.username sandbox is not allowed in production' },
  { what: 'the email simulator', change: (s) => (s.email = { provider: 'simulator' }), says: 'email.provider simulator is not allowed in production' },
  { what: 'the printer simulator', change: (s) => (s.printer = { transport: 'file' }), says: 'printer.transport file is not allowed in production' },
  { what: 'a secret in the settings file', change: (s) => (s.mpesa.consumerSecret = 'plain-secret'), says: 'mpesa.consumerSecret is written in the settings file in plain text' },
  { what: 'no database key file named', change: (s) => delete s.databaseKeyFile, says: 'databaseKeyFile is missing' },
  {
    what: 'the key file inside the data folder',
    change: (s, { keyFile }) => (s.databaseKeyFile = path.join(path.dirname(path.dirname(keyFile)), 'data', 'kiosk-database.key')),
    prepare: ({ keyFile, dataDir }) => copyFileSync(keyFile, path.join(dataDir, 'kiosk-database.key')),
    says: 'is inside the data folder',
  },
  { what: 'a key file others can read', prepare: ({ keyFile }) => chmodSync(keyFile, 0o644), says: 'is readable by others' },
  { what: 'a key file that is not a key', prepare: ({ keyFile }) => (chmodSync(keyFile, 0o600), writeFileSync(keyFile, 'password123\n')), says: 'must hold the database key as 64 hexadecimal digits' },
  { what: 'a demo database', prepare: ({ dataDir }) => openDatabase(path.join(dataDir, 'kiosk.sqlite')).close(), says: 'is a demo database (not encrypted)' },
  { what: 'the demo hub', args: ['--with-hub'], says: '--with-hub starts the demo back office' },
];

describe.concurrent('a production start is refused, with the reason and nothing written', () => {
  it.each(cases)('$what', async ({ change, secrets, prepare, args = [], says }) => {
    const folders = productionFolders((keyFile) => {
      const settings: Settings = productionSettings(HUB, keyFile);
      change?.(settings, { keyFile });
      return settings;
    }, secrets);
    made.push(folders);
    prepare?.(folders);
    const before = folderSnapshot(folders.root);

    const run = await runHost(['--data-dir', folders.dataDir, ...args]);

    expect(run.code).toBe(3);
    expect(run.stderr).toContain('This kiosk will not start in production mode');
    expect(run.stderr).toContain(says);
    expect(run.stdout).not.toContain('Kiosk ready');
    expect(folderSnapshot(folders.root)).toEqual(before);
  }, 60_000);

  it('names every problem at once', async () => {
    const folders = productionFolders((keyFile) => ({ ...productionSettings(HUB, keyFile), card: { simulator: true }, sms: { provider: 'simulator' } }), withoutToken);
    made.push(folders);
    const run = await runHost(['--data-dir', folders.dataDir]);
    expect(run.code).toBe(3);
    for (const says of ['sync.kioskToken is missing', 'card.simulator', 'sms.provider simulator']) expect(run.stderr).toContain(says);
  }, 60_000);
});

describe('a production start with everything in place', () => {
  it('runs on the key systemd hands the service, with its database encrypted from the first byte', async () => {
    const folders = productionFolders((keyFile) => {
      const settings: Settings = productionSettings(HUB, keyFile);
      delete settings.databaseKeyFile;
      return settings;
    });
    made.push(folders);
    const credentials = path.join(folders.root, 'credentials');
    mkdirSync(credentials, { mode: 0o700 });
    copyFileSync(folders.keyFile, path.join(credentials, 'kiosk-database-key'));

    const run = await runHost(['--data-dir', folders.dataDir], { CREDENTIALS_DIRECTORY: credentials });

    expect(run.stderr).not.toContain('will not start');
    expect(run.stdout).toContain('Kiosk ready');
    expect(run.stdout).not.toContain('Demo mode');
    const database = path.join(folders.dataDir, 'kiosk.sqlite');
    expect(existsSync(database) && !isPlaintextSqliteFile(database)).toBe(true);
    expect(() => new Database(database, { readonly: true }).prepare('SELECT count(*) FROM sqlite_schema').get()).toThrow(/file is not a database/);
  }, 60_000);
});

