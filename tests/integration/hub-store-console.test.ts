import { describe, expect, it } from 'vitest';
import type { ConsoleAction, ConsoleActionRecord } from '../../shared/console/console-api';
import { dayScope } from '../../hub/console-server/console-day';
import type { ConsoleStore } from '../../hub/store/console-store';
import type { HubStore, JudgedEvent } from '../../hub/store/hub-store';
import { kioskDay } from '../support/centre-day-events';
import { freshStoreEachTest, HUB_STORES } from '../support/hub-stores';

/** The ConsoleStore contract (hub/store/console-store.ts), the same assertions against every store. */

const AT = '2026-03-10T09:00:00.000Z';
const DATE = '2026-03-10';
const KIOSKS = ['kiosk-a', 'kiosk-b', 'kiosk-c'];

describe.each(HUB_STORES)('the console store on $name', ({ open }) => {
  let store: HubStore & ConsoleStore;
  freshStoreEachTest(open, (opened) => (store = opened));

  async function uploadCentreDay() {
    const days = KIOSKS.map((id, i) => kioskDay(id, i, DATE));
    for (const day of days) {
      await store.addKiosk(day.kioskId, `hash-${day.kioskId}`, AT);
      const judged: JudgedEvent[] = day.events.map((event, i) =>
        /^[a-z]/.test(event.type)
          ? { seq: i + 1, verdict: 'accepted', event: { seq: i + 1, ...event } }
          : { seq: i + 1, verdict: 'rejected', id: event.id, type: event.type, reason: 'unknown event type format' },
      );
      expect(await store.applyEvents(day.kioskId, judged, AT)).toMatchObject({ kind: 'applied' });
    }
    return days;
  }

  describe('admins and sessions', () => {
    it('adds an admin once, counts failures up to a lock, and a session clears them', async () => {
      expect(await store.addAdmin('amina', 'scrypt$hash', AT)).toBe(true);
      expect(await store.addAdmin('amina', 'other', AT)).toBe(false);
      for (let i = 0; i < 3; i++) await store.recordFailedSignIn('amina', 3, '2026-03-10T09:15:00.000Z');
      expect(await store.findAdmin('amina')).toEqual({ name: 'amina', passwordHash: 'scrypt$hash', failedSignIns: 3, lockedUntil: '2026-03-10T09:15:00.000Z' });
      await store.openSession('token-hash', 'amina', AT);
      expect(await store.findAdmin('amina')).toMatchObject({ failedSignIns: 0, lockedUntil: null });
      expect(await store.findAdmin('nobody')).toBeUndefined();
    });

    it('finds, touches, closes and sweeps sessions', async () => {
      await store.addAdmin('amina', 'h', AT);
      await store.openSession('one', 'amina', AT);
      await store.openSession('two', 'amina', '2026-03-10T10:00:00.000Z');
      await store.touchSession('one', '2026-03-10T09:20:00.000Z');
      expect(await store.findSession('one')).toEqual({ adminName: 'amina', createdAt: AT, lastSeenAt: '2026-03-10T09:20:00.000Z' });
      await store.closeStaleSessions('2026-03-10T09:30:00.000Z', '2026-03-09T00:00:00.000Z');
      expect(await store.findSession('one')).toBeUndefined();
      expect(await store.findSession('two')).toBeDefined();
      await store.closeSession('two');
      expect(await store.findSession('two')).toBeUndefined();
    });

    it('keeps every sign-in, newest first', async () => {
      await store.recordSignIn({ adminName: 'amina', outcome: 'wrong-password', at: AT });
      await store.recordSignIn({ adminName: 'amina', outcome: 'signed-in', at: '2026-03-10T09:01:00.000Z' });
      expect(await store.listSignIns(5)).toEqual([
        { adminName: 'amina', outcome: 'signed-in', at: '2026-03-10T09:01:00.000Z' },
        { adminName: 'amina', outcome: 'wrong-password', at: AT },
      ]);
    });
  });

  describe("admins' actions", () => {
    it("keeps every action with its admin, target, centre and outcome, newest first, and lists one centre's", async () => {
      const actions = [
        { adminName: 'amina', action: 'centre.add', target: 'huduma-gpo', centreId: 'huduma-gpo', outcome: 'done', at: AT },
        { adminName: 'amina', action: 'staff.add', target: '2001', centreId: 'huduma-gpo', outcome: 'weak-pin', at: '2026-03-10T09:01:00.000Z' },
        { adminName: 'otieno', action: 'staff.disable', target: '9999', centreId: null, outcome: 'not-found', at: '2026-03-10T09:02:00.000Z' },
        { adminName: 'otieno', action: 'kiosk.centre', target: 'kiosk-a', centreId: 'nyeri', outcome: 'done', at: '2026-03-10T09:03:00.000Z' },
      ] as const;
      for (const action of actions) await store.recordConsoleAction(action);
      expect(await store.listConsoleActions(10)).toEqual([...actions].reverse());
      expect(await store.listConsoleActions(2)).toEqual([actions[3], actions[2]]);
      expect(await store.listConsoleActions(10, 'huduma-gpo')).toEqual([actions[1], actions[0]]);
      expect(await store.listConsoleActions(10, 'mombasa')).toEqual([]);
    });

    const centre = { id: 'huduma-gpo', name: 'Huduma GPO', badgeKey: 'key-of-gpo-0123456789', createdAt: AT };
    const clerk = { staffId: '2001', centreId: 'huduma-gpo', name: 'Clerk 2001', role: 'clerk', pinHash: 'scrypt$32768$8$1$salt$key', badgeHash: null } as const;
    const done = (action: ConsoleAction, target: string): ConsoleActionRecord => ({ adminName: 'amina', action, target, centreId: 'huduma-gpo', outcome: 'done', at: AT });
    /** A record the store cannot write (admin_name is NOT NULL): the change it comes with must not be kept either. */
    const unwritable = (action: ConsoleAction, target: string): ConsoleActionRecord => ({ ...done(action, target), adminName: null as unknown as string });

    it('keeps a change and its record together', async () => {
      await store.addKiosk('kiosk-a', 'hash-a', AT);
      expect(await store.addCentre(centre, done('centre.add', 'huduma-gpo'))).toBe(true);
      expect(await store.setKioskCentre('kiosk-a', 'huduma-gpo', done('kiosk.centre', 'kiosk-a'))).toBe('moved');
      expect(await store.addStaff(clerk, AT, done('staff.add', '2001'))).toBe('added');
      expect(await store.changeStaff('2001', { disabled: true }, AT, done('staff.disable', '2001'))).toBe(true);

      expect(await store.kioskCentre('kiosk-a')).toEqual(centre);
      expect(await store.findStaff('2001')).toMatchObject({ disabledAt: AT });
      expect((await store.listConsoleActions(10)).map((record) => record.action)).toEqual(['staff.disable', 'staff.add', 'kiosk.centre', 'centre.add']);
    });

    it('keeps no change whose record cannot be written', async () => {
      await expect(store.addCentre(centre, unwritable('centre.add', 'huduma-gpo'))).rejects.toThrow();
      expect(await store.listCentres()).toEqual([]);

      await store.addCentre(centre);
      await store.addKiosk('kiosk-a', 'hash-a', AT);
      await expect(store.setKioskCentre('kiosk-a', 'huduma-gpo', unwritable('kiosk.centre', 'kiosk-a'))).rejects.toThrow();
      expect(await store.kioskCentre('kiosk-a')).toBeNull();
      await expect(store.addStaff(clerk, AT, unwritable('staff.add', '2001'))).rejects.toThrow();
      expect(await store.findStaff('2001')).toBeUndefined();

      await store.addStaff(clerk, AT);
      await expect(store.changeStaff('2001', { role: 'supervisor' }, AT, unwritable('staff.role', '2001'))).rejects.toThrow();
      expect(await store.findStaff('2001')).toMatchObject({ role: 'clerk' });
      expect(await store.listConsoleActions(10)).toEqual([]);
    });

    it('writes no record when nothing is changed', async () => {
      await store.addCentre(centre);
      await store.addStaff(clerk, AT);
      expect(await store.addCentre(centre, done('centre.add', 'huduma-gpo'))).toBe(false);
      expect(await store.setKioskCentre('kiosk-z', 'huduma-gpo', done('kiosk.centre', 'kiosk-z'))).toBe('no-kiosk');
      expect(await store.addStaff(clerk, AT, done('staff.add', '2001'))).toBe('exists');
      expect(await store.addStaff({ ...clerk, staffId: '2002', centreId: 'mombasa' }, AT, done('staff.add', '2002'))).toBe('no-centre');
      expect(await store.changeStaff('9999', { disabled: true }, AT, done('staff.disable', '9999'))).toBe(false);
      expect(await store.findStaff('9999')).toBeUndefined();
      expect(await store.listConsoleActions(10)).toEqual([]);
    });
  });

  describe("the centre's day", () => {
    it('groups paid payments by method, service and UTC hour, leaving out a refund due', async () => {
      const days = await uploadCentreDay();
      const groups = await store.dayPaymentGroups(dayScope(DATE, null));
      const paid = days.flatMap((d) => d.paid);
      expect(groups.reduce((s, g) => s + g.count, 0)).toBe(paid.length);
      expect(groups.reduce((s, g) => s + g.amount, 0)).toBe(paid.reduce((s, p) => s + p.amount, 0));
      expect(groups.every((g) => paid.some((p) => p.method === g.method && p.service === g.service && (p.hourEat + 21) % 24 === g.utcHour))).toBe(true);
    });

    it('narrows every view to the kiosks given: a centre is one parameter', async () => {
      const days = await uploadCentreDay();
      const scope = dayScope(DATE, ['kiosk-b']);
      const payments = await store.dayPayments(scope, null, 100);
      expect(new Set(payments.map((p) => p.kioskId))).toEqual(new Set(['kiosk-b']));
      expect(payments).toHaveLength(days[1]?.paid.length ?? -1);
      expect((await store.dayPaymentGroups(scope)).reduce((s, g) => s + g.count, 0)).toBe(days[1]?.paid.length);
      expect(await store.dayShifts(scope, 10)).toEqual([expect.objectContaining({ kioskId: 'kiosk-b', variance: -200, signedOffBy: 'super-1' })]);
      expect(await store.dayOverrides(scope, 10)).toEqual([]);
      expect(await store.dayRecoveries(scope)).toEqual([{ outcome: 'rejected', count: 1 }]);
      expect(await store.dayPayments(dayScope(DATE, []), null, 100)).toEqual([]);
    });

    it('pages through the payments in order without losing or repeating one', async () => {
      await uploadCentreDay();
      const all = await store.dayPayments(dayScope(DATE, null), null, 1_000);
      const paged = [];
      for (let page = await store.dayPayments(dayScope(DATE, null), null, 2); page.length > 0; page = await store.dayPayments(dayScope(DATE, null), paged.at(-1)?.key ?? null, 2)) paged.push(...page);
      expect(paged).toEqual(all);
      expect(all.map((p) => p.key.createdAt)).toEqual(all.map((p) => p.key.createdAt).sort());
      expect(all.find((p) => p.state === 'refund_due')).toMatchObject({ kioskId: 'kiosk-a' });
      expect(all[0]).toMatchObject({ service: expect.stringMatching(/fine|licence_renewal|vehicle_search/), receiptNumber: null });
    });

    it('counts recoveries approved and rejected, and lists overrides', async () => {
      await uploadCentreDay();
      expect(await store.dayRecoveries(dayScope(DATE, null))).toEqual([
        { outcome: 'approved', count: 1 },
        { outcome: 'rejected', count: 1 },
      ]);
      expect(await store.dayOverrides(dayScope(DATE, null), 10)).toEqual([expect.objectContaining({ kioskId: 'kiosk-c', kind: 'lift-lookup-limit', staffId: 'clerk-3' })]);
      expect(await store.dayRecoveries(dayScope('2026-03-11', null))).toEqual([]);
    });
  });

  describe('alerts and kiosks', () => {
    it('finds refused events, callbacks refused as forged and shifts with a variance', async () => {
      await uploadCentreDay();
      const alerts = await store.alertEvents('2026-03-01T00:00:00.000Z', 50);
      expect(alerts.map((a) => `${a.kioskId} ${a.type} ${a.rejectedReason ?? ''}`).sort()).toEqual([
        'kiosk-a mpesa.callback-rejected ',
        'kiosk-b shift.closed ',
        'kiosk-c Nonsense unknown event type format',
      ]);
      expect(await store.alertEvents('2026-03-10T09:00:00.001Z', 50)).toEqual([]);
      expect(await store.rejectedEvents('kiosk-c', 10)).toEqual([expect.objectContaining({ type: 'Nonsense', reason: 'unknown event type format' })]);
    });

    it("keeps each kiosk's last replica position", async () => {
      await store.addKiosk('kiosk-a', 'h', AT);
      await store.recordReplicaPosition({ kioskId: 'kiosk-a', position: 3, head: 9, at: AT });
      await store.recordReplicaPosition({ kioskId: 'kiosk-a', position: 9, head: 9, at: '2026-03-10T09:05:00.000Z' });
      expect(await store.replicaPositions()).toEqual([{ kioskId: 'kiosk-a', position: 9, head: 9, at: '2026-03-10T09:05:00.000Z' }]);
    });
  });
});
