import type { z } from 'zod';
import {
  auditHeadsResponseSchema,
  downloadResponseSchema,
  heartbeatAnswerSchema,
  mpesaCallbacksResponseSchema,
  SYNC_PATHS,
  uploadConflictSchema,
  uploadResponseSchema,
  type AuditHeadsResponse,
  type DownloadResponse,
  type Heartbeat,
  type UnclaimedMpesa,
  type MpesaCallbacksRequest,
  type MpesaCallbacksResponse,
  type UploadConflict,
  type UploadRequest,
  type UploadResponse,
} from '@shared/sync/protocol';
import { centreStateSchema, type CentreState } from '@shared/sync/centre-state';
import { SyncFailure } from './sync-failure';

export interface HubClientOptions {
  hubUrl: string;
  kioskToken: string;
  timeoutMs: number;
}

interface Reply {
  status: number;
  body: unknown;
}

/**
 * The kiosk's side of the wire. Every call takes the sync service's stop signal and checks
 * it once more before returning, so nothing the caller does after an await runs on a
 * stopped service (and a closed database).
 */
export class HubClient {
  constructor(private readonly options: HubClientOptions) {}

  async upload(request: UploadRequest, signal: AbortSignal): Promise<UploadResponse | UploadConflict> {
    const reply = await this.exchange('POST', SYNC_PATHS.upload, request, signal, [409]);
    return reply.status === 409 ? parse(uploadConflictSchema, reply) : parse(uploadResponseSchema, reply);
  }

  async download(cursor: string | undefined, limit: number, signal: AbortSignal): Promise<DownloadResponse> {
    const query = new URLSearchParams({ limit: String(limit) });
    if (cursor !== undefined) query.set('cursor', cursor);
    return parse(downloadResponseSchema, await this.exchange('GET', `${SYNC_PATHS.download}?${query}`, undefined, signal));
  }

  /** The callbacks the hub kept for these pushes, as Safaricom posted them. */
  async mpesaCallbacks(asked: MpesaCallbacksRequest, signal: AbortSignal): Promise<MpesaCallbacksResponse['callbacks']> {
    return parse(mpesaCallbacksResponseSchema, await this.exchange('POST', SYNC_PATHS.mpesaCallbacks, asked, signal)).callbacks;
  }

  /** Every audit head the hub holds for this kiosk, by row, page after page. */
  async auditHeads(signal: AbortSignal): Promise<AuditHeadsResponse['heads']> {
    const heads: AuditHeadsResponse['heads'] = [];
    for (;;) {
      const query = new URLSearchParams({ after: String(heads.at(-1)?.id ?? 0) });
      const page = parse(auditHeadsResponseSchema, await this.exchange('GET', `${SYNC_PATHS.auditHeads}?${query}`, undefined, signal));
      heads.push(...page.heads);
      if (!page.hasMore || page.heads.length === 0) return heads;
    }
  }

  /** The kiosk's unclaimed M-Pesa money the hub reports back (none from an older hub). */
  async heartbeat(heartbeat: Heartbeat, signal: AbortSignal): Promise<UnclaimedMpesa[]> {
    const reply = await this.exchange('POST', SYNC_PATHS.heartbeat, heartbeat, signal);
    return reply.status === 204 ? [] : parse(heartbeatAnswerSchema, reply).unclaimedMpesa;
  }

  /** The kiosk's centre as the hub has it: its staff and centre-wide lockouts. */
  async centreState(signal: AbortSignal): Promise<CentreState> {
    return parse(centreStateSchema, await this.exchange('GET', SYNC_PATHS.centreState, undefined, signal));
  }

  private async exchange(method: 'GET' | 'POST', path: string, body: unknown, signal: AbortSignal, expected: number[] = []): Promise<Reply> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    let status: number;
    let text: string;
    let retryAfter: string | null;
    try {
      const response = await fetch(new URL(path, this.options.hubUrl), {
        method,
        headers: {
          authorization: `Bearer ${this.options.kioskToken}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.any([signal, timeout]),
      });
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      text = await response.text();
    } catch (error) {
      signal.throwIfAborted();
      if (timeout.aborted) throw new SyncFailure('unavailable', `no answer from the hub within ${this.options.timeoutMs / 1000} s`);
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw new SyncFailure('unavailable', `cannot reach the hub: ${cause}`);
    }
    signal.throwIfAborted();

    if (status >= 500 || status === 429) {
      throw new SyncFailure('unavailable', `the hub answered ${status}`, retryAfterMs(retryAfter));
    }
    if (status >= 400 && !expected.includes(status)) throw new SyncFailure('refused', `the hub refused the request: ${status} ${text.slice(0, 200)}`);
    if (status === 204) return { status, body: undefined };
    try {
      return { status, body: JSON.parse(text) as unknown };
    } catch {
      throw new SyncFailure('refused', `the hub's answer to ${method} ${path} is not JSON`);
    }
  }
}

function parse<T extends z.ZodType>(schema: T, reply: Reply): z.output<T> {
  const parsed = schema.safeParse(reply.body);
  if (!parsed.success) throw new SyncFailure('refused', `the hub's answer does not follow the sync protocol: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

function retryAfterMs(header: string | null): number | undefined {
  const seconds = Number(header);
  return header !== null && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}
