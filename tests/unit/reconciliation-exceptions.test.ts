import { describe, expect, it } from 'vitest';
import { reconcileMpesa, type MpesaPaymentRecord } from '../../electron/core/reports/reconciliation';

const payment = (id: string, state: string, receipt: string | null, confirmedAt: string | null = null): MpesaPaymentRecord => ({
  paymentId: id,
  state,
  amount: 650,
  receipt,
  confirmedAt,
});

describe('M-Pesa reconciliation', () => {
  it('finds nothing when every paid payment has its own receipt and nothing else has one', () => {
    expect(
      reconcileMpesa([payment('a', 'paid', 'QKB1A2C3D4'), payment('b', 'paid', 'QKB1A2C3D5'), payment('c', 'failed', null), payment('d', 'prompted', null)]),
    ).toEqual([]);
  });

  it('lists money confirmed by M-Pesa with no receipt number to match', () => {
    expect(reconcileMpesa([payment('a', 'prompted', null, '2026-11-22T07:00:00.000Z')])).toEqual([
      { kind: 'paid-without-receipt', paymentId: 'a', receipt: null, amount: 650 },
    ]);
  });

  it('lists a receipt number matched to two payments, whatever its case or spacing, on both', () => {
    expect(reconcileMpesa([payment('a', 'paid', 'QKB1A2C3D4'), payment('b', 'paid', ' qkb1a2c3d4')])).toEqual([
      { kind: 'receipt-matched-twice', paymentId: 'a', receipt: 'QKB1A2C3D4', amount: 650 },
      { kind: 'receipt-matched-twice', paymentId: 'b', receipt: ' qkb1a2c3d4', amount: 650 },
    ]);
  });

  it('lists a receipt on a payment not counted as paid, and money due back', () => {
    expect(reconcileMpesa([payment('a', 'expired', 'QKB1A2C3D4'), payment('b', 'refund_due', 'QKB1A2C3D9')])).toEqual([
      { kind: 'receipt-on-unpaid', paymentId: 'a', receipt: 'QKB1A2C3D4', amount: 650 },
      { kind: 'refund-due', paymentId: 'b', receipt: 'QKB1A2C3D9', amount: 650 },
    ]);
  });
});
