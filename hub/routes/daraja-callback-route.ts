import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MPESA_CALLBACK_PATH } from '../../electron/core/sync/protocol';
import type { HubStore } from '../store/hub-store';

/**
 * Only what the hub needs to file a callback; the kiosk reads the rest (its own parser
 * judges the result and the metadata). Unknown fields are kept: the body is stored as sent.
 */
const stkCallbackSchema = z.looseObject({
  Body: z.looseObject({
    stkCallback: z.looseObject({
      MerchantRequestID: z.string().min(1).max(100),
      CheckoutRequestID: z.string().min(1).max(100),
      ResultCode: z.number().int(),
    }),
  }),
});

/** A callback is a few hundred bytes; anything near this is not one. */
const CALLBACK_BODY_LIMIT = 16 * 1024;

/**
 * Safaricom's side: the URL given as CallBackURL in every push. Open, as Daraja sends no
 * credentials (a deployment admits Safaricom's published addresses at its proxy). Answers
 * as Daraja integrations do, and a repeat is accepted and kept once.
 */
export function darajaCallbackRoute(app: FastifyInstance, store: HubStore, options: { now: () => Date }): void {
  app.post(MPESA_CALLBACK_PATH, { bodyLimit: CALLBACK_BODY_LIMIT }, async (request, reply) => {
    const callback = stkCallbackSchema.safeParse(request.body);
    if (!callback.success) return reply.code(400).send({ ResultCode: 1, ResultDesc: 'Rejected: not an STK callback' });
    await store.keepMpesaCallback(callback.data.Body.stkCallback.CheckoutRequestID, request.body, options.now().toISOString());
    return { ResultCode: 0, ResultDesc: 'Accepted' };
  });
}
