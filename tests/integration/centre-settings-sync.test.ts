import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../electron/core/clock';
import { createKioskCore, type KioskCore } from '../../electron/core/kiosk-core';
import { addKiosk } from '../../hub/admin-commands';
import { addCentre } from '../../hub/centre-commands';
import type { BillView, PaymentView } from '../../shared/contract/payments';
import { fastSyncSettings } from '../support/fast-sync-settings';
import { tempKiosk, type TempKiosk } from '../support/temp-kiosk';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../support/test-hub';

/**
 * A real hub (with demo citizens and fees) and two real kiosk cores over HTTP, one of the GPO
 * centre and one of Nyeri, reading their centre's state every second.
 */
const SYNC_INTERVAL_MS = 1000;
const GPO_SETTINGS = {
  idle: { timeoutSeconds: 90, warningSeconds: 15 },
  lookup: { lookupsPerVisit: 1 },
  receipts: { footerLines: { en: ['Thank you for visiting Huduma GPO'], sw: ['Asante kwa kutembelea Huduma GPO'] } },
};

interface RunningKiosk {
  kiosk: TempKiosk;
  core: KioskCore;
  /** Warnings the core logged, as pino's JSON lines. */
  warnings: string[];
}

describe("a centre's settings from the hub", () => {
  let hub: TestHub;
  let gpo: RunningKiosk;
  let nyeri: RunningKiosk;
  let gpoSettings: Record<string, unknown>;

  const admin = (method: string, route: string, body?: unknown) =>
    fetch(`${hub.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const settingsFor = (token: string) => ({ ...fastSyncSettings(hub.url, token, { centreStateIntervalSeconds: 1 }), card: { simulator: true, simulatorDelayMs: 0 } });
  const withLog = (warnings: string[]) => pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
  const start = (kiosk: TempKiosk, settings: Record<string, unknown>): RunningKiosk => {
    const warnings: string[] = [];
    return { kiosk, warnings, core: createKioskCore({ databaseFile: kiosk.databaseFile, clock: systemClock, version: 'test', settings, log: withLog(warnings) }) };
  };
  const call = async <T>(core: KioskCore, name: string, payload: unknown = {}): Promise<T> => {
    const result = await core.invoke(name, payload);
    if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
    return result.value as T;
  };
  const refusal = async (core: KioskCore, name: string, payload: unknown) => {
    const result = await core.invoke(name, payload);
    return result.ok ? 'accepted' : result.error.code;
  };
  const idle = async (core: KioskCore) => {
    const info = await call<{ idleTimeoutSeconds: number; idleWarningSeconds: number }>(core, 'kiosk.info');
    return [info.idleTimeoutSeconds, info.idleWarningSeconds];
  };
  /** Searches in one visit until refused: how many the visit was allowed. */
  const searchesAllowed = async (core: KioskCore) => {
    await call(core, 'visit.start', { locale: 'en' });
    let allowed = 0;
    while ((await refusal(core, 'lookup.search', { kind: 'idNumber', value: '23456789' })) !== 'lookup.visitLimit') allowed += 1;
    await call(core, 'visit.end', { reason: 'done' });
    return allowed;
  };
  const settingsAudit = (core: KioskCore) =>
    core.context.db.prepare("SELECT actor, outcome, details FROM audit_log WHERE action = 'settings.fromHub' ORDER BY id").all() as Array<{ actor: string; outcome: string; details: string }>;

  beforeAll(async () => {
    hub = await startTestHub({ seedCitizens: 20 });
    await addCentre(hub.store, { centreId: 'huduma-gpo', name: 'Huduma Centre GPO' });
    await addCentre(hub.store, { centreId: 'huduma-nyeri', name: 'Huduma Centre Nyeri' });
    gpoSettings = settingsFor(await addKiosk(hub.store, 'gpo-1', new Date(), 'huduma-gpo'));
    gpo = start(tempKiosk({ clock: systemClock }), gpoSettings);
    nyeri = start(tempKiosk({ clock: systemClock }), settingsFor(await addKiosk(hub.store, 'nyeri-1', new Date(), 'huduma-nyeri')));
    await vi.waitFor(async () => {
      for (const { core } of [gpo, nyeri]) expect(await call(core, 'sync.status')).toMatchObject({ replica: { ready: true } });
    }, 30_000);
  });

  afterAll(async () => {
    for (const { kiosk, core } of [gpo, nyeri]) {
      await core.close();
      await kiosk.dispose();
    }
    await hub.close();
  });

  it("reaches the centre's kiosks within one interval and changes what they do; another centre's kiosk keeps its own", async () => {
    expect(await idle(gpo.core)).toEqual([60, 20]);
    expect(await searchesAllowed(gpo.core)).toBe(3);
    const setAt = Date.now();
    expect((await admin('PUT', '/admin/v1/centres/huduma-gpo/settings', GPO_SETTINGS)).status).toBe(200);

    await vi.waitFor(async () => expect(await idle(gpo.core)).toEqual([90, 15]), 5_000);
    // One interval, plus the exchange itself and the loop's own timing.
    expect(Date.now() - setAt).toBeLessThan(SYNC_INTERVAL_MS * 2 + 500);
    expect(await searchesAllowed(gpo.core)).toBe(1);

    await call(gpo.core, 'visit.start', { locale: 'en' });
    const bill = await call<BillView>(gpo.core, 'payments.billForRenewal', { years: 3 });
    const paid = await call<PaymentView>(gpo.core, 'payments.payByCard', { billId: bill.id, idempotencyKey: randomUUID() });
    await call(gpo.core, 'payments.printReceipt', { paymentId: paid.id });
    const folder = path.join(gpo.kiosk.dir, 'printed-receipts');
    const printed = readFileSync(path.join(folder, readdirSync(folder)[0] ?? ''), 'latin1');
    expect(printed).toContain(`${paid.receiptNumber}`);
    expect(printed).toContain('Thank you for visiting Huduma GPO\nAsante kwa kutembelea Huduma GPO\n');
    await call(gpo.core, 'visit.end', { reason: 'done' });

    expect(settingsAudit(gpo.core)).toEqual([
      {
        actor: 'hub',
        outcome: 'idle.timeoutSeconds,idle.warningSeconds,lookup.lookupsPerVisit,receipts.footerLines',
        details: JSON.stringify({
          centre: 'huduma-gpo',
          'idle.timeoutSeconds': '60 -> 90',
          'idle.warningSeconds': '20 -> 15',
          'lookup.lookupsPerVisit': '3 -> 1',
          'receipts.footerLines': `{"en":[],"sw":[]} -> ${JSON.stringify(GPO_SETTINGS.receipts.footerLines)}`,
        }),
      },
    ]);
    expect(await idle(nyeri.core)).toEqual([60, 20]);
    expect(await searchesAllowed(nyeri.core)).toBe(3);
    expect(settingsAudit(nyeri.core)).toEqual([]);
  });

  it('does not apply a document that, over the kiosk\'s own settings, would be invalid: it keeps what it has and says why', async () => {
    // Within the allow-list's bounds, but shorter than this kiosk's own 20-second warning once merged.
    expect((await admin('PUT', '/admin/v1/centres/huduma-gpo/settings', { idle: { timeoutSeconds: 15 } })).status).toBe(200);
    await vi.waitFor(() => expect(gpo.warnings.join('')).toContain('idle.warningSeconds must be shorter than idle.timeoutSeconds'), 5_000);
    expect(await idle(gpo.core)).toEqual([90, 15]);
    expect(await searchesAllowed(gpo.core)).toBe(1);
    expect(settingsAudit(gpo.core)).toHaveLength(1);

    // Put back: the rest of the tests start from the centre's document.
    expect((await admin('PUT', '/admin/v1/centres/huduma-gpo/settings', GPO_SETTINGS)).status).toBe(200);
  });

  it('gives back the kiosk\'s own value for a setting the centre no longer sets', async () => {
    const withoutLookup = { idle: GPO_SETTINGS.idle, receipts: GPO_SETTINGS.receipts };
    expect((await admin('PUT', '/admin/v1/centres/huduma-gpo/settings', withoutLookup)).status).toBe(200);
    await vi.waitFor(() => expect(settingsAudit(gpo.core).at(-1)?.outcome).toBe('lookup.lookupsPerVisit'), 5_000);
    expect(await searchesAllowed(gpo.core)).toBe(3);
    expect(await idle(gpo.core)).toEqual([90, 15]);
    expect((await admin('PUT', '/admin/v1/centres/huduma-gpo/settings', GPO_SETTINGS)).status).toBe(200);
    await vi.waitFor(() => expect(settingsAudit(gpo.core)).toHaveLength(3), 5_000);
  });

  it("starts again with the centre's settings when the hub cannot be reached", async () => {
    await gpo.core.close();
    // Nothing listens on the discard port: every exchange fails.
    gpo = start(gpo.kiosk, { ...gpoSettings, sync: { ...(gpoSettings.sync as object), hubUrl: 'http://127.0.0.1:9' } });
    expect(await idle(gpo.core)).toEqual([90, 15]);
    expect(await searchesAllowed(gpo.core)).toBe(1);
    expect(settingsAudit(gpo.core)).toHaveLength(3);
  });
});
