import { describe, expect, it } from 'vitest';
import { overrideCalls, overrideNoteSchema } from '../../shared/contract/overrides';

describe('an override note never carries an identifier into the audit trail', () => {
  it('takes short plain notes, trimmed', () => {
    expect(overrideNoteSchema.parse('  Citizen left before the prompt  ')).toBe('Citizen left before the prompt');
    expect(overrideNoteSchema.parse('Tried 3 times, card 2 of 2')).toBe('Tried 3 times, card 2 of 2');
  });

  it('refuses a run of five digits (an ID, phone or passport number) and overlong notes', () => {
    for (const note of ['ID 12345678', 'phone 0712345678', 'ref 00000', 'x'.repeat(121)]) expect(overrideNoteSchema.safeParse(note).success).toBe(false);
  });

  it('every override is a clerk call that needs a reason from the list', () => {
    for (const def of Object.values(overrideCalls)) expect(def.role).toBe('clerk');
    expect(overrideCalls['overrides.liftLookupLimit'].request.safeParse({}).success).toBe(false);
    expect(overrideCalls['overrides.liftLookupLimit'].request.safeParse({ reason: 'because' }).success).toBe(false);
    expect(overrideCalls['overrides.cancelStuckPayment'].request.safeParse({ paymentId: 'p1', reason: 'citizen-left' }).success).toBe(true);
  });
});
