import { z } from 'zod';
import { systemClock, type Clock } from '../../clock';
import { kenyaTimestamp } from '@shared/kenya/time';
import { AccessTokenCache, type IssuedToken } from './access-token-cache';
import { darajaErrorOf, darajaRequest, errorFromAnswer, unreadableAnswer, type DarajaAnswer } from './daraja-http';
import { darajaPassword } from './daraja-password';
import type { MpesaGateway, StkPushAccepted, StkPushRequest } from './mpesa-gateway';
import { MpesaRejectedError, type MpesaOperation } from './mpesa-errors';
import { resultCodeSchema } from '@shared/mpesa/stk-callback';
import { parseStkCallback, type StkCallbackResult } from './stk-callback';
import { outcomeFromResult, type StkOutcome } from './stk-outcome';
import { accountReferenceField, amountField, msisdnField, transactionDescField } from './stk-push-fields';

/** Named as in the `mpesa` settings section, so the section can be spread in. */
export interface DarajaClientOptions {
  /** `https://api.safaricom.co.ke` (production), `https://sandbox.safaricom.co.ke`, or a simulator. */
  readonly baseUrl: string;
  readonly consumerKey: string;
  readonly consumerSecret: string;
  /** The paybill number: BusinessShortCode and PartyB. */
  readonly shortcode: string;
  readonly passkey: string;
  /** Where Safaricom posts results: the back office's public HTTPS endpoint. */
  readonly callbackUrl: string;
  readonly requestTimeoutMs?: number;
  readonly tokenRefreshMarginSeconds?: number;
  readonly clock?: Clock;
}

const tokenAnswerSchema = z.object({
  access_token: z.string().min(1),
  // Daraja sends "3599", a string.
  expires_in: z.coerce.number().int().positive(),
});

const pushAnswerSchema = z.object({
  MerchantRequestID: z.string().min(1),
  CheckoutRequestID: z.string().min(1),
  ResponseCode: z.union([z.string(), z.number()]).transform(String),
  ResponseDescription: z.string().default(''),
});

const queryAnswerSchema = z.object({
  ResultCode: resultCodeSchema.optional(),
  ResultDesc: z.string().default(''),
  /** Not in Daraja's answer: only the simulator adds it (see MpesaGateway). */
  MpesaReceiptNumber: z.string().min(1).optional(),
});

/** Daraja's answer to a query for a push the customer has not answered yet. */
const STILL_PROCESSING = { errorCode: '500.001.1001', message: /being processed/i };

/** Daraja's STK push and query over HTTP, with the OAuth token cached. */
export class DarajaClient implements MpesaGateway {
  private readonly clock: Clock;
  private readonly timeoutMs: number;
  private readonly token: AccessTokenCache;

  constructor(private readonly options: DarajaClientOptions) {
    this.clock = options.clock ?? systemClock;
    this.timeoutMs = options.requestTimeoutMs ?? 15_000;
    this.token = new AccessTokenCache(() => this.issueToken(), this.clock, (options.tokenRefreshMarginSeconds ?? 60) * 1000);
  }

  async push(request: StkPushRequest): Promise<StkPushAccepted> {
    const msisdn = msisdnField(request.phone);
    const body = {
      ...this.credentials(),
      TransactionType: 'CustomerPayBillOnline',
      Amount: amountField(request.amount),
      PartyA: msisdn,
      PartyB: this.options.shortcode,
      PhoneNumber: msisdn,
      CallBackURL: request.callbackTag ? `${this.options.callbackUrl.replace(/\/+$/, '')}/${encodeURIComponent(request.callbackTag)}` : this.options.callbackUrl,
      AccountReference: accountReferenceField(request.accountReference),
      TransactionDesc: transactionDescField(request.description),
    };
    const answer = await this.post('push', '/mpesa/stkpush/v1/processrequest', body);
    if (!isSuccess(answer)) throw errorFromAnswer('push', answer);
    const accepted = pushAnswerSchema.safeParse(answer.body);
    if (!accepted.success) throw unreadableAnswer('push', answer, accepted.error.message);
    if (accepted.data.ResponseCode !== '0') {
      throw new MpesaRejectedError('push', answer.status, `ResponseCode ${accepted.data.ResponseCode}`, accepted.data.ResponseDescription);
    }
    return { merchantRequestId: accepted.data.MerchantRequestID, checkoutRequestId: accepted.data.CheckoutRequestID };
  }

  async query(checkoutRequestId: string): Promise<StkOutcome> {
    const answer = await this.post('query', '/mpesa/stkpushquery/v1/query', { ...this.credentials(), CheckoutRequestID: checkoutRequestId });
    if (isStillProcessing(answer)) return { state: 'pending' };
    if (!isSuccess(answer)) throw errorFromAnswer('query', answer);
    const result = queryAnswerSchema.safeParse(answer.body);
    if (!result.success) throw unreadableAnswer('query', answer, result.error.message);
    const { ResultCode, ResultDesc, MpesaReceiptNumber } = result.data;
    if (ResultCode === undefined) return { state: 'pending' };
    return outcomeFromResult(ResultCode, ResultDesc, MpesaReceiptNumber ? { receiptNumber: MpesaReceiptNumber } : undefined);
  }

  parseStkCallback(body: unknown): StkCallbackResult {
    return parseStkCallback(body);
  }

  /** BusinessShortCode, Password and Timestamp: fresh for every request. */
  private credentials() {
    const timestamp = kenyaTimestamp(this.clock.now());
    const { shortcode, passkey } = this.options;
    return { BusinessShortCode: shortcode, Password: darajaPassword(shortcode, passkey, timestamp), Timestamp: timestamp };
  }

  /** A Bearer request; a token Daraja no longer accepts is renewed once. */
  private async post(operation: MpesaOperation, path: string, body: unknown): Promise<DarajaAnswer> {
    const send = async () =>
      darajaRequest(operation, this.url(path), { method: 'POST', headers: { Authorization: `Bearer ${await this.token.get()}` }, body }, this.timeoutMs);
    const answer = await send();
    if (!isTokenRefused(answer)) return answer;
    this.token.invalidate();
    return send();
  }

  private async issueToken(): Promise<IssuedToken> {
    const basic = Buffer.from(`${this.options.consumerKey}:${this.options.consumerSecret}`, 'utf8').toString('base64');
    const answer = await darajaRequest(
      'oauth',
      this.url('/oauth/v1/generate?grant_type=client_credentials'),
      { method: 'GET', headers: { Authorization: `Basic ${basic}` } },
      this.timeoutMs,
    );
    if (!isSuccess(answer)) throw errorFromAnswer('oauth', answer);
    const issued = tokenAnswerSchema.safeParse(answer.body);
    if (!issued.success) throw unreadableAnswer('oauth', answer, issued.error.message);
    return { token: issued.data.access_token, expiresInSeconds: issued.data.expires_in };
  }

  private url(path: string): string {
    return `${this.options.baseUrl.replace(/\/+$/, '')}${path}`;
  }
}

const isSuccess = (answer: DarajaAnswer) => answer.status >= 200 && answer.status < 300;

/** Daraja answers an unknown or expired token with errorCode 404.001.03 ("Invalid Access Token"). */
function isTokenRefused(answer: DarajaAnswer): boolean {
  return answer.status === 401 || darajaErrorOf(answer)?.errorCode === '404.001.03';
}

function isStillProcessing(answer: DarajaAnswer): boolean {
  const error = darajaErrorOf(answer);
  return error?.errorCode === STILL_PROCESSING.errorCode && STILL_PROCESSING.message.test(error.errorMessage);
}
