import { describe, expect, it } from 'vitest';
import { IdempotencyKeyReusedError } from '../../electron/core/payments/card/card-terminal';
import { CardTerminalSimulator } from '../../electron/core/payments/card/card-terminal-simulator';

const charge = { amount: 550, reference: 'EC-BILL-88123', idempotencyKey: 'attempt-1' };

describe('card terminal simulator', () => {
  it('approves with an approval code and a masked card', async () => {
    const result = await new CardTerminalSimulator().charge(charge);
    expect(result).toEqual({ approved: true, approvalCode: expect.stringMatching(/^[0-9]{6}$/), maskedPan: '476173******0119', scheme: 'visa' });
  });

  it('answers a repeated idempotency key with the first result and charges once, even concurrently', async () => {
    const terminal = new CardTerminalSimulator({ delayMs: 20 });
    const [first, concurrent] = await Promise.all([terminal.charge(charge), terminal.charge(charge)]);
    const later = await terminal.charge(charge);

    expect(concurrent).toEqual(first);
    expect(later).toEqual(first);
    expect(terminal.charges()).toHaveLength(1);
    await terminal.charge({ ...charge, idempotencyKey: 'attempt-2' });
    expect(terminal.charges()).toHaveLength(2);
  });

  it('refuses an idempotency key reused for a different charge', async () => {
    const terminal = new CardTerminalSimulator();
    await terminal.charge(charge);
    await expect(terminal.charge({ ...charge, amount: 551 })).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(terminal.charges()).toHaveLength(1);
  });

  it('follows its script, then the amount', async () => {
    const terminal = new CardTerminalSimulator({ script: ['decline', 'timeout', 'cancel'] });
    const results = [];
    for (const [i, amount] of [550, 550, 550, 551, 552, 553, 650].entries()) {
      results.push(await terminal.charge({ ...charge, amount, idempotencyKey: `attempt-${i}` }));
    }
    expect(results.map((r) => (r.approved ? 'approved' : r.reason))).toEqual(['declined', 'timeout', 'cancelled', 'declined', 'timeout', 'cancelled', 'approved']);
    expect(terminal.charges()).toEqual([{ amount: 650, reference: charge.reference, approvalCode: expect.any(String) }]);
  });

  it('keeps a declined answer for its key: a retry needs a new attempt', async () => {
    const terminal = new CardTerminalSimulator({ script: ['decline'] });
    expect(await terminal.charge(charge)).toEqual({ approved: false, reason: 'declined' });
    expect(await terminal.charge(charge)).toEqual({ approved: false, reason: 'declined' });
    expect((await terminal.charge({ ...charge, idempotencyKey: 'attempt-2' })).approved).toBe(true);
  });
});
