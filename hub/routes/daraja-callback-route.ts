import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { readStkCallback } from '@shared/mpesa/stk-callback';
import { MPESA_CALLBACK_PATH } from '@shared/sync/protocol';
import type { HubStore } from '../store/hub-store';

/** A callback is a few hundred bytes; anything near this is not one. */
const CALLBACK_BODY_LIMIT = 16 * 1024;
/** Kiosk attempt references: what a tag in the callback's address may be. */
const TAG = /^[A-Z0-9]{4,12}$/;

export interface DarajaCallbackOptions {
  now: () => Date;
  /** Posts one source address may make per minute: Safaricom's few senders carry a whole fleet's callbacks, so it is generous. */
  callbacksPerMinute?: number;
}

/**
 * Safaricom's side: the URL given as CallBackURL in every push, with the kiosk's attempt
 * reference as a last path segment. Open, as Daraja sends no credentials (a deployment also
 * admits only Safaricom's published addresses at its proxy), and rate-limited per source
 * address. Anyone can post here, so the hub believes nothing: it keeps every distinct body
 * for the kiosk that owns the push, which checks it against its payment and Daraja's query.
 */
export async function darajaCallbackRoute(app: FastifyInstance, store: HubStore, options: DarajaCallbackOptions): Promise<void> {
  await app.register(async (open) => {
    await open.register(rateLimit, { max: options.callbacksPerMinute ?? 600, timeWindow: 60_000 });
    const keep = async (body: unknown, tag: string | undefined) => {
      if (tag !== undefined && !TAG.test(tag)) return false;
      // Safaricom sends no NUL character, and PostgreSQL's text could not keep one.
      if (JSON.stringify(body).includes('\\u0000')) return false;
      const read = readStkCallback(body);
      if (!read.ok) return false;
      const { callback } = read;
      const paid = callback.resultCode === 0 ? callback.receipt : undefined;
      await store.keepMpesaCallback({
        checkoutRequestId: callback.checkoutRequestId,
        attemptReference: tag ?? null,
        body,
        resultCode: callback.resultCode,
        receiptNumber: paid?.receiptNumber ?? null,
        amount: paid?.amount ?? null,
        receivedAt: options.now().toISOString(),
      });
      return true;
    };
    const answer = async (kept: boolean, reply: { code(status: number): { send(body: unknown): unknown } }) =>
      kept ? { ResultCode: 0, ResultDesc: 'Accepted' } : reply.code(400).send({ ResultCode: 1, ResultDesc: 'Rejected: not an STK callback' });
    open.post(MPESA_CALLBACK_PATH, { bodyLimit: CALLBACK_BODY_LIMIT }, async (request, reply) => answer(await keep(request.body, undefined), reply));
    open.post<{ Params: { tag: string } }>(`${MPESA_CALLBACK_PATH}/:tag`, { bodyLimit: CALLBACK_BODY_LIMIT }, async (request, reply) =>
      answer(await keep(request.body, request.params.tag), reply),
    );
  });
}
