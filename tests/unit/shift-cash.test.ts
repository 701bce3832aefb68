import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kenyaDate, kenyaDayBounds } from '../../shared/kenya/time';
import { countDrawer, expectedInDrawer } from '../../electron/core/shifts/drawer-arithmetic';

describe('drawer arithmetic', () => {
  it('expects float + cash taken − refunds − drops', () => {
    expect(expectedInDrawer({ openingFloat: 2_000, cashTaken: 3_450, refunds: 650, drops: 1_000 })).toBe(3_800);
  });

  it('records over and short as counted − expected, and asks for sign-off only beyond the threshold', () => {
    const movements = { openingFloat: 2_000, cashTaken: 1_450, refunds: 0, drops: 0 };
    expect(countDrawer(movements, 3_450, 500)).toEqual({ expected: 3_450, counted: 3_450, variance: 0, needsSignOff: false });
    expect(countDrawer(movements, 2_950, 500)).toEqual({ expected: 3_450, counted: 2_950, variance: -500, needsSignOff: false });
    expect(countDrawer(movements, 2_949, 500)).toEqual({ expected: 3_450, counted: 2_949, variance: -501, needsSignOff: true });
    expect(countDrawer(movements, 4_000, 500)).toEqual({ expected: 3_450, counted: 4_000, variance: 550, needsSignOff: true });
  });

  it('always balances: expected + variance = counted, for any movements', () => {
    const amount = fc.integer({ min: 0, max: 500_000 });
    fc.assert(
      fc.property(amount, amount, amount, amount, amount, fc.integer({ min: 0, max: 10_000 }), (openingFloat, cashTaken, refunds, drops, counted, threshold) => {
        const count = countDrawer({ openingFloat, cashTaken, refunds, drops }, counted, threshold);
        expect(count.expected + count.variance).toBe(counted);
        expect(count.expected).toBe(openingFloat + cashTaken - refunds - drops);
        expect(count.needsSignOff).toBe(Math.abs(count.variance) > threshold);
      }),
    );
  });
});

describe('business day', () => {
  it('is the Kenyan calendar day, whatever the machine’s zone', () => {
    expect(kenyaDate(new Date('2026-11-22T20:59:59.999Z'))).toBe('2026-11-22');
    expect(kenyaDate(new Date('2026-11-22T21:00:00.000Z'))).toBe('2026-11-23');
    expect(kenyaDayBounds('2026-11-23')).toEqual({ from: '2026-11-22T21:00:00.000Z', to: '2026-11-23T21:00:00.000Z' });
  });
});
