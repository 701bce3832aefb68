import { describe, expect, it } from 'vitest';
import { kenyanDateTime, kenyaTimestamp } from '../../shared/kenya/time';
import { darajaPassword } from '../../electron/core/payments/mpesa/daraja-password';
import { MpesaMalformedCallbackError } from '../../electron/core/payments/mpesa/mpesa-errors';
import { describeResultCode, EXPLAINED_RESULT_CODES } from '../../electron/core/payments/mpesa/result-codes';
import { parseStkCallback } from '../../electron/core/payments/mpesa/stk-callback';

const callback = (stkCallback: Record<string, unknown>) => ({ Body: { stkCallback } });
const ids = { MerchantRequestID: '29115-34620561-1', CheckoutRequestID: 'ws_CO_191220191020363925' };

describe('Kenya time and the Daraja password', () => {
  it('is UTC+3 whatever the machine time zone, across midnight and year end', () => {
    expect(kenyaTimestamp(new Date('2025-03-01T21:30:05Z'))).toBe('20250302003005');
    expect(kenyaTimestamp(new Date('2024-12-31T22:00:00Z'))).toBe('20250101010000');
    expect(kenyanDateTime(new Date('2025-03-01T06:15:00Z'))).toBe('01/03/2025 09:15');
  });

  it("is base64(shortcode + passkey + timestamp), as Safaricom's sandbox example", () => {
    expect(darajaPassword('174379', 'bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919', '20160216165627')).toBe(
      'MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJhZGExZWQyYzkxOTIwMTYwMjE2MTY1NjI3',
    );
  });
});

describe('parseStkCallback', () => {
  const items = [
    { Name: 'Amount', Value: 1.0 },
    { Name: 'MpesaReceiptNumber', Value: 'NLJ7RT61SV' },
    { Name: 'Balance' },
    { Name: 'TransactionDate', Value: 20191219102115 },
    { Name: 'PhoneNumber', Value: 254708374149 },
  ];
  const paid = { state: 'paid', receipt: { receiptNumber: 'NLJ7RT61SV', amount: 1, transactionDate: '20191219102115', phone: '254708374149' } };

  it('reads metadata by name in any order, tolerating items without a Value', () => {
    for (const order of [items, [...items].reverse(), [items[2], items[4], items[1], items[0], items[3]]]) {
      const result = parseStkCallback(
        callback({ ...ids, ResultCode: 0, ResultDesc: 'The service request is processed successfully.', CallbackMetadata: { Item: order } }),
      );
      expect(result).toEqual({ merchantRequestId: ids.MerchantRequestID, checkoutRequestId: ids.CheckoutRequestID, outcome: paid });
    }
  });

  it('reads a failure, which has no metadata', () => {
    expect(parseStkCallback(callback({ ...ids, ResultCode: 1032, ResultDesc: 'Request cancelled by user' })).outcome).toEqual({
      state: 'failed',
      resultCode: 1032,
      resultDesc: 'Request cancelled by user',
    });
  });

  it('never reports paid without a receipt number', () => {
    const withoutReceipt = items.filter((item) => item.Name !== 'MpesaReceiptNumber');
    const result = parseStkCallback(callback({ ...ids, ResultCode: '0', ResultDesc: 'ok', CallbackMetadata: { Item: withoutReceipt } }));
    expect(result.outcome).toEqual({ state: 'confirmed-awaiting-receipt', resultDesc: 'ok' });
  });

  it('refuses what is not an STK callback', () => {
    for (const body of [undefined, 'text', {}, { Body: {} }, callback({ ...ids, ResultDesc: 'no code' }), callback({ ResultCode: 0, ResultDesc: 'no ids' })]) {
      expect(() => parseStkCallback(body)).toThrow(MpesaMalformedCallbackError);
    }
  });
});

describe('result-code advice', () => {
  it('explains every listed code in English and Kiswahili', () => {
    expect(EXPLAINED_RESULT_CODES).toEqual(expect.arrayContaining([0, 1, 17, 1001, 1019, 1025, 1032, 1037, 2001, 9999]));
    for (const code of EXPLAINED_RESULT_CODES) {
      const advice = describeResultCode(code);
      for (const text of [advice.message, advice.nextStepText]) {
        expect(text.en.length, `${code} en`).toBeGreaterThan(5);
        expect(text.sw.length, `${code} sw`).toBeGreaterThan(5);
        expect(text.sw).not.toBe(text.en);
      }
    }
  });

  it('gives each failure its next step', () => {
    expect(describeResultCode(0)).toMatchObject({ paid: true, nextStep: 'none' });
    expect(describeResultCode(1)).toMatchObject({ paid: false, nextStep: 'top-up-then-retry' });
    expect(describeResultCode(1001)).toMatchObject({ nextStep: 'wait-then-retry', retryAfterSeconds: 60 });
    expect(describeResultCode(1032)).toMatchObject({ nextStep: 'try-again', retryable: true });
    expect(describeResultCode(1037)).toMatchObject({ nextStep: 'check-phone-then-retry' });
    expect(describeResultCode(2001)).toMatchObject({ nextStep: 'retry-with-correct-pin' });
    expect(describeResultCode(4242)).toMatchObject({ resultCode: 4242, paid: false, nextStep: 'pay-another-way' });
  });
});
