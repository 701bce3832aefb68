import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HubSettings } from '../../electron/core/settings/hub-settings';
import { parseKioskSettings, type KioskSettings } from '../../electron/core/settings/kiosk-settings';
import type { CentreState } from '../../shared/sync/centre-state';
import { tempKiosk, type TempKiosk } from '../support/temp-kiosk';

const OWN = { lookup: { lookupsPerVisit: 4 }, printer: { transport: 'none' } };
const CENTRE = { id: 'huduma-gpo', name: 'Huduma Centre GPO', badgeKey: 'key-of-huduma-gpo-0123' };
const state = (settings: Record<string, unknown>, centre: CentreState['centre'] = CENTRE): CentreState => ({ centre, staff: [], lockouts: [], settings });

describe('the centre settings a kiosk takes from its hub', () => {
  let kiosk: TempKiosk;
  let live: KioskSettings;
  let warnings: string[];
  let hubSettings: HubSettings;
  const audited = () => kiosk.core.context.db.prepare("SELECT outcome FROM audit_log WHERE action = 'settings.fromHub'").all();

  beforeEach(() => {
    kiosk = tempKiosk();
    live = parseKioskSettings(OWN);
    warnings = [];
    const { local, audit } = kiosk.core.context;
    hubSettings = new HubSettings({ settings: live, own: OWN, local, audit, log: pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) }) });
  });
  afterEach(() => kiosk.dispose());

  it('takes nothing from a hub that placed the kiosk in no centre', () => {
    hubSettings.apply(state({ lookup: { lookupsPerVisit: 1 } }, null));
    expect(live.lookup.lookupsPerVisit).toBe(4);
    expect(audited()).toEqual([]);
  });

  it('refuses a secret or a deployment setting even from its own hub, changing nothing, and says so once', () => {
    const before = structuredClone(live);
    const forged = { lookup: { lookupsPerVisit: 1 }, mpesa: { consumerSecret: 'x' }, printer: { transport: 'tcp', host: '203.0.113.9' } };
    hubSettings.apply(state(forged));
    hubSettings.apply(state(forged));
    expect(live).toEqual(before);
    expect(audited()).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('mpesa, printer: not a setting the back office may set');
  });

  it('changes the live object in place, leaf by leaf, so services holding a section see the change', () => {
    const lookup = live.lookup;
    hubSettings.apply(state({ lookup: { lookupsPerVisit: 1 }, staff: { maxFailedPins: 3 } }));
    expect(lookup.lookupsPerVisit).toBe(1);
    expect(live.staff.maxFailedPins).toBe(3);
    expect(live.printer.transport).toBe('none');
    expect(audited()).toEqual([{ outcome: 'lookup.lookupsPerVisit,staff.maxFailedPins' }]);
    // The same document again changes nothing and writes nothing.
    hubSettings.apply(state({ lookup: { lookupsPerVisit: 1 }, staff: { maxFailedPins: 3 } }));
    expect(audited()).toHaveLength(1);
  });
});
