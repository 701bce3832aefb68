import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const SECRET_HEADER = 'x-kiosk-secret';

/** Who this host is: its own page's origin and the Host header that reaches it. */
export interface HostIdentity {
  origin: string;
  host: string;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether a request could come from the page this host served. Other local pages fail the
 * Origin and Sec-Fetch-Site checks; the Host check defeats DNS rebinding. Other local
 * processes can forge all three, which is why the API also needs the secret.
 */
export function isFromOwnPage(method: string, headers: IncomingHttpHeaders, expected: HostIdentity): boolean {
  if (headers.host !== expected.host) return false;
  const origin = headers.origin;
  if (method !== 'GET' && method !== 'HEAD' && origin !== expected.origin) return false;
  if (origin !== undefined && origin !== expected.origin) return false;
  const fetchSite = headers['sec-fetch-site'];
  return fetchSite === undefined || fetchSite === 'same-origin';
}

/**
 * Decides whether an API request comes from the page this host served: from its own page,
 * carrying the per-launch secret, which only that page holds (it traded a one-time launch
 * token for it; the secret itself is never printed, put on a command line or served).
 */
export function isTrustedApiRequest(method: string, headers: IncomingHttpHeaders, expected: HostIdentity & { secret: string }): boolean {
  if (!isFromOwnPage(method, headers, expected)) return false;
  const secret = headers[SECRET_HEADER];
  return typeof secret === 'string' && sameSecret(secret, expected.secret);
}
