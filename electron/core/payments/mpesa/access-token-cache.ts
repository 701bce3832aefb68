import type { Clock } from '../../clock';

export interface IssuedToken {
  readonly token: string;
  readonly expiresInSeconds: number;
}

/**
 * Keeps one OAuth token until `refreshMarginMs` before it expires. Concurrent callers share
 * one request for a new token, so a burst of pushes costs one OAuth call.
 */
export class AccessTokenCache {
  private current: { token: string; refreshAt: number } | undefined;
  private inFlight: Promise<string> | undefined;

  constructor(
    private readonly issue: () => Promise<IssuedToken>,
    private readonly clock: Clock,
    private readonly refreshMarginMs: number,
  ) {}

  get(): Promise<string> {
    if (this.current && this.clock.now().getTime() < this.current.refreshAt) return Promise.resolve(this.current.token);
    this.inFlight ??= this.renew().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** Daraja refused the token (revoked early): the next `get` fetches a new one. */
  invalidate(): void {
    this.current = undefined;
  }

  private async renew(): Promise<string> {
    const issuedAt = this.clock.now().getTime();
    const { token, expiresInSeconds } = await this.issue();
    this.current = { token, refreshAt: issuedAt + expiresInSeconds * 1000 - this.refreshMarginMs };
    return token;
  }
}
