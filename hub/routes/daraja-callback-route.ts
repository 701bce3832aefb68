import type { FastifyInstance } from 'fastify';
import { stkCallbackSchema } from '../../electron/core/payments/mpesa/stk-callback';
import { MPESA_CALLBACK_PATH } from '../../electron/core/sync/protocol';
import type { HubStore } from '../store/hub-store';

/** A callback is a few hundred bytes; anything near this is not one. */
const CALLBACK_BODY_LIMIT = 16 * 1024;

/**
 * Safaricom's side: the URL given as CallBackURL in every push. Open, as Daraja sends no
 * credentials (a deployment admits Safaricom's published addresses at its proxy). Answers
 * as Daraja integrations do, and a repeat is accepted and kept once.
 */
export function darajaCallbackRoute(app: FastifyInstance, store: HubStore, options: { now: () => Date }): void {
  app.post(MPESA_CALLBACK_PATH, { bodyLimit: CALLBACK_BODY_LIMIT }, async (request, reply) => {
    // The kiosk's own reading of the envelope; the body is kept exactly as it came.
    const callback = stkCallbackSchema.safeParse(request.body);
    if (!callback.success) return reply.code(400).send({ ResultCode: 1, ResultDesc: 'Rejected: not an STK callback' });
    await store.keepMpesaCallback(callback.data.Body.stkCallback.CheckoutRequestID, request.body, options.now().toISOString());
    return { ResultCode: 0, ResultDesc: 'Accepted' };
  });
}
