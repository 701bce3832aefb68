import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootKiosk, type BootedKiosk } from '../../electron/boot/boot-kiosk';
import { StartRefused } from '../../electron/boot/production-start';
import { forkHeavyJobsProcess, heavyJobsProcessPid, runHeavyJob, startHeavyJobsWith } from '../../electron/core/heavy-job-runner';
import { createKioskCore } from '../../electron/core/kiosk-core';
import { isReplicaReady } from '../../electron/core/db/replica-attachment';
import { hostDatabaseKey } from '../../electron/host/host-database-key';
import { DEMO_PEOPLE } from '../../electron/demo/demo-people';
import { fastSyncSettings } from '../support/fast-sync-settings';
import { isRunning } from '../support/process-state';
import { PRODUCTION_SECRETS, productionFolders, productionSettings, type ProductionFolders } from '../support/production-kiosk';
import { startTestHub, type TestHub } from '../support/test-hub';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

let hub: TestHub | undefined;
let kiosk: BootedKiosk | undefined;
let folders: ProductionFolders | undefined;
afterEach(async () => {
  await kiosk?.close();
  await hub?.close();
  if (folders) rmSync(folders.root, { recursive: true, force: true });
  [hub, kiosk, folders] = [undefined, undefined, undefined];
});

/** Every file under `dir`, read whole: what `strings` would be run on. */
function everyFile(dir: string): Array<{ file: string; bytes: Buffer }> {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile())
    .map((file) => ({ file, bytes: readFileSync(file) }));
}

async function startProductionKiosk(): Promise<{ kiosk: BootedKiosk; folders: ProductionFolders; stored: unknown }> {
  hub = await startTestHub({ seedCitizens: 300 });
  const token = await hub.addKiosk('kiosk-production');
  // The token is sealed apart: a production settings file holds no secret.
  const sync: Record<string, unknown> = { ...fastSyncSettings(hub.url, '').sync };
  delete sync.kioskToken;
  folders = productionFolders((keyFile) => ({ ...productionSettings(hub!.url, keyFile), sync }), { ...PRODUCTION_SECRETS, 'sync.kioskToken': token });
  const stored: unknown = JSON.parse(readFileSync(path.join(folders.dataDir, 'config.json'), 'utf8'));
  kiosk = await bootKiosk({ dataDir: folders.dataDir, storedSettings: stored, logName: 'host.log', version: 'test', databaseKey: hostDatabaseKey(stored, folders.dataDir) });
  return { kiosk, folders, stored };
}

describe('a production kiosk', () => {
  it('starts empty, fills from the back office, answers, and keeps every file sealed', async () => {
    const { kiosk: started, folders } = await startProductionKiosk();
    const db = started.core.context.db;
    await vi.waitFor(() => expect(isReplicaReady(db)).toBe(true), { timeout: 30_000, interval: 50 });
    expect(started.core.context.settings.mode).toBe('production');
    // Its heavy-jobs process was started with it, before any job, and ends with it.
    const heavyJobs = heavyJobsProcessPid()!;
    expect(isRunning(heavyJobs)).toBe(true);

    const jane = DEMO_PEOPLE.find((person) => person.idNumber === '12345678')!;
    expect(await started.core.invoke('visit.start', { locale: 'en' })).toMatchObject({ ok: true });
    expect(await started.core.invoke('lookup.search', { kind: 'idNumber', value: jane.idNumber })).toMatchObject({ ok: true, value: { outcome: 'found' } });
    await run(process.execPath, ['--import', 'tsx', 'electron/core/backup/backup-cli.ts', 'backup', '--db', started.databaseFile, '--dir', path.join(folders.dataDir, 'backups'), '--key-file', folders.keyFile], { cwd: root });
    await started.close();
    kiosk = undefined;
    await vi.waitFor(() => expect(isRunning(heavyJobs)).toBe(false), { timeout: 10_000, interval: 50 });

    const files = everyFile(folders.dataDir);
    const names = files.map(({ file }) => path.relative(folders.dataDir, file));
    expect(names).toEqual(expect.arrayContaining(['config.json', 'secrets.sealed', 'kiosk.sqlite', expect.stringMatching(/^backups\/.+\.sqlite$/), expect.stringMatching(/^kiosk\.sqlite-replica\/\d{6}\.sqlite$/)]));
    const phone = jane.phone!.replace('+254', '');
    const needles = [jane.idNumber, phone, jane.passportNumber!, ...Object.values(PRODUCTION_SECRETS)];
    for (const { file, bytes } of files) {
      for (const needle of needles) expect({ file, found: bytes.includes(needle) }).toEqual({ file, found: false });
    }

    // Without the key nothing opens: not the database, its replica, nor a backup.
    for (const file of files.filter(({ file }) => file.endsWith('.sqlite')).map(({ file }) => file)) {
      expect(() => new Database(file, { readonly: true }).prepare('SELECT count(*) FROM sqlite_master').get(), file).toThrow(/file is not a database/);
    }
  }, 90_000);

  it('still starts and answers when its heavy-jobs process cannot start, and says why at the first heavy job', async () => {
    await vi.waitFor(() => expect(heavyJobsProcessPid()).toBeUndefined(), { timeout: 10_000, interval: 50 });
    startHeavyJobsWith(() => {
      throw new Error('no utility process today');
    });
    try {
      const { kiosk: started } = await startProductionKiosk();
      await vi.waitFor(() => expect(isReplicaReady(started.core.context.db)).toBe(true), { timeout: 30_000, interval: 50 });
      expect(await started.core.invoke('visit.start', { locale: 'en' })).toMatchObject({ ok: true });
      expect(await started.core.invoke('lookup.search', { kind: 'idNumber', value: '12345678' })).toMatchObject({ ok: true, value: { outcome: 'found' } });
      await expect(runHeavyJob('verifyAuditChain', { file: started.databaseFile })).rejects.toThrow('no utility process today');
    } finally {
      startHeavyJobsWith(forkHeavyJobsProcess);
    }
  }, 90_000);

  it('is never opened in demo mode once it exists', async () => {
    const { folders } = await startProductionKiosk();
    await kiosk!.close();
    kiosk = undefined;
    const refusal = await bootKiosk({ dataDir: folders.dataDir, storedSettings: {}, logName: 'host.log', version: 'test' }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StartRefused);
    expect((refusal as Error).message).toContain("is a production kiosk's database (encrypted): it does not open in demo mode");
  }, 60_000);

  it('records the mode that made its database: a database made in demo mode never runs in production, even encrypted', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-mode-'));
    try {
      const databaseFile = path.join(dir, 'kiosk.sqlite');
      const key = Buffer.alloc(32, 3);
      createKioskCore({ databaseFile, databaseKey: key, settings: {} }).close();
      expect(() => createKioskCore({ databaseFile, databaseKey: key, settings: { mode: 'production' } })).toThrow('this database was made by a demo kiosk and does not run in production mode');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
