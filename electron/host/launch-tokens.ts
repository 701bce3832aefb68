import { randomBytes } from 'node:crypto';

/** Long enough to open a printed address by hand; the page spends its token at once. */
export const LAUNCH_TOKEN_TTL_MS = 5 * 60_000;

/**
 * One-time launch tokens. The address the host prints and hands to Chromium carries one of
 * these rather than the API secret: the command line and the console are visible to every
 * local user, so what they show must be worthless once the kiosk's page has spent it.
 */
export class LaunchTokens {
  private readonly live = new Map<string, number>();

  constructor(
    private readonly ttlMs = LAUNCH_TOKEN_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  mint(): string {
    const token = randomBytes(32).toString('base64url');
    this.live.set(token, this.now() + this.ttlMs);
    return token;
  }

  /** True once for a token minted here and not yet expired; it is gone after the first try. */
  spend(token: string): boolean {
    const expiresAt = this.live.get(token);
    this.live.delete(token);
    for (const [other, otherExpiry] of this.live) if (otherExpiry <= this.now()) this.live.delete(other);
    return expiresAt !== undefined && expiresAt > this.now();
  }
}
