import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CONSOLE_API, CONSOLE_REQUEST_HEADER, signInSchema, type SessionView } from '@shared/console/console-api';
import { hashToken } from '../kiosk-tokens';
import { refuseInvalid } from '../routes/refuse-invalid';
import type { ConsoleStore } from '../store/console-store';
import { decoyHash, passwordMatches } from './admin-passwords';
import {
  LOCK_AFTER_FAILURES,
  LOCK_MS,
  newSessionToken,
  SESSION_ABSOLUTE_MS,
  SESSION_COOKIE,
  SESSION_IDLE_MS,
  SESSION_TOKEN,
  sessionEndsAt,
  sessionExpired,
} from './console-session-rules';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in admin of a console request; every console data route needs one. */
    adminName: string;
  }
}

export interface ConsoleAuthOptions {
  now: () => Date;
  /** Sign-in attempts one address may make per minute (besides the per-admin lockout). */
  signInsPerMinute: number;
}

const cookieOptions = (request: FastifyRequest) => ({ path: '/console', httpOnly: true, sameSite: 'strict' as const, secure: request.protocol === 'https' });

/**
 * A mutating request must carry the console's header and, when the browser names its origin,
 * come from this very host: a page elsewhere can neither set the header nor fake the origin.
 */
function sameOriginRequest(request: FastifyRequest): boolean {
  if (request.headers[CONSOLE_REQUEST_HEADER] !== '1') return false;
  const origin = request.headers.origin;
  return origin === undefined || origin === `${request.protocol}://${request.host}`;
}

const unauthorized = (reply: FastifyReply, error: 'signed-out' | 'session-expired') => reply.code(401).send({ error });

/** Reads the session cookie; ends a session past its idle or absolute expiry. */
async function currentSession(request: FastifyRequest, reply: FastifyReply, store: ConsoleStore, now: Date) {
  const token = request.cookies[SESSION_COOKIE];
  if (token === undefined || !SESSION_TOKEN.test(token)) return { token: undefined, session: undefined, expired: false };
  const tokenHash = hashToken(token);
  const session = await store.findSession(tokenHash);
  if (session === undefined) return { token: undefined, session: undefined, expired: false };
  if (sessionExpired(session, now)) {
    await store.closeSession(tokenHash);
    reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
    return { token: undefined, session: undefined, expired: true };
  }
  return { token, tokenHash, session, expired: false };
}

/**
 * Sign-in, the session, sign-out; and `requireAdmin` for every other console route. Admins
 * are people with their own names and passwords (`npm run hub -- admin add-admin`), each
 * sign-in recorded; the session is a random token in an HttpOnly, SameSite=Strict cookie.
 */
export async function consoleAuth(scope: FastifyInstance, store: ConsoleStore, options: ConsoleAuthOptions): Promise<void> {
  await scope.register(cookie);
  scope.decorateRequest('adminName', '');

  scope.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && !sameOriginRequest(request)) return reply.code(403).send({ error: 'cross-site-request' });
  });

  await scope.register(async (signIn) => {
    await signIn.register(rateLimit, { max: options.signInsPerMinute, timeWindow: 60_000, errorResponseBuilder: () => ({ statusCode: 429, error: 'too-many-attempts' }) });
    signIn.post(`${CONSOLE_API}/session`, async (request, reply) => {
      const body = signInSchema.safeParse(request.body);
      if (!body.success) return refuseInvalid(request, reply, 'invalid-sign-in', body.error);
      const { name, password } = body.data;
      const now = options.now();
      const at = now.toISOString();
      const admin = await store.findAdmin(name);
      // The password is checked even for an unknown or locked name: the answer's timing tells nothing.
      const matches = await passwordMatches(password, admin?.passwordHash ?? (await decoyHash()));
      const locked = admin?.lockedUntil != null && Date.parse(admin.lockedUntil) > now.getTime();
      if (admin === undefined || locked || !matches) {
        await store.recordSignIn({ adminName: name, outcome: admin === undefined ? 'unknown-admin' : locked ? 'locked' : 'wrong-password', at });
        if (admin !== undefined && !locked) await store.recordFailedSignIn(name, LOCK_AFTER_FAILURES, new Date(now.getTime() + LOCK_MS).toISOString());
        request.log.warn({ route: request.routeOptions.url }, 'console sign-in refused');
        return reply.code(401).send({ error: 'sign-in-failed' });
      }
      const token = newSessionToken();
      // Housekeeping: sessions that can no longer be used go whenever someone signs in.
      await store.closeStaleSessions(new Date(now.getTime() - SESSION_IDLE_MS).toISOString(), new Date(now.getTime() - SESSION_ABSOLUTE_MS).toISOString());
      await store.openSession(hashToken(token), name, at);
      await store.recordSignIn({ adminName: name, outcome: 'signed-in', at });
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(request), maxAge: SESSION_IDLE_MS / 1000 });
      const view: SessionView = { name, expiresAt: sessionEndsAt({ adminName: name, createdAt: at, lastSeenAt: at }), idleMinutes: SESSION_IDLE_MS / 60_000 };
      return view;
    });
  });

  scope.get(`${CONSOLE_API}/session`, async (request, reply) => {
    const { session, expired } = await currentSession(request, reply, store, options.now());
    if (session === undefined) return unauthorized(reply, expired ? 'session-expired' : 'signed-out');
    const view: SessionView = { name: session.adminName, expiresAt: sessionEndsAt(session), idleMinutes: SESSION_IDLE_MS / 60_000 };
    return view;
  });

  scope.delete(`${CONSOLE_API}/session`, async (request, reply) => {
    const { tokenHash, session } = await currentSession(request, reply, store, options.now());
    if (tokenHash !== undefined && session !== undefined) {
      await store.closeSession(tokenHash);
      await store.recordSignIn({ adminName: session.adminName, outcome: 'signed-out', at: options.now().toISOString() });
    }
    reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
    return reply.code(204).send();
  });
}

/** Every route of this scope answers 401 unless a live session's cookie comes with it; each use keeps the session alive. */
export function requireAdmin(scope: FastifyInstance, store: ConsoleStore, now: () => Date): void {
  scope.addHook('onRequest', async (request, reply) => {
    const at = now();
    const { tokenHash, session, expired } = await currentSession(request, reply, store, at);
    if (tokenHash === undefined || session === undefined) return unauthorized(reply, expired ? 'session-expired' : 'signed-out');
    await store.touchSession(tokenHash, at.toISOString());
    reply.setCookie(SESSION_COOKIE, request.cookies[SESSION_COOKIE] ?? '', { ...cookieOptions(request), maxAge: SESSION_IDLE_MS / 1000 });
    request.adminName = session.adminName;
  });
}
