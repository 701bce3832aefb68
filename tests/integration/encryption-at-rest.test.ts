import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openSqliteFile } from '@shared/node/sqlite/open-sqlite';
import { isPlaintextSqliteFile } from '@shared/node/sqlite/plaintext';
import type { AuditChainCheck } from '../../electron/core/audit/audit-chain';
import { checkDatabaseFile } from '../../electron/core/backup/integrity';
import { backupDatabase } from '../../electron/core/backup/online-backup';
import { restoreDatabase } from '../../electron/core/backup/restore';
import { manualClock } from '../../electron/core/clock';
import { openDatabase } from '../../electron/core/db/open';
import { attachedReplicaFile } from '../../electron/core/db/replica-attachment';
import { replicaFolder } from '../../electron/core/db/replica-files';
import { databaseFileOf, runHeavyJob } from '../../electron/core/heavy-job-runner';
import { newDatabaseKey, type DatabaseKey } from '../../electron/core/secrets/database-key';
import { rekeyBackups, rekeyDatabase } from '../../electron/core/secrets/rekey';
import { seedDemoData } from '../../electron/demo/generate';
import { fastSyncSettings } from '../support/fast-sync-settings';
import { hubReplicaRows, kioskReplicaRows } from '../support/replica-compare';
import { accepted, tempKiosk, type TempKiosk } from '../support/temp-kiosk';
import { startTestHub, type TestHub } from '../support/test-hub';

/** Jane Wanjiru Kamau among the hub's demo citizens (seed 7): what a thief with the disk must not read. */
const JANE_ID_NUMBER = '12345678';
const JANE_PHONE = '+254712345457';
const SECRETS = [JANE_ID_NUMBER, JANE_PHONE, JANE_PHONE.slice(4)];

/** What opening `file` with `key` says: 'opens', or SQLite's error code. */
function opening(file: string, key: DatabaseKey | undefined): string {
  const db = openSqliteFile(file, { key, readonly: true, fileMustExist: true });
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return 'opens';
  } catch (error) {
    return (error as { code: string }).code;
  } finally {
    db.close();
  }
}

/** Like `strings FILE | grep`: which of the secrets appear in the raw bytes of these files. */
function secretsIn(files: string[]): string[] {
  return SECRETS.filter((secret) => files.some((file) => readFileSync(file).includes(Buffer.from(secret, 'utf8'))));
}

/** The kiosk database, its WAL, and every replica file and WAL that exist. */
function kioskFiles(databaseFile: string): string[] {
  const folder = replicaFolder(databaseFile);
  const replicas = readdirSync(folder).map((name) => path.join(folder, name));
  return [databaseFile, `${databaseFile}-wal`, ...replicas].filter((file) => existsSync(file) && !file.endsWith('-shm'));
}

describe('data at rest', () => {
  let hub: TestHub;
  let kiosk: TempKiosk;
  const key = newDatabaseKey();

  beforeEach(async () => {
    hub = await startTestHub({ seedCitizens: 300 });
    // The replica arrives the production way: downloaded by the loader's thread into its own sealed files.
    kiosk = tempKiosk({ databaseKey: key, settings: fastSyncSettings(hub.url, await hub.addKiosk('kiosk-sealed')) });
    await vi.waitFor(() => expect(kioskReplicaRows(kiosk.core.context.db)).toEqual(hubReplicaRows(hub.store.db)), { timeout: 20_000, interval: 50 });
  });
  afterEach(async () => {
    await kiosk.dispose();
    await hub.close();
  });

  it('seals the kiosk database, its replica and its backups: without the key nothing opens, and no citizen is readable in the bytes', async () => {
    await accepted(kiosk, 'visit.start', { locale: 'en' });
    expect(await accepted(kiosk, 'lookup.search', { kind: 'idNumber', value: JANE_ID_NUMBER })).toMatchObject({ outcome: 'found' });
    const backups = path.join(kiosk.dir, 'backups');
    const { file: backup } = await backupDatabase(kiosk.core.context.db, { dir: backups, keep: 3, clock: manualClock('2026-11-22T23:30:00Z') });
    // The heavy jobs open the sealed file on a thread of their own, with the key.
    expect(await runHeavyJob<AuditChainCheck>('verifyAuditChain', databaseFileOf(kiosk.core.context.db))).toMatchObject({ intact: true });

    const replica = attachedReplicaFile(kiosk.core.context.db);
    const files = kioskFiles(kiosk.databaseFile);
    expect(files).toContain(replica);
    expect(files).toContain(`${kiosk.databaseFile}-wal`);
    for (const file of [kiosk.databaseFile, replica, backup]) {
      expect(isPlaintextSqliteFile(file), file).toBe(false);
      expect(opening(file, undefined), file).toBe('SQLITE_NOTADB');
      expect(opening(file, newDatabaseKey()), file).toBe('SQLITE_NOTADB');
      expect(opening(file, key), file).toBe('opens');
    }
    expect(secretsIn([...files, backup])).toEqual([]);
    expect(checkDatabaseFile(backup)).toMatchObject({ ok: false });
    expect(checkDatabaseFile(backup, key)).toMatchObject({ ok: true });
  });

  it('re-seals the database, its replica and its backups with a new key; the old one then opens none of them', async () => {
    const backups = path.join(kiosk.dir, 'backups');
    const { file: backup } = await backupDatabase(kiosk.core.context.db, { dir: backups, keep: 3, clock: manualClock('2026-11-22T23:30:00Z') });
    await kiosk.core.close();
    const newKey = newDatabaseKey();
    // The loader's thread lets go of its replica files just after the core closes, and a rekey needs
    // each file to itself: run again until it has, as the rotation command may be.
    await vi.waitFor(() => rekeyDatabase(kiosk.databaseFile, key, newKey), { timeout: 10_000, interval: 100 });
    expect(rekeyBackups(backups, key, newKey)).toEqual([backup]);

    const databases = kioskFiles(kiosk.databaseFile).filter((file) => !file.endsWith('-wal'));
    expect(databases.length).toBeGreaterThan(1);
    for (const file of [...databases, backup]) {
      expect(opening(file, key), file).toBe('SQLITE_NOTADB');
      expect(opening(file, newKey), file).toBe('opens');
    }
    const reopened = openDatabase(kiosk.databaseFile, newKey);
    expect(reopened.prepare('SELECT count(*) AS n FROM citizens WHERE id_number = ?').get(JANE_ID_NUMBER)).toEqual({ n: 1 });
    reopened.close();
    // A backup restores with the key it is sealed with, and not with another.
    expect(restoreDatabase(backup, kiosk.databaseFile, key)).toMatchObject({ ok: false });
    expect(restoreDatabase(backup, kiosk.databaseFile, newKey)).toMatchObject({ ok: true });
    expect(opening(kiosk.databaseFile, newKey)).toBe('opens');
  });
});

describe('a demo database without a key', () => {
  it('stays plaintext, and the byte scan above would find its citizens', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-plain-'));
    try {
      const file = path.join(dir, 'kiosk.sqlite');
      const db = openDatabase(file);
      seedDemoData(db, { citizens: 300, seed: 7, now: new Date('2026-11-22T06:00:00Z') });
      db.close();
      expect(isPlaintextSqliteFile(file)).toBe(true);
      expect(opening(file, undefined)).toBe('opens');
      expect(secretsIn(kioskFiles(file))).toEqual(SECRETS);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
