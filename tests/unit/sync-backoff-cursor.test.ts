import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../electron/core/sync/backoff';
import { decodeCursor, encodeCursor } from '../../hub/history-cursor';

describe('sync back-off', () => {
  it('waits between half and all of the capped exponential ceiling', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (failures, roll) => {
        const policy = { baseMs: 1000, maxMs: 300_000 };
        const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (failures - 1));
        const delay = backoffDelay(failures, policy, () => roll);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }),
    );
  });
});

describe('history cursors', () => {
  it('round-trip, and anything else decodes to nothing (the kiosk must refetch)', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), (epoch, position) => {
        expect(decodeCursor(encodeCursor({ epoch, position }))).toEqual({ epoch, position });
      }),
    );
    for (const junk of ['', 'x', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["e",-1]').toString('base64url'), Buffer.from('{"e":1}').toString('base64url')]) {
      expect(decodeCursor(junk)).toBeUndefined();
    }
  });
});
