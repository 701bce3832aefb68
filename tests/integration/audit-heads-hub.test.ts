import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit/audit-chain';
import { hashAuditRow, type AuditRow } from '../../electron/core/audit/audit-log';
import { createKioskCore } from '../../electron/core/kiosk-core';
import { SYNC_PATHS } from '../../shared/sync/protocol';
import { tempKiosk, type TempKiosk } from '../support/temp-kiosk';
import { startTestHub, type TestHub } from '../support/test-hub';
import { fastSyncSettings } from '../support/fast-sync-settings';

const root = path.resolve(import.meta.dirname, '../..');
const KIOSK = 'kiosk-audited';

interface HubHead {
  row_id: number;
  hash: string;
}

describe('the audit chain checked against the heads the hub holds', () => {
  let hub: TestHub;
  let token: string;
  let kiosk: TempKiosk;
  let closed = false;

  const hubHeads = () => hub.store.db.prepare<[string], HubHead>('SELECT row_id, hash FROM kiosk_audit_heads WHERE kiosk_id = ? ORDER BY row_id').all(KIOSK);
  const acknowledged = (db: Database.Database) => db.prepare<[], { row_id: number; hash: string }>('SELECT row_id, hash FROM audit_head_ack').get();
  const audited = (n: number) => {
    for (let i = 0; i < n; i++) kiosk.core.context.audit.append({ action: 'payment.paid', outcome: 'ok', actor: 'staff:2001', details: { amount: 2000 + i } });
  };
  /** Waits until the hub holds, and the kiosk has recorded as acknowledged, the head at `row`. */
  const heldAt = (row: number) =>
    vi.waitFor(
      () => {
        expect(hubHeads().at(-1)?.row_id).toBe(row);
        expect(acknowledged(kiosk.core.context.db)).toMatchObject({ row_id: row, hash: hubHeads().at(-1)?.hash });
      },
      { timeout: 10_000, interval: 20 },
    );
  const settingsFile = (name: string, hubUrl: string) => {
    const file = path.join(kiosk.dir, name);
    writeFileSync(file, JSON.stringify({ sync: { hubUrl, kioskToken: token } }));
    return file;
  };
  /** `npm run audit -- verify`, in its own process; asynchronously, as the hub answering it runs in this one. */
  const verify = (settings?: string) =>
    new Promise<{ status: number | null; stdout: string }>((resolve, reject) => {
      const args = ['verify', '--database', kiosk.databaseFile, ...(settings ? ['--settings', settings] : [])];
      const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'electron/core/audit-cli.ts', ...args], { cwd: root });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.once('error', reject);
      child.once('close', (status) => resolve({ status, stdout }));
    });
  /**
   * Someone with write access to the kiosk's database: drops the append-only triggers, edits an
   * old payment row, and recomputes every hash from there with the kiosk's own hashing code.
   */
  const rewriteRow = async (id: number) => {
    await kiosk.core.close();
    closed = true;
    const db = new Database(kiosk.databaseFile);
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    db.transaction(() => {
      const rows = db.prepare<[number], AuditRow>('SELECT * FROM audit_log WHERE id >= ? ORDER BY id').all(id);
      let prev = db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE id = ?').get(id - 1)?.hash ?? '0'.repeat(64);
      for (const row of rows) {
        const forged = { ...row, prev_hash: prev, details: row.id === id ? JSON.stringify({ amount: 1 }) : row.details };
        const hash = hashAuditRow(forged);
        db.prepare('UPDATE audit_log SET details = ?, prev_hash = ?, hash = ? WHERE id = ?').run(forged.details, forged.prev_hash, hash, row.id);
        prev = hash;
      }
    })();
    // The forgery is complete: the chain alone no longer shows it.
    expect(verifyAuditChain(db)).toMatchObject({ intact: true });
    db.close();
  };

  beforeEach(async () => {
    hub = await startTestHub();
    token = await hub.addKiosk(KIOSK);
    kiosk = tempKiosk({ settings: fastSyncSettings(hub.url, token) });
    closed = false;
    audited(5);
    kiosk.core.context.outbox.enqueue('test.counted', { n: 1 });
    await heldAt(5);
    // More rows with no event waiting: the head still goes up on its own.
    audited(5);
    await heldAt(10);
  });

  afterEach(async () => {
    if (!closed) await kiosk.core.close();
    rmSync(kiosk.dir, { recursive: true, force: true });
    await hub.close();
  });

  it('sends its head with every upload; verify matches the hub on an untouched log', async () => {
    expect(hubHeads().map((h) => h.row_id)).toEqual([5, 10]);
    const run = await verify(settingsFile('settings.json', hub.url));
    expect(run.stdout).toContain('Audit chain intact: 10 rows');
    expect(run.stdout).toContain('Matches the hub: 2 audit heads held for this kiosk, the latest at row 10.');
    expect(run.status).toBe(0);
  });

  it('catches an old row edited and the whole chain recomputed, naming the hub’s head it contradicts', async () => {
    const heads = hubHeads();
    await rewriteRow(3);
    const run = await verify(settingsFile('settings.json', hub.url));
    expect(run.stdout).toContain('Audit chain intact: 10 rows');
    expect(run.stdout).toContain(`Audit log does NOT match the hub at row 5: the hub received head ${heads[0]?.hash}`);
    expect(run.stdout).toContain('Rows 1–5 were changed after the hub saw them.');
    expect(run.status).toBe(1);
  });

  it('places a change between the hub’s heads', async () => {
    await rewriteRow(7);
    const run = await verify(settingsFile('settings.json', hub.url));
    expect(run.stdout).toContain('Audit log does NOT match the hub at row 10');
    expect(run.stdout).toContain('Rows 6–10 were changed after the hub saw them.');
    expect(run.status).toBe(1);
  });

  it('offline, checks against the last head the hub acknowledged and says that it did', async () => {
    // Nothing listens on port 9 of loopback: the hub cannot be asked.
    const offline = settingsFile('offline.json', 'http://127.0.0.1:9');
    const untouched = await verify(offline);
    expect(untouched.stdout).toMatch(/OFFLINE: the hub could not be asked \(.+\)\. Checked against the last head the hub acknowledged instead \(row 10, at .+\), a copy kept in this database, not against the hub itself\./);
    expect(untouched.stdout).toContain('Matches the last acknowledged head at row 10.');
    expect(untouched.status).toBe(0);

    await rewriteRow(3);
    const rewritten = await verify(offline);
    expect(rewritten.stdout).toContain('OFFLINE: the hub could not be asked');
    expect(rewritten.stdout).toContain('Audit log does NOT match the last acknowledged head at row 10');
    expect(rewritten.status).toBe(1);

    const noSettings = await verify();
    expect(noSettings.stdout).toContain('OFFLINE: no --settings given, so the hub was not asked. Checked against the last head the hub acknowledged instead (row 10');
    expect(noSettings.status).toBe(1);
  });

  it('refuses a head that goes back, or another hash at the same row, and keeps nothing of that upload', async () => {
    const before = hubHeads();
    const upload = (auditHead: { id: number; hash: string }) =>
      fetch(`${hub.url}${SYNC_PATHS.upload}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events: [{ seq: 2, id: 'after-rewind', type: 'test.counted', payload: {}, createdAt: new Date().toISOString() }], auditHead }),
      });
    for (const head of [
      { id: 4, hash: 'a'.repeat(64) },
      { id: 10, hash: 'b'.repeat(64) },
    ]) {
      const answer = await upload(head);
      expect(answer.status).toBe(409);
      expect(await answer.json()).toMatchObject({ error: 'audit-head-conflict', auditHead: { id: 10, hash: before.at(-1)?.hash } });
    }
    expect(hubHeads()).toEqual(before);
    expect(hub.store.db.prepare("SELECT count(*) AS n FROM kiosk_events WHERE id = 'after-rewind'").get()).toEqual({ n: 0 });

    // The rewritten kiosk itself is refused, visibly, and its events wait.
    await rewriteRow(3);
    const reopened = createKioskCore({ databaseFile: kiosk.databaseFile, clock: kiosk.clock, version: 'test', settings: fastSyncSettings(hub.url, token) });
    try {
      reopened.context.outbox.enqueue('test.counted', { n: 2 });
      await vi.waitFor(
        async () => expect(await reopened.invoke('sync.status', {})).toMatchObject({ value: { lastError: expect.stringMatching(/audit log up to row 10/), eventsWaiting: 1 } }),
        { timeout: 10_000, interval: 20 },
      );
    } finally {
      reopened.close();
    }
    expect(hubHeads()).toEqual(before);
  });
});
