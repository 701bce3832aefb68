import { randomBytes } from 'node:crypto';
import Fastify, { LogController, type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import { closePromptly } from '@shared/node/http/close-promptly';
import type { Logger } from '@shared/node/logging/logger';
import { DEMO_DARAJA_CREDENTIALS } from '../../core/settings/demo-credentials';
import { newRequestId } from './daraja-ids';
import { checkPush, checkQuery, INVALID_PAYLOAD, invalidField, type DarajaFault } from './request-validation';
import { scenarioFor } from './scenarios';
import { DEFAULT_DELAYS, SimulatedMpesa, type SimulatorDelays } from './simulated-mpesa';

export interface DarajaSimulatorOptions {
  /** 0 (the default) picks a free port; the URL is returned. */
  readonly port?: number;
  readonly consumerKey?: string;
  readonly consumerSecret?: string;
  readonly shortcode?: string;
  readonly passkey?: string;
  readonly tokenLifetimeSeconds?: number;
  readonly delays?: Partial<SimulatorDelays>;
  /** False answers queries exactly as Daraja does, without the receipt-number extension below. */
  readonly receiptInQuery?: boolean;
  readonly log?: Logger;
}

export interface DarajaSimulator {
  /** `http://127.0.0.1:<port>`: use it as the Daraja base URL. */
  readonly url: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

/** Daraja's own wording for the answers the simulator gives. */
const TOKEN_REFUSED: DarajaFault = { status: 404, errorCode: '404.001.03', errorMessage: 'Invalid Access Token' };
const BAD_GRANT_TYPE: DarajaFault = { status: 400, errorCode: '400.008.02', errorMessage: 'Invalid grant type passed' };
const BAD_AUTHENTICATION: DarajaFault = { status: 400, errorCode: '400.008.01', errorMessage: 'Invalid Authentication passed' };
const STILL_PROCESSING: DarajaFault = { status: 500, errorCode: '500.001.1001', errorMessage: 'The transaction is being processed' };
const ACCEPTED = 'Success. Request accepted for processing';

/**
 * A Daraja stand-in on loopback: OAuth, STK push and STK query, validating requests as Daraja
 * does and answering in its shapes. Outcomes are scripted per payer phone (see scenarios.ts).
 *
 * One extension to Daraja: a settled query answer also carries `MpesaReceiptNumber` on
 * success, so a kiosk without a back office can settle by query alone (see MpesaGateway).
 * Test helpers live under /__simulator/ and are plain HTTP, like the rest.
 */
export async function startDarajaSimulator(options: DarajaSimulatorOptions = {}): Promise<DarajaSimulator> {
  const merchant = { shortcode: options.shortcode ?? DEMO_DARAJA_CREDENTIALS.shortcode, passkey: options.passkey ?? DEMO_DARAJA_CREDENTIALS.passkey };
  const basicAuth = `Basic ${Buffer.from(`${options.consumerKey ?? DEMO_DARAJA_CREDENTIALS.consumerKey}:${options.consumerSecret ?? DEMO_DARAJA_CREDENTIALS.consumerSecret}`).toString('base64')}`;
  const tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 3599;
  const receiptInQuery = options.receiptInQuery ?? true;
  const mpesa = new SimulatedMpesa({ ...DEFAULT_DELAYS, ...options.delays });
  const tokens = new Map<string, number>();
  let tokensIssued = 0;

  const app = Fastify(options.log ? { loggerInstance: options.log, logController: new LogController({ disableRequestLogging: true }) } : { logger: false });
  closePromptly(app);
  const refuse = (reply: FastifyReply, fault: DarajaFault) =>
    reply.code(fault.status).send({ requestId: newRequestId(), errorCode: fault.errorCode, errorMessage: fault.errorMessage });
  const bearerAccepted = (request: FastifyRequest) => {
    const token = request.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
    const expiresAt = token === undefined ? undefined : tokens.get(token);
    return expiresAt !== undefined && Date.now() < expiresAt;
  };
  const jsonObject = (body: unknown) => (typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined);

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error.statusCode !== undefined && error.statusCode < 500) return refuse(reply, INVALID_PAYLOAD);
    app.log.error({ err: error }, 'daraja simulator error');
    return refuse(reply, { status: 500, errorCode: '500.001.01', errorMessage: 'Internal server error' });
  });
  app.setNotFoundHandler((_request, reply) => refuse(reply, { status: 404, errorCode: '404.001.01', errorMessage: 'Resource not found' }));

  app.get<{ Querystring: { grant_type?: string } }>('/oauth/v1/generate', async (request, reply) => {
    if (request.query.grant_type !== 'client_credentials') return refuse(reply, BAD_GRANT_TYPE);
    if (request.headers.authorization !== basicAuth) return refuse(reply, BAD_AUTHENTICATION);
    const token = randomBytes(21).toString('base64url');
    tokens.set(token, Date.now() + tokenLifetimeSeconds * 1000);
    tokensIssued += 1;
    return { access_token: token, expires_in: String(tokenLifetimeSeconds) };
  });

  app.post('/mpesa/stkpush/v1/processrequest', async (request, reply) => {
    if (!bearerAccepted(request)) return refuse(reply, TOKEN_REFUSED);
    const body = jsonObject(request.body);
    if (!body) return refuse(reply, INVALID_PAYLOAD);
    const push = checkPush(body, merchant);
    if (!push.ok) return refuse(reply, push.fault);
    const scenario = scenarioFor(push.value.phone);
    const transaction = mpesa.startPush(push.value, scenario);
    if (scenario.pushAnswer === 'slow') await mpesa.hold();
    return {
      MerchantRequestID: transaction.merchantRequestId,
      CheckoutRequestID: transaction.checkoutRequestId,
      ResponseCode: '0',
      ResponseDescription: ACCEPTED,
      CustomerMessage: ACCEPTED,
    };
  });

  app.post('/mpesa/stkpushquery/v1/query', async (request, reply) => {
    if (!bearerAccepted(request)) return refuse(reply, TOKEN_REFUSED);
    const body = jsonObject(request.body);
    if (!body) return refuse(reply, INVALID_PAYLOAD);
    const query = checkQuery(body, merchant);
    if (!query.ok) return refuse(reply, query.fault);
    const transaction = mpesa.find(query.value);
    if (!transaction) return refuse(reply, invalidField('CheckoutRequestID'));
    if (!transaction.result) return refuse(reply, STILL_PROCESSING);
    return {
      ResponseCode: '0',
      ResponseDescription: 'The service request has been accepted successsfully', // sic: Daraja's spelling
      MerchantRequestID: transaction.merchantRequestId,
      CheckoutRequestID: transaction.checkoutRequestId,
      ResultCode: String(transaction.result.resultCode),
      ResultDesc: transaction.result.resultDesc,
      // The simulator's extension: Daraja's real answer has no receipt number.
      ...(receiptInQuery && transaction.result.receiptNumber !== undefined && { MpesaReceiptNumber: transaction.result.receiptNumber }),
    };
  });

  app.get('/__simulator/state', async () => ({ tokensIssued, transactions: mpesa.list() }));
  app.post('/__simulator/revoke-tokens', async (_request, reply) => {
    tokens.clear();
    return reply.code(204).send();
  });

  await app.listen({ host: LOOPBACK, port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${LOOPBACK}:${port}`,
    async close() {
      mpesa.close();
      await app.close();
    },
  };
}
