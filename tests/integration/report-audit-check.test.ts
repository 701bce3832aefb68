import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DayReport } from '../../shared/contract/reports';
import { onHeavyJobRun, type HeavyJobRun } from '../../electron/core/heavy-job-runner';
import { tempKiosk, type TempKiosk } from '../support/temp-kiosk';
import { SUPERVISOR, seedStaff } from '../support/staff-seed';

let kiosk: TempKiosk;

async function invoke<T>(name: string, payload: unknown = {}): Promise<T> {
  const result = await kiosk.core.invoke(name, payload);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
  return result.value as T;
}
const dayAudit = async () => (await invoke<DayReport>('report.day')).audit;
/** Sensitive actions of the day, each audited. */
const auditedActions = (n: number) => {
  for (let i = 0; i < n; i++) kiosk.core.context.audit.append({ action: 'lookup.search', outcome: 'ok', actor: 'citizen', details: { n: i } });
};
/** Someone with the database file in hand: the append-only triggers gone, a row edited. */
const tamper = (id: number) => {
  const { db } = kiosk.core.context;
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
  db.prepare("UPDATE audit_log SET outcome = 'forged' WHERE id = ?").run(id);
};

beforeEach(async () => {
  kiosk = tempKiosk();
  await seedStaff(kiosk.core);
  auditedActions(5);
  await invoke('staff.signIn', { staffId: SUPERVISOR.staffId, pin: SUPERVISOR.pin });
});
afterEach(() => kiosk.dispose());

describe('the audit chain on the supervisor’s day screen', () => {
  it('checks on each reload what was added since the last one, and finds a change there at once', async () => {
    const first = await dayAudit();
    expect(first).toMatchObject({ intact: true, firstBrokenId: null });
    auditedActions(3);
    const second = await dayAudit();
    expect(second).toMatchObject({ intact: true, rows: first.rows + 3, headId: first.headId! + 3 });
    auditedActions(3);
    tamper(second.headId! + 2);
    expect(await dayAudit()).toMatchObject({ intact: false, firstBrokenId: second.headId! + 2 });
  });

  it('walks the whole chain to export and to close: an older change is found there, and every reload after shows it', async () => {
    await dayAudit();
    tamper(2);
    // By design a reload checks only the newest rows; the seal of the day is what walks them all.
    expect(await dayAudit()).toMatchObject({ intact: true });
    await invoke('report.export', { format: 'csv' });
    expect(await dayAudit()).toMatchObject({ intact: false, firstBrokenId: 2 });
    expect(await dayAudit()).toMatchObject({ intact: false, firstBrokenId: 2 });
  });
});

describe('heavy report work leaves the thread that answers the screen', () => {
  it('builds the day report in the heavy-jobs process for every load and the export (the export lays out its file there too), and walks the whole chain there for the close', async () => {
    const runs: HeavyJobRun[] = [];
    const stop = onHeavyJobRun((run) => runs.push(run));
    try {
      await dayAudit();
      await dayAudit();
      await invoke('report.export', { format: 'pdf' });
      await invoke('day.close');
      expect(runs.map((run) => run.job)).toEqual(['dayReport', 'dayReport', 'dayReportFile', 'verifyAuditChain']);
      for (const run of runs) expect(run.pid).not.toBe(process.pid);
    } finally {
      stop();
    }
  });
});
