import { afterEach, describe, expect, it } from 'vitest';
import { endOfKenyaDay, kenyaDate, kenyaDateTimeSortable, kenyanClock, kenyanDateTime, kenyanDay, kenyaTimestamp } from '../../shared/kenya/time';
import { shillings } from '../../shared/kenya/money';
import { birthDateFromMrz } from '../../shared/mrz/fields';

const machineZone = process.env.TZ;
afterEach(() => {
  if (machineZone === undefined) delete process.env.TZ;
  else process.env.TZ = machineZone;
});

describe('Kenya time, whatever zone the machine is set to', () => {
  for (const zone of ['UTC', 'America/Lima', 'Asia/Tokyo']) {
    it(`reads the same Kenyan wall clock on a machine set to ${zone}`, () => {
      process.env.TZ = zone;
      const at = new Date('2026-11-22T04:19:30Z');
      expect(kenyanClock(at)).toBe('07:19');
      expect(kenyanDateTime('2026-11-22T21:05:00Z')).toBe('23/11/2026 00:05');
      expect(kenyaDateTimeSortable('2026-11-22T04:19:30.000Z')).toBe('2026-11-22 07:19:30');
      expect(kenyaTimestamp(at)).toBe('20261122071930');
      expect(kenyaDate(new Date('2026-11-22T20:59:59Z'))).toBe('2026-11-22');
      expect(kenyaDate(new Date('2026-11-22T21:00:00Z'))).toBe('2026-11-23');
      expect(endOfKenyaDay(at).toISOString()).toBe('2026-11-22T21:00:00.000Z');
      // 2 a.m. in Nairobi on 1 Jan 2026 is still 31 Dec in Lima: a birth date "260101" is this year in Kenya.
      expect(birthDateFromMrz('260101', new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    });
  }

  it('writes days the way Kenyan documents do, and no day as a dash', () => {
    expect(kenyanDay('2026-03-01')).toBe('01/03/2026');
    expect(kenyanDay(null)).toBe('—');
  });

  it('writes money as whole shillings grouped in thousands', () => {
    expect(shillings(1_450)).toBe('KES 1,450');
    expect(shillings(1_000_000)).toBe('KES 1,000,000');
  });
});
