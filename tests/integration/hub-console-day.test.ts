import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertView, DayView, KiosksView } from '../../shared/console/console-api';
import { addCentre, moveKioskToCentre } from '../../hub/centre-commands';
import { kioskDay, sendHeartbeat, uploadDay, type KioskDay } from '../support/centre-day-events';
import { startConsoleHub, type ConsoleHub } from '../support/console-hub';

const DATE = '2026-03-10';
const KIOSKS = ['kiosk-nairobi-1', 'kiosk-nairobi-2', 'kiosk-nairobi-3'];

/** `npm run report -- verify FILE`, the kiosk's own command: its exit code and what it said. */
function verify(file: string): { code: number; said: string } {
  try {
    return { code: 0, said: execFileSync('npx', ['tsx', 'electron/core/reports/report-cli.ts', 'verify', file], { encoding: 'utf8' }) };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { code: failed.status, said: failed.stdout };
  }
}

describe("the centre's day in the console, from several kiosks' uploaded events", () => {
  let hub: ConsoleHub;
  let cookie: string;
  let days: KioskDay[];
  let dir: string;

  beforeAll(async () => {
    hub = await startConsoleHub({ now: `${DATE}T15:00:00.000Z` });
    dir = mkdtempSync(path.join(os.tmpdir(), 'console-day-'));
    days = KIOSKS.map((id, i) => kioskDay(id, i, DATE));
    for (const day of days) {
      const token = await hub.addKiosk(day.kioskId);
      const uploaded = await uploadDay(hub.url, token, day);
      expect(uploaded.appliedThrough).toBe(day.events.length);
      if (day.kioskId !== 'kiosk-nairobi-3') {
        await sendHeartbeat(hub.url, token, { version: '0.1.0', eventsWaiting: 2, oldestWaitingAgeSeconds: 40, rejectedCount: 0, lastSyncAt: hub.clock.now.toISOString(), printer: { status: 'paper-low', checkedAt: hub.clock.now.toISOString() } });
      }
    }
    // Another day's payment must not count.
    const other = await hub.addKiosk('kiosk-elsewhere');
    await uploadDay(hub.url, other, kioskDay('kiosk-elsewhere', 3, '2026-03-11'));
    // Two centres: the first two kiosks stand at the GPO, the third in Nyeri.
    await addCentre(hub.store, { centreId: 'nairobi-gpo', name: 'Huduma Centre GPO' });
    await addCentre(hub.store, { centreId: 'nyeri', name: 'Huduma Centre Nyeri' });
    await addCentre(hub.store, { centreId: 'kisumu', name: 'Huduma Centre Kisumu' });
    for (const [kioskId, centre] of [['kiosk-nairobi-1', 'nairobi-gpo'], ['kiosk-nairobi-2', 'nairobi-gpo'], ['kiosk-nairobi-3', 'nyeri']] as const) {
      await moveKioskToCentre(hub.store, kioskId, centre);
    }
    cookie = await hub.signIn();
  });
  afterAll(async () => {
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const json = async <T>(pathAndQuery: string) => {
    const answer = await hub.get(pathAndQuery, cookie);
    expect(answer.status, pathAndQuery).toBe(200);
    return (await answer.json()) as T;
  };

  it('adds up payments by method, service and Kenyan hour across the kiosks, leaving out a refund due and another day', async () => {
    const day = await json<DayView>(`/day?date=${DATE}`);
    const paid = days.flatMap((d) => d.paid);
    expect(day.paid).toEqual({ count: paid.length, amount: paid.reduce((s, p) => s + p.amount, 0) });
    const sum = (keep: (p: (typeof paid)[number]) => boolean) => paid.filter(keep).reduce((s, p) => ({ count: s.count + 1, amount: s.amount + p.amount }), { count: 0, amount: 0 });
    for (const method of ['card', 'cash', 'mpesa']) expect(day.byMethod.find((m) => m.method === method)).toEqual({ method, ...sum((p) => p.method === method) });
    for (const service of ['fine', 'licence_renewal', 'vehicle_search']) expect(day.byService.find((s) => s.service === service)).toEqual({ service, ...sum((p) => p.service === service) });
    expect(day.byHour).toHaveLength(24);
    for (const { hour, count, amount } of day.byHour) expect({ count, amount }, `hour ${hour}`).toEqual(sum((p) => p.hourEat === hour));
    expect(day.payments).toHaveLength(paid.length + 1); // the refunded one is listed, in its state
    expect(day.payments.filter((p) => p.state === 'refund_due')).toHaveLength(1);
    expect(new Set(day.payments.map((p) => p.kioskId))).toEqual(new Set(KIOSKS));
  });

  it('lists shifts with their variances, overrides, and recoveries approved and rejected', async () => {
    const day = await json<DayView>(`/day?date=${DATE}`);
    expect(day.shifts).toHaveLength(3);
    expect(day.shifts.find((s) => s.variance !== 0)).toMatchObject({ kioskId: 'kiosk-nairobi-2', variance: -200, status: 'awaiting_sign_off', signedOffBy: 'super-1' });
    expect(day.overrides).toEqual([expect.objectContaining({ kioskId: 'kiosk-nairobi-3', kind: 'lift-lookup-limit', reason: 'citizen-request' })]);
    expect(day.recoveries).toEqual({ approved: 1, rejected: 1 });
  });

  it('shows every kiosk online or offline with its heartbeat, and raises the alerts', async () => {
    hub.clock.now = new Date(`${DATE}T15:11:00.000Z`);
    const { kiosks } = await json<KiosksView>('/kiosks');
    expect(kiosks.map((k) => [k.id, k.online])).toEqual([
      ['kiosk-elsewhere', false],
      ['kiosk-nairobi-1', false],
      ['kiosk-nairobi-2', false],
      ['kiosk-nairobi-3', false],
    ]);
    hub.clock.now = new Date(`${DATE}T15:05:00.000Z`);
    const fresh = (await json<KiosksView>('/kiosks')).kiosks;
    expect(fresh.find((k) => k.id === 'kiosk-nairobi-1')).toMatchObject({ online: true, version: '0.1.0', eventsWaiting: 2, oldestWaitingAgeSeconds: 40, printer: { status: 'paper-low' }, rejectedCount: 0 });
    expect(fresh.find((k) => k.id === 'kiosk-nairobi-3')).toMatchObject({ online: false, heartbeatAt: null, rejectedCount: 1 });
    const { rejected } = await json<{ rejected: Array<{ type: string; reason: string }> }>('/kiosks/kiosk-nairobi-3/rejected');
    expect(rejected).toEqual([expect.objectContaining({ type: 'Nonsense', reason: expect.stringContaining('unknown event type format') })]);

    const { alerts } = await json<{ alerts: AlertView[] }>('/alerts');
    const kinds = alerts.map((a) => `${a.kind} ${a.kioskId}`);
    expect(kinds).toContain('kiosk-silent kiosk-nairobi-3');
    expect(kinds).toContain('event-rejected kiosk-nairobi-3');
    expect(kinds).toContain('callback-forged kiosk-nairobi-1');
    expect(alerts.find((a) => a.kind === 'cash-variance')).toMatchObject({ kioskId: 'kiosk-nairobi-2', detail: '-200' });
    expect(kinds).not.toContain('kiosk-silent kiosk-nairobi-1');
  });

  it("shows a kiosk's replica position once it downloads", async () => {
    const token = await hub.addKiosk('kiosk-replica');
    const first = await fetch(`${hub.url}/sync/v1/download`, { headers: { authorization: `Bearer ${token}` } });
    const { cursor } = (await first.json()) as { cursor: string };
    await fetch(`${hub.url}/sync/v1/download?cursor=${cursor}`, { headers: { authorization: `Bearer ${token}` } });
    const { kiosks } = await json<KiosksView>('/kiosks');
    expect(kiosks.find((k) => k.id === 'kiosk-replica')?.replica).toMatchObject({ position: 0, head: 0 });
  });

  it('exports CSV, XLSX and PDF sealed with the content hash; the kiosk’s verify passes them and fails an edited copy', async () => {
    const hashes = new Set<string>();
    for (const format of ['csv', 'xlsx', 'pdf'] as const) {
      const answer = await hub.get(`/day/export?date=${DATE}&format=${format}`, cookie);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="all-centres-day-${DATE}.${format}"`);
      const file = path.join(dir, `centre-day.${format}`);
      writeFileSync(file, Buffer.from(await answer.arrayBuffer()));
      if (format === 'pdf') {
        expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
        continue;
      }
      const checked = verify(file);
      expect(checked.code, checked.said).toBe(0);
      hashes.add(/content hash ([0-9a-f]{64})/.exec(checked.said)?.[1] ?? '');
    }
    expect(hashes.size).toBe(1); // the same rows, the same hash, whatever the format

    const csv = readFileSync(path.join(dir, 'centre-day.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFkiosk_id,payment_id,time_eat,service,bill_reference,method,state,amount_kes,provider_reference,receipt_number,staff_id,shift_id');
    const edited = path.join(dir, 'edited.csv');
    writeFileSync(edited, csv.replace(',500,', ',50,'));
    expect(verify(edited).code).toBe(1);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir, 'centre-day.xlsx'));
    const sheet = book.getWorksheet('Payments');
    if (!sheet) throw new Error('no Payments sheet');
    sheet.getRow(2).getCell(8).value = 1;
    const editedBook = path.join(dir, 'edited.xlsx');
    await book.xlsx.writeFile(editedBook);
    expect(verify(editedBook).code).toBe(1);
  });

  it("narrows the day to one centre's kiosks, in the figures and in the sealed exports", async () => {
    const gpo = await json<DayView>(`/day?date=${DATE}&centre=nairobi-gpo`);
    const paid = days.filter((d) => d.kioskId !== 'kiosk-nairobi-3').flatMap((d) => d.paid);
    expect(gpo).toMatchObject({ centre: 'nairobi-gpo', kioskIds: ['kiosk-nairobi-1', 'kiosk-nairobi-2'] });
    expect(gpo.paid).toEqual({ count: paid.length, amount: paid.reduce((s, p) => s + p.amount, 0) });
    expect(new Set(gpo.payments.map((p) => p.kioskId))).toEqual(new Set(['kiosk-nairobi-1', 'kiosk-nairobi-2']));
    const nyeri = await json<DayView>(`/day?date=${DATE}&centre=nyeri`);
    expect(nyeri.paid.count + gpo.paid.count).toBe((await json<DayView>(`/day?date=${DATE}`)).paid.count);
    // A centre with no kiosk yet has a day of nothing, not everyone's.
    expect((await json<DayView>(`/day?date=${DATE}&centre=kisumu`)).paid).toEqual({ count: 0, amount: 0 });

    const answer = await hub.get(`/day/export?date=${DATE}&format=csv&centre=nyeri`, cookie);
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="nyeri-day-${DATE}.csv"`);
    const file = path.join(dir, 'nyeri-day.csv');
    writeFileSync(file, Buffer.from(await answer.arrayBuffer()));
    const checked = verify(file);
    expect(checked.code, checked.said).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('kiosk-nairobi-1');
    expect((await json<{ centres: Array<{ id: string }> }>('/centres')).centres.map((c) => c.id).sort()).toEqual(['kisumu', 'nairobi-gpo', 'nyeri']);
    expect((await json<KiosksView>('/kiosks')).kiosks.find((k) => k.id === 'kiosk-nairobi-3')?.centre).toBe('nyeri');
  });

  it('refuses an unknown or misspelt centre with a code', async () => {
    const unknown = await hub.get(`/day?date=${DATE}&centre=mombasa`, cookie);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'unknown-centre' });
    expect((await hub.get(`/day/export?date=${DATE}&format=csv&centre=mombasa`, cookie)).status).toBe(404);
    expect((await hub.get(`/day?date=${DATE}&centre=..%2Fnyeri`, cookie)).status).toBe(400);
  });

  it('refuses a malformed date with a code and changes nothing', async () => {
    const answer = await hub.get('/day?date=10-03-2026', cookie);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ error: 'invalid-date' });
    expect((await hub.get('/day/export?date=2026-03-10&format=docx', cookie)).status).toBe(400);
  });
});
