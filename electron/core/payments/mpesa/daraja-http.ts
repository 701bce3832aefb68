import { z } from 'zod';
import { MpesaRejectedError, MpesaTimeoutError, MpesaUnavailableError, type MpesaError, type MpesaOperation } from './mpesa-errors';

/** An HTTP answer from Daraja, its body parsed as JSON. */
export interface DarajaAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** Daraja's error body: `{ requestId, errorCode: "400.002.02", errorMessage }`. */
const errorBodySchema = z.object({ errorCode: z.string(), errorMessage: z.string().default('') });

export function darajaErrorOf(answer: DarajaAnswer): { errorCode: string; errorMessage: string } | undefined {
  const parsed = errorBodySchema.safeParse(answer.body);
  return parsed.success ? parsed.data : undefined;
}

/**
 * One HTTP exchange with Daraja. The timeout covers the whole exchange, body included.
 * Network failures and timeouts become typed errors; any HTTP answer is returned as is.
 */
export async function darajaRequest(
  operation: MpesaOperation,
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: unknown },
  timeoutMs: number,
): Promise<DarajaAnswer> {
  try {
    const response = await fetch(url, {
      method: init.method,
      headers: init.body === undefined ? init.headers : { ...init.headers, 'Content-Type': 'application/json' },
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: response.status, body: parseJsonOrText(await response.text()) };
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') throw new MpesaTimeoutError(operation, timeoutMs);
    throw new MpesaUnavailableError(operation, 'network', describeNetworkError(error), undefined, undefined, networkCauseCode(error));
  }
}

/** Proxies and gateways answer errors in HTML; callers then see text that fails their schema. */
function parseJsonOrText(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const CONFIGURATION_FAULT = /wrong credentials|merchant does not exist/i;

/**
 * The typed error for an answer that is not a success. Daraja uses HTTP 500 with errorCode
 * 500.001.1001 for several unrelated things; "Wrong credentials" and "Merchant does not
 * exist" among them are configuration faults (bad passkey or shortcode) no retry will cure.
 */
export function errorFromAnswer(operation: MpesaOperation, answer: DarajaAnswer): MpesaError {
  const error = darajaErrorOf(answer);
  const errorCode = error?.errorCode ?? `HTTP ${answer.status}`;
  const errorMessage = error?.errorMessage ?? 'no error details';
  if (answer.status === 429) return new MpesaUnavailableError(operation, 'rate-limited', `${errorCode} ${errorMessage}`, 429, errorCode);
  if (answer.status >= 500 && !CONFIGURATION_FAULT.test(errorMessage)) {
    return new MpesaUnavailableError(operation, 'server-error', `${errorCode} ${errorMessage}`, answer.status, errorCode);
  }
  return new MpesaRejectedError(operation, answer.status, errorCode, errorMessage);
}

export function unreadableAnswer(operation: MpesaOperation, answer: DarajaAnswer, issue: string): MpesaUnavailableError {
  return new MpesaUnavailableError(operation, 'unreadable-answer', issue, answer.status);
}

/** Node's code for why the connection failed (`ECONNREFUSED`, `ECONNRESET`, …), from fetch's cause. */
function networkCauseCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
