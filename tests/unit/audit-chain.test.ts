import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHead, verifyAuditChain } from '../../electron/core/audit/audit-chain';
import { hashAuditRow, type AuditRow } from '../../electron/core/audit/audit-log';
import { tempKiosk, type TempKiosk } from '../support/temp-kiosk';

const ROWS = 25;
let kiosk: TempKiosk;

beforeAll(() => {
  kiosk = tempKiosk();
  const { audit } = kiosk.core.context;
  for (let i = 0; i < ROWS; i++) {
    kiosk.clock.advance(1_000);
    audit.append({ action: i % 2 ? 'payment.paid' : 'lookup.search', outcome: 'ok', actor: i % 3 ? 'citizen' : 'staff:2001', details: { n: i, amount: i * 50 } });
  }
});
afterAll(() => kiosk.dispose());

/** An in-memory copy of the kiosk's database with the append-only triggers removed, to tamper with. */
function tamperableCopy(): Database.Database {
  const image = kiosk.core.context.db.serialize();
  // The live file is in WAL mode, which an in-memory copy cannot open: mark the image as rollback-journal.
  image[18] = 1;
  image[19] = 1;
  const copy = new Database(image);
  copy.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  return copy;
}

describe('audit hash chain', () => {
  it('verifies an untouched log and reports its head', () => {
    const check = verifyAuditChain(kiosk.core.context.db);
    expect(check).toEqual({ intact: true, rows: ROWS, head: auditHead(kiosk.core.context.db) });
    expect(check.intact && check.head?.id).toBe(ROWS);
  });

  it('refuses edits and deletes at the database itself', () => {
    const { db } = kiosk.core.context;
    expect(() => db.prepare("UPDATE audit_log SET outcome = 'x' WHERE id = 3").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 3').run()).toThrow(/append-only/);
  });

  it('names the first broken row when any field of any row is changed', () => {
    const fields = ['at', 'visit_id', 'actor', 'action', 'subject', 'outcome', 'details', 'prev_hash', 'hash'] as const;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: ROWS }), fc.constantFrom(...fields), (id, field) => {
        const copy = tamperableCopy();
        copy.prepare(`UPDATE audit_log SET ${field} = coalesce(${field}, '') || 'x' WHERE id = ?`).run(id);
        const check = verifyAuditChain(copy);
        copy.close();
        expect(check.intact).toBe(false);
        // Changing a row's own hash shows up at that row (content) — or, for the last link, both ways at that row.
        expect(check.intact ? null : check.firstBroken.id).toBe(id);
      }),
      { numRuns: 60 },
    );
  });

  it('catches a forger who also recomputes the edited row’s hash: the next row no longer links', () => {
    const copy = tamperableCopy();
    const row = copy.prepare<[], AuditRow>('SELECT * FROM audit_log WHERE id = 10').get();
    if (!row) throw new Error('no row 10');
    const forged = { ...row, details: JSON.stringify({ n: 9, amount: 0 }) };
    copy.prepare('UPDATE audit_log SET details = ?, hash = ? WHERE id = 10').run(forged.details, hashAuditRow(forged));
    expect(verifyAuditChain(copy)).toEqual({ intact: false, rows: 11, firstBroken: { id: 11, reason: 'link-broken' } });
    copy.close();
  });

  it('catches a removed row and an inserted one', () => {
    const removed = tamperableCopy();
    removed.prepare('DELETE FROM audit_log WHERE id = 7').run();
    expect(verifyAuditChain(removed)).toMatchObject({ intact: false, firstBroken: { id: 8, reason: 'link-broken' } });
    removed.close();

    // A forged row slipped in after row 4's content, appended at the end where the chain does not expect it.
    const inserted = tamperableCopy();
    const row4 = inserted.prepare<[], AuditRow>('SELECT * FROM audit_log WHERE id = 4').get();
    if (!row4) throw new Error('no row 4');
    const forged = { ...row4, action: 'payment.paid', prev_hash: row4.hash };
    inserted
      .prepare('INSERT INTO audit_log (at, visit_id, actor, action, subject, outcome, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(forged.at, forged.visit_id, forged.actor, forged.action, forged.subject, forged.outcome, forged.details, forged.prev_hash, hashAuditRow(forged));
    expect(verifyAuditChain(inserted)).toEqual({ intact: false, rows: ROWS + 1, firstBroken: { id: ROWS + 1, reason: 'link-broken' } });
    inserted.close();
  });

  describe('from a prefix verified before (the supervisor screen’s reloads)', () => {
    const prefixAt = (db: Database.Database, id: number) => {
      const check = verifyAuditChain(db);
      const head = db.prepare<[number], { id: number; hash: string }>('SELECT id, hash FROM audit_log WHERE id = ?').get(id);
      if (!check.intact || !head) throw new Error('not intact');
      return { head, rows: id };
    };

    it('gives the whole walk’s answer on an untouched log, from any prefix', () => {
      const { db } = kiosk.core.context;
      for (const id of [1, 12, ROWS]) expect(verifyAuditChain(db, prefixAt(db, id))).toEqual(verifyAuditChain(db));
    });

    it('names a changed row after the prefix, and the prefix’s own last row when that changed', () => {
      for (const [edited, prefix] of [
        [20, 12],
        [12, 12],
      ] as const) {
        const copy = tamperableCopy();
        const from = prefixAt(copy, prefix);
        copy.prepare("UPDATE audit_log SET outcome = 'x' WHERE id = ?").run(edited);
        expect(verifyAuditChain(copy, from)).toMatchObject({ intact: false, firstBroken: { id: edited, reason: 'content-changed' } });
        copy.close();
      }
    });

    it('leaves an edit inside the prefix to the next whole walk (which exports and day closes make)', () => {
      const copy = tamperableCopy();
      const from = prefixAt(copy, 12);
      copy.prepare("UPDATE audit_log SET outcome = 'x' WHERE id = 5").run();
      expect(verifyAuditChain(copy, from)).toMatchObject({ intact: true });
      expect(verifyAuditChain(copy)).toMatchObject({ intact: false, firstBroken: { id: 5 } });
      copy.close();
    });
  });

  it('npm run audit -- verify: exit 0 when intact, 1 naming the first broken row', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const run = (file: string) =>
      spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'electron/core/audit-cli.ts', 'verify', '--database', file], {
        cwd: root,
        encoding: 'utf8',
      });
    const intact = run(kiosk.databaseFile);
    expect(intact.status).toBe(0);
    expect(intact.stdout).toContain(`Audit chain intact: ${ROWS} rows; head row ${ROWS}`);

    const tamperedFile = path.join(kiosk.dir, 'tampered.sqlite');
    const copy = tamperableCopy();
    copy.prepare("UPDATE audit_log SET details = '{\"n\":12,\"amount\":1}' WHERE id = 13").run();
    copy.exec(`VACUUM INTO '${tamperedFile}'`);
    copy.close();
    const broken = run(tamperedFile);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('Audit chain BROKEN at row 13: its content was changed.');
  });
});
