import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyAuditChain } from '../../electron/core/audit/audit-chain';
import { createKioskCore } from '../../electron/core/kiosk-core';
import { SUPERVISOR, seedStaff } from '../support/staff-seed';
import type { BenchRow } from './bench-row';
import { medianOf, round } from './median';

/** About a year and a half of a busy kiosk's sensitive actions. */
const AUDIT_ROWS = 200_000;
/** What a kiosk adds between two looks at the day screen. */
const ROWS_BETWEEN_RELOADS = 50;
const SAMPLES = 7;

const timed = async (work: () => unknown) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

/**
 * The supervisor's day screen over a long audit log: the whole hash-chain walk (what an
 * export and a day close do) beside reading the same rows with a bare SELECT, and a reload
 * of the screen, which checks only the rows added since the last walk.
 */
export async function runDayReportBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'day-bench-'));
  const core = createKioskCore({ databaseFile: path.join(dir, 'kiosk.sqlite') });
  try {
    const { db, audit } = core.context;
    const append = db.transaction((count: number) => {
      for (let i = 0; i < count; i++) audit.append({ action: i % 3 ? 'lookup.search' : 'payment.paid', outcome: 'ok', actor: 'citizen', details: { n: i, amount: i % 1000 } });
    });
    append(AUDIT_ROWS);
    await seedStaff(core, [SUPERVISOR]);
    const signIn = await core.invoke('staff.signIn', { staffId: SUPERVISOR.staffId, pin: SUPERVISOR.pin });
    if (!signIn.ok) throw new Error(`sign-in: ${signIn.error.code}`);

    const rawRead = db.prepare('SELECT * FROM audit_log ORDER BY id');
    const raw = await medianOf(SAMPLES, () => timed(() => rawRead.all()));
    const whole = await medianOf(SAMPLES, () => timed(() => verifyAuditChain(db)));
    const reloadDay = async () => {
      const answer = await core.invoke('report.day', {});
      if (!answer.ok || !(answer.value as { audit: { intact: boolean } }).audit.intact) throw new Error('report.day failed or found the chain broken');
    };
    await reloadDay();
    const reload = await medianOf(SAMPLES, () => {
      append(ROWS_BETWEEN_RELOADS);
      return timed(reloadDay);
    });
    const rows = AUDIT_ROWS.toLocaleString('en-KE');
    return [
      { name: `audit chain, whole walk (${rows} rows)`, value: round(whole, 1), unit: 'ms', baseline: round(raw, 1), note: 'SHA-256 of every row; exports and day closes; baseline: the same rows read by a bare SELECT' },
      {
        name: `day screen reload (${rows}-row audit log)`,
        value: round(reload, 1),
        unit: 'ms',
        note: `the whole report; the chain checked from the last walk (${ROWS_BETWEEN_RELOADS} new rows), where walking it all took ${round(whole)} ms`,
      },
    ];
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
