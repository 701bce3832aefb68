import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const SECRET_HEADER = 'x-kiosk-secret';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Decides whether an API request comes from the page this host served. Other local pages
 * fail the Origin check (and cannot read the secret); other local processes can forge an
 * Origin but do not know the secret, which only ever travels in the launch URL's fragment
 * (never sent to or served by this host). The Host check defeats DNS rebinding.
 */
export function isTrustedApiRequest(
  method: string,
  headers: IncomingHttpHeaders,
  expected: { origin: string; host: string; secret: string },
): boolean {
  if (headers.host !== expected.host) return false;
  const origin = headers.origin;
  if (method !== 'GET' && origin !== expected.origin) return false;
  if (method === 'GET' && origin !== undefined && origin !== expected.origin) return false;
  const fetchSite = headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin') return false;
  const secret = headers[SECRET_HEADER];
  return typeof secret === 'string' && sameSecret(secret, expected.secret);
}
