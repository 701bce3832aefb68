import { randomBytes } from 'node:crypto';
import type { ConsoleSession } from '../store/console-store';

/** The cookie that holds a console session's token; the store keeps only the token's hash. */
export const SESSION_COOKIE = 'hub_console_session';
/** A session unused this long ends; so does any session this old, used or not. */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
/** Failed sign-ins in a row that lock an admin out, and for how long. */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;

/** 256 random bits: a session token is as hard to guess as a kiosk token. */
export const newSessionToken = () => randomBytes(32).toString('base64url');
export const SESSION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function sessionExpired(session: ConsoleSession, now: Date): boolean {
  return now.getTime() - Date.parse(session.lastSeenAt) >= SESSION_IDLE_MS || now.getTime() - Date.parse(session.createdAt) >= SESSION_ABSOLUTE_MS;
}

export function sessionEndsAt(session: ConsoleSession): string {
  return new Date(Date.parse(session.createdAt) + SESSION_ABSOLUTE_MS).toISOString();
}
