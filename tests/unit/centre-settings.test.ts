import { describe, expect, it } from 'vitest';
import { parseKioskSettings } from '../../electron/core/settings/kiosk-settings';
import { CENTRE_SETTING_PATHS, centreSettingsProblems, centreSettingsSchema } from '../../shared/sync/centre-settings';

const refusal = (document: unknown) => {
  const parsed = centreSettingsSchema.safeParse(document);
  if (parsed.success) throw new Error('accepted');
  return centreSettingsProblems(parsed.error);
};

describe('the settings a back office may set for a centre', () => {
  it('takes any subset of the allow-list, and nothing at all', () => {
    expect(centreSettingsSchema.parse({})).toEqual({});
    const document = {
      idle: { timeoutSeconds: 90 },
      lookup: { lookupsPerVisit: 1, expiringWithinDays: 60 },
      staff: { maxFailedPins: 3, varianceSignOffThreshold: 0 },
      receipts: { footerLines: { en: ['Thank you'], sw: ['Asante'] } },
    };
    expect(centreSettingsSchema.parse(document)).toEqual(document);
  });

  it('lists each setting once, as the kiosk knows it', () => {
    expect(CENTRE_SETTING_PATHS.map((path) => path.join('.'))).toEqual([
      'idle.timeoutSeconds',
      'idle.warningSeconds',
      'lookup.lookupsPerVisit',
      'lookup.kioskLookupsPerWindow',
      'lookup.kioskWindowSeconds',
      'lookup.expiringWithinDays',
      'staff.idleTimeoutSeconds',
      'staff.maxFailedPins',
      'staff.lockoutMinutes',
      'staff.varianceSignOffThreshold',
      'receipts.headerLines',
      'receipts.footerLines',
    ]);
    const defaults = parseKioskSettings({}) as unknown as Record<string, Record<string, unknown>>;
    for (const [section, key] of CENTRE_SETTING_PATHS) expect(defaults[section]?.[key], `${section}.${key}`).toBeDefined();
  });

  it('refuses secrets, deployment facts and unknown keys, naming each', () => {
    expect(refusal({ mpesa: { consumerSecret: 'x' } })).toBe('mpesa: not a setting the back office may set');
    expect(refusal({ sync: { kioskToken: 'x' }, printer: { host: '10.0.0.9' } })).toBe('sync, printer: not a setting the back office may set');
    expect(refusal({ lookup: { lookupsPerVisit: 2, perVisit: 2 } })).toBe('lookup.perVisit: not a setting the back office may set');
    expect(refusal({ receipts: { pdfPageSize: 'A6' } })).toBe('receipts.pdfPageSize: not a setting the back office may set');
    expect(refusal({ receipts: { footerLines: { en: [], sw: [], fr: [] } } })).toBe('receipts.footerLines.fr: not a setting the back office may set');
  });

  it("refuses values outside the kiosk's own bounds, naming the path", () => {
    expect(refusal({ lookup: { lookupsPerVisit: 0 } })).toMatch(/^lookup\.lookupsPerVisit: /);
    expect(refusal({ idle: { timeoutSeconds: 3601 } })).toMatch(/^idle\.timeoutSeconds: /);
    expect(refusal({ staff: { maxFailedPins: 2.5 } })).toMatch(/^staff\.maxFailedPins: /);
    expect(refusal({ idle: 60 })).toMatch(/^idle: /);
    expect(refusal([])).toMatch(/^the document: /);
    for (const [section, key] of CENTRE_SETTING_PATHS.filter(([section]) => section !== 'receipts')) {
      // Whatever a centre may set, the kiosk's schema takes too (the bounds are the same fields);
      // the idle pair must also keep the warning shorter, which the kiosk checks after merging.
      const lowest = centreSettingsSchema.shape[section as 'lookup'].unwrap().shape[key as 'lookupsPerVisit'].unwrap().minValue ?? 0;
      const pair = section === 'idle' ? { timeoutSeconds: 60, warningSeconds: 5 } : {};
      expect(() => parseKioskSettings({ [section]: { ...pair, [key]: lowest } }), `${section}.${key}`).not.toThrow();
    }
  });

  it('refuses receipt lines a printer could take for commands, and too many or too long ones', () => {
    const footer = (en: string[]) => ({ receipts: { footerLines: { en, sw: [] } } });
    for (const line of ['\x1b@', 'Cut here\x1dV', 'Tab\there', 'Two\nlines', 'Bell\x07', 'Zero\u200bwidth', 'Line\u2028separator', '\x9b']) {
      expect(refusal(footer([line])), JSON.stringify(line)).toBe('receipts.footerLines.en.0: printable text only: no control characters');
    }
    expect(refusal(footer(['x'.repeat(49)]))).toMatch(/^receipts\.footerLines\.en\.0: /);
    expect(refusal(footer(['a', 'b', 'c', 'd', 'e']))).toMatch(/^receipts\.footerLines\.en: /);
    expect(centreSettingsSchema.safeParse(footer(['Karibu tena!  Asante — Huduma, 0800 221 111', 'x'.repeat(48)])).success).toBe(true);
  });
});

describe("the kiosk's idle settings", () => {
  it('refuses a warning as long as the timeout itself', () => {
    expect(() => parseKioskSettings({ idle: { timeoutSeconds: 20 } })).toThrow(/idle.warningSeconds must be shorter than idle.timeoutSeconds/);
    expect(parseKioskSettings({ idle: { timeoutSeconds: 21 } }).idle).toEqual({ timeoutSeconds: 21, warningSeconds: 20 });
  });
});
