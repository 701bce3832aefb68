import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MPESA_CALLBACK_PATH } from '../../shared/sync/protocol';
import { hostileJsonValue, hostileNumber, hostileString } from '../support/fuzz/hostile-values';
import { startTestHub, type TestHub } from '../support/test-hub';

/** The one hub route open to the internet, since Daraja sends no credentials. */
describe('the hub’s Daraja callback route, fuzzed', () => {
  let hub: TestHub;
  const kept = () => (hub.store.db.prepare('SELECT count(*) AS n FROM mpesa_callbacks').get() as { n: number }).n;
  const post = (body: string, contentType = 'application/json') =>
    fetch(`${hub.url}${MPESA_CALLBACK_PATH}`, { method: 'POST', headers: { 'content-type': contentType }, body });

  beforeAll(async () => {
    // Above the per-address limit: the fuzz posts hundreds of callbacks from one address (the limit has its own test).
    hub = await startTestHub({ callbacksPerMinute: 100_000 });
  });
  afterAll(() => hub.close());

  it('answers anything that is not an STK callback with a 4xx (400, or 413 when too big) and keeps nothing', async () => {
    const notACallback = fc.oneof(
      hostileJsonValue,
      fc.record({ Body: hostileJsonValue }),
      fc.record({ Body: fc.record({ stkCallback: fc.record({ MerchantRequestID: hostileJsonValue, CheckoutRequestID: fc.oneof(hostileNumber, fc.constant('')), ResultCode: hostileJsonValue }) }) }),
    );
    await fc.assert(
      fc.asyncProperty(notACallback, async (body) => {
        const answer = await post(JSON.stringify(body) ?? 'null');
        expect([400, 413]).toContain(answer.status);
      }),
      { numRuns: 300 },
    );
    for (const raw of ['{', 'x'.repeat(20_000), '\u0000', '[]']) expect([400, 413]).toContain((await post(raw)).status);
    expect([400, 415]).toContain((await post('{"Body":1}', 'text/plain')).status);
    expect(kept()).toBe(0);
  });

  it('keeps each distinct well-formed callback body once, whatever its strings but a NUL character, and never answers 5xx', async () => {
    const callback = fc.record({
      Body: fc.record({
        stkCallback: fc.record({
          MerchantRequestID: fc.oneof(hostileString, fc.string({ minLength: 1, maxLength: 100 })).filter((s) => s.length >= 1 && s.length <= 100),
          CheckoutRequestID: fc.oneof(hostileString, fc.string({ minLength: 1, maxLength: 100 })).filter((s) => s.length >= 1 && s.length <= 100),
          ResultCode: fc.integer({ min: -1e9, max: 1e9 }),
          // Within the 16 KiB a callback may take; a bigger body is refused (above).
          ResultDesc: fc.oneof(hostileString, fc.string()).filter((s) => s.length <= 1000),
        }),
      }),
    });
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(callback, fc.boolean(), async (body, repeat) => {
        // Safaricom sends no NUL, and PostgreSQL's text could not keep one: refused, on either store.
        const withNul = JSON.stringify(body).includes('\\u0000');
        for (let i = 0; i < (repeat ? 2 : 1); i++) {
          const answer = await post(JSON.stringify(body));
          expect(answer.status).toBe(withNul ? 400 : 200);
          expect(await answer.json()).toEqual(withNul ? { ResultCode: 1, ResultDesc: 'Rejected: not an STK callback' } : { ResultCode: 0, ResultDesc: 'Accepted' });
        }
        // Every distinct body is kept (a forged one must not hide the genuine one); a repeat once.
        if (!withNul) seen.add(JSON.stringify(body));
        expect(kept()).toBe(seen.size);
      }),
      { numRuns: 300 },
    );
  });
});
