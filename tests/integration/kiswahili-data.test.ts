import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountDetails } from '../../shared/contract/lookup';
import type { BillView } from '../../shared/contract/payments';
import { hubReplicaRows, kioskReplicaRows } from '../support/replica-compare';
import { tempKiosk, type TempKiosk } from '../support/temp-kiosk';
import { startTestHub, type TestHub } from '../support/test-hub';
import { fastSyncSettings } from '../support/fast-sync-settings';
import { verifyVisitAs } from '../support/verify-visit';

const JANE = '12345678';

describe('offences in Kiswahili, from the hub to the screen', () => {
  let hub: TestHub;
  let kiosk: TempKiosk;

  const call = async <T>(name: string, payload: unknown): Promise<T> => {
    const result = await kiosk.core.invoke(name, payload);
    if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
    return result.value as T;
  };
  const caughtUp = () =>
    vi.waitFor(() => expect(kioskReplicaRows(kiosk.core.context.db)).toEqual(hubReplicaRows(hub.store.db)), { timeout: 20_000, interval: 50 });
  const janesFirstFine = () => hub.store.db.prepare("SELECT id FROM fines WHERE reference = 'NTSA-F-10000001'").get() as { id: number };

  beforeEach(async () => {
    hub = await startTestHub({ seedCitizens: 50 });
    kiosk = tempKiosk({ settings: fastSyncSettings(hub.url, await hub.addKiosk('kiosk-sw')) });
    await caughtUp();
  });

  afterEach(async () => {
    await kiosk.dispose();
    await hub.close();
  });

  it('the hub sends both names; the verified details and the fine’s bill carry the Kiswahili one', async () => {
    const unnamed = kiosk.core.context.db.prepare('SELECT count(*) AS n FROM fines WHERE offence_sw IS NULL OR offence_sw = offence').get() as { n: number };
    expect(unnamed.n).toBe(0);

    await call('visit.start', { locale: 'sw' });
    await verifyVisitAs(kiosk.core, JANE);
    const details = await call<AccountDetails>('lookup.details', {});
    expect(details.unpaidFines.map((fine) => fine.offence)).toEqual([
      { en: 'Driving with an expired licence', sw: 'Kuendesha gari kwa leseni iliyokwisha muda wake' },
      { en: 'Using a mobile phone while driving', sw: 'Kutumia simu ya mkononi wakati wa kuendesha gari' },
    ]);
    const bill = await call<BillView>('payments.billForFine', { fineId: janesFirstFine().id });
    expect(bill.lines.map((line) => line.description)).toEqual([
      { en: 'Fine: Driving with an expired licence', sw: 'Faini: Kuendesha gari kwa leseni iliyokwisha muda wake' },
    ]);
  });

  it('a fine the back office gave no Kiswahili name shows its English name in both languages', async () => {
    await hub.store.writeReplica([{ table: 'fines', upserts: [{ id: janesFirstFine().id, offence_sw: null }] }]);
    await caughtUp();

    await call('visit.start', { locale: 'sw' });
    await verifyVisitAs(kiosk.core, JANE);
    const details = await call<AccountDetails>('lookup.details', {});
    expect(details.unpaidFines[0]?.offence).toEqual({ en: 'Driving with an expired licence', sw: 'Driving with an expired licence' });
  });
});
