import { describe, expect, it } from 'vitest';
import type { Centre, HubStore, JudgedEvent, NewCentreStaff } from '../../hub/store/hub-store';
import { freshStoreEachTest, HUB_STORES } from '../support/hub-stores';

/** The HubStore contract for centres, their kiosks and their staff, the same assertions against every store. */

const AT = '2025-03-01T08:00:00.000Z';
const LATER = '2025-03-01T09:00:00.000Z';

const centre = (id: string): Centre => ({ id, name: `Huduma Centre ${id}`, badgeKey: `key-of-${id}-0123456789`, createdAt: AT });
const clerk = (staffId: string, centreId: string, overrides: Partial<NewCentreStaff> = {}): NewCentreStaff => ({
  staffId,
  centreId,
  name: `Clerk ${staffId}`,
  role: 'clerk',
  pinHash: `scrypt$32768$8$1$salt${staffId}$key`,
  badgeHash: null,
  ...overrides,
});
const signIn = (seq: number, type: string, staffId: unknown): JudgedEvent => ({
  seq,
  verdict: 'accepted',
  event: { seq, id: `event-${seq}`, type, payload: { staffId }, createdAt: AT },
});

describe.each(HUB_STORES)('the hub store on $name: centres and staff', ({ open }) => {
  let store: HubStore;
  freshStoreEachTest(open, (opened) => (store = opened));

  it('adds a centre once and lists centres by id', async () => {
    expect(await store.addCentre(centre('nyeri'))).toBe(true);
    expect(await store.addCentre({ ...centre('nyeri'), name: 'Another' })).toBe(false);
    expect(await store.addCentre(centre('gpo'))).toBe(true);
    expect(await store.listCentres()).toEqual([centre('gpo'), centre('nyeri')]);
  });

  it('places kiosks in centres, at registration or later, and knows each kiosk\'s centre', async () => {
    await store.addCentre(centre('gpo'));
    await store.addCentre(centre('nyeri'));
    expect(await store.addKiosk('kiosk-a', 'hash-a', AT, 'gpo')).toBe(true);
    expect(await store.addKiosk('kiosk-b', 'hash-b', AT)).toBe(true);
    expect(await store.kioskCentre('kiosk-a')).toEqual(centre('gpo'));
    expect(await store.kioskCentre('kiosk-b')).toBeNull();
    expect(await store.kioskCentre('no-such-kiosk')).toBeNull();

    expect(await store.setKioskCentre('kiosk-b', 'nyeri')).toBe('moved');
    expect(await store.kioskCentre('kiosk-b')).toEqual(centre('nyeri'));
    expect(await store.setKioskCentre('kiosk-b', 'mombasa')).toBe('no-centre');
    expect(await store.setKioskCentre('kiosk-z', 'gpo')).toBe('no-kiosk');
    expect(await store.kioskCentre('kiosk-b')).toEqual(centre('nyeri'));
    await expect(store.addKiosk('kiosk-c', 'hash-c', AT, 'mombasa')).rejects.toThrow();
  });

  it('adds staff to a centre once per staff number and badge, and lists them by centre', async () => {
    await store.addCentre(centre('gpo'));
    await store.addCentre(centre('nyeri'));
    expect(await store.addStaff(clerk('2001', 'gpo', { badgeHash: 'badge-1' }), AT)).toBe('added');
    expect(await store.addStaff(clerk('2001', 'nyeri'), AT)).toBe('exists');
    expect(await store.addStaff(clerk('2002', 'gpo', { badgeHash: 'badge-1' }), AT)).toBe('badge-taken');
    expect(await store.addStaff(clerk('2003', 'mombasa'), AT)).toBe('no-centre');
    expect(await store.addStaff(clerk('1001', 'gpo', { role: 'supervisor' }), AT)).toBe('added');
    expect(await store.addStaff(clerk('3001', 'nyeri'), AT)).toBe('added');

    const gpo = await store.listStaff('gpo');
    expect(gpo.map((s) => s.staffId)).toEqual(['1001', '2001']);
    expect(gpo[1]).toEqual({ ...clerk('2001', 'gpo', { badgeHash: 'badge-1' }), disabledAt: null, createdAt: AT, updatedAt: AT });
    expect((await store.listStaff('nyeri')).map((s) => s.staffId)).toEqual(['3001']);
    expect(await store.findStaff('3001')).toMatchObject({ centreId: 'nyeri' });
    expect(await store.findStaff('9999')).toBeUndefined();
  });

  it('disables and enables, changes role and PIN hash, each stamping the time; an unknown number changes nothing', async () => {
    await store.addCentre(centre('gpo'));
    await store.addStaff(clerk('2001', 'gpo'), AT);
    expect(await store.changeStaff('2001', { disabled: true }, LATER)).toBe(true);
    expect(await store.changeStaff('2001', { disabled: true }, '2025-03-02T00:00:00.000Z')).toBe(true);
    expect(await store.findStaff('2001')).toMatchObject({ disabledAt: LATER, updatedAt: '2025-03-02T00:00:00.000Z' });
    expect(await store.changeStaff('2001', { disabled: false }, LATER)).toBe(true);
    expect(await store.findStaff('2001')).toMatchObject({ disabledAt: null });
    expect(await store.changeStaff('2001', { role: 'supervisor' }, LATER)).toBe(true);
    expect(await store.changeStaff('2001', { pinHash: 'scrypt$1$1$1$new$hash' }, LATER)).toBe(true);
    expect(await store.findStaff('2001')).toMatchObject({ role: 'supervisor', pinHash: 'scrypt$1$1$1$new$hash', updatedAt: LATER });
    expect(await store.changeStaff('9999', { disabled: true }, LATER)).toBe(false);
    expect(await store.changeStaff('9999', { role: 'clerk' }, LATER)).toBe(false);
  });

  it("reads the sign-in outcomes of a centre's kiosks alone, from a time on, oldest first", async () => {
    await store.addCentre(centre('gpo'));
    await store.addCentre(centre('nyeri'));
    await store.addKiosk('kiosk-a', 'hash-a', AT, 'gpo');
    await store.addKiosk('kiosk-b', 'hash-b', AT, 'gpo');
    await store.addKiosk('kiosk-n', 'hash-n', AT, 'nyeri');
    await store.applyEvents('kiosk-a', [signIn(1, 'staff.pin-failed', '2001'), signIn(2, 'visit.started', '2001')], AT);
    await store.applyEvents('kiosk-b', [signIn(1, 'staff.pin-failed', '2001'), signIn(2, 'staff.signed-in', '2002'), signIn(3, 'staff.pin-failed', 42)], LATER);
    await store.applyEvents('kiosk-n', [signIn(1, 'staff.pin-failed', '2001')], LATER);
    await store.applyEvents('kiosk-a', [{ seq: 3, verdict: 'rejected', id: 'x', type: 'staff.pin-failed', reason: 'refused' }], LATER);

    expect(await store.staffSignInEvents('gpo', AT)).toEqual([
      { staffId: '2001', failed: true, receivedAt: AT },
      { staffId: '2001', failed: true, receivedAt: LATER },
      { staffId: '2002', failed: false, receivedAt: LATER },
    ]);
    expect(await store.staffSignInEvents('gpo', LATER)).toHaveLength(2);
    expect(await store.staffSignInEvents('nyeri', AT)).toEqual([{ staffId: '2001', failed: true, receivedAt: LATER }]);
  });

  it("keeps each centre's settings document whole, replaced whole, with who set it and when", async () => {
    await store.addCentre(centre('gpo'));
    await store.addCentre(centre('nyeri'));
    expect(await store.centreSettings('gpo')).toBeUndefined();
    const first = { lookup: { lookupsPerVisit: 1 }, receipts: { footerLines: { en: ['Asante — karibu tena'], sw: ['Karibu tena'] } } };
    expect(await store.setCentreSettings('gpo', { document: first, updatedBy: 'admin-api', updatedAt: AT })).toBe(true);
    expect(await store.centreSettings('gpo')).toEqual({ document: first, updatedBy: 'admin-api', updatedAt: AT });
    expect(await store.centreSettings('nyeri')).toBeUndefined();

    const second = { idle: { timeoutSeconds: 90 } };
    expect(await store.setCentreSettings('gpo', { document: second, updatedBy: 'cli:amina', updatedAt: LATER })).toBe(true);
    expect(await store.centreSettings('gpo')).toEqual({ document: second, updatedBy: 'cli:amina', updatedAt: LATER });

    expect(await store.setCentreSettings('mombasa', { document: second, updatedBy: 'admin-api', updatedAt: AT })).toBe(false);
    expect(await store.centreSettings('mombasa')).toBeUndefined();
  });
});
