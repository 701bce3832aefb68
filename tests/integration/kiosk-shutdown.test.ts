import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/contract';
import { CLERK, SUPERVISOR, seedStaff } from '../support/staff-seed';
import { tempKiosk, type TempKiosk } from '../support/temp-kiosk';

let kiosk: TempKiosk;
let shutdowns: number;
let events: { name: EventName; payload: unknown }[];

beforeEach(async () => {
  kiosk = tempKiosk();
  shutdowns = 0;
  events = [];
  kiosk.core.shell.onShutdownRequested(() => shutdowns++);
  kiosk.core.subscribe((name, payload) => events.push({ name, payload }));
  await seedStaff(kiosk.core);
});
afterEach(() => kiosk.dispose());

const invoke = (name: string, payload: unknown = {}) => kiosk.core.invoke(name, payload);
const auditRows = (action: string) =>
  kiosk.core.context.db.prepare<[string], { actor: string; outcome: string; visit_id: string | null; details: string }>('SELECT actor, outcome, visit_id, details FROM audit_log WHERE action = ? ORDER BY id').all(action);

describe('"Shut down this kiosk"', () => {
  it('is refused to the citizen and to a clerk, and nothing happens', async () => {
    expect(await invoke('kiosk.shutdown')).toMatchObject({ ok: false, error: { code: 'call.forbidden' } });
    expect(await invoke('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin })).toMatchObject({ ok: true });
    expect(await invoke('kiosk.shutdown')).toMatchObject({ ok: false, error: { code: 'call.forbidden', message: { en: expect.any(String), sw: expect.any(String) } } });
    expect(shutdowns).toBe(0);
    expect(auditRows('kiosk.shutdown')).toEqual([]);
    expect(kiosk.core.context.staff.current()?.staffId).toBe(CLERK.staffId);
  });

  it("a supervisor's is audited under their number, ends the visit and reaches the shell", async () => {
    await invoke('visit.start', { locale: 'sw' });
    expect(await invoke('staff.signIn', { staffId: SUPERVISOR.staffId, pin: SUPERVISOR.pin })).toMatchObject({ ok: true });
    expect(kiosk.core.shell.isQuiet()).toBe(false);
    expect(await invoke('kiosk.shutdown', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'request.invalid' } });
    expect(shutdowns).toBe(0);

    expect(await invoke('kiosk.shutdown')).toEqual({ ok: true, value: {} });
    expect(shutdowns).toBe(1);
    expect(auditRows('kiosk.shutdown')).toEqual([{ actor: `staff:${SUPERVISOR.staffId}`, outcome: 'requested', visit_id: null, details: '{}' }]);
    expect(events).toContainEqual({ name: 'visit.ended', payload: expect.objectContaining({ reason: 'staff' }) });
    expect(kiosk.core.context.staff.current()).toBeUndefined();
    expect(kiosk.core.shell.isQuiet()).toBe(true);
  });
});

describe('a lost screen', () => {
  it('wipes the open visit and records the cause alone', async () => {
    const started = await invoke('visit.start', { locale: 'en' });
    const visitId = (started as { value: { visitId: string } }).value.visitId;
    kiosk.core.shell.screenLost('crashed');
    expect(kiosk.core.context.visits.current()).toBeUndefined();
    expect(auditRows('kiosk.screenLost')).toEqual([{ actor: 'system', outcome: 'crashed', visit_id: visitId, details: '{}' }]);
    expect(kiosk.core.context.db.prepare('SELECT end_reason FROM visits WHERE id = ?').get(visitId)).toEqual({ end_reason: 'screen-lost' });
    expect(events).toContainEqual({ name: 'visit.ended', payload: { visitId, reason: 'screen-lost' } });
    // With no visit open it is still recorded: a hang on the attract screen is worth knowing of.
    kiosk.core.shell.screenLost('unresponsive');
    expect(auditRows('kiosk.screenLost').map((row) => [row.outcome, row.visit_id])).toEqual([
      ['crashed', visitId],
      ['unresponsive', null],
    ]);
  });
});
