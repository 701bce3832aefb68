import { z } from 'zod';
import { defineCall, defineEvent } from './define';

export const localeSchema = z.enum(['en', 'sw']);
export const empty = z.object({}).strict();

export const visitEndReason = z.enum(['done', 'idle', 'start-over', 'staff']);
/** Also 'screen-lost', which only the shell reports: its renderer crashed or hung, and the visit was wiped before the screen reloaded. */
export const visitEndedReason = z.enum([...visitEndReason.options, 'screen-lost']);

export const systemCalls = {
  /** What the renderer needs before the first screen. */
  'kiosk.info': defineCall(
    empty,
    z.object({
      version: z.string(),
      kioskId: z.string(),
      idleTimeoutSeconds: z.number().int().positive(),
      idleWarningSeconds: z.number().int().positive(),
    }),
  ),
  /** A citizen touched the attract screen. Ends any visit still open. */
  'visit.start': defineCall(
    z.object({ locale: localeSchema }).strict(),
    z.object({ visitId: z.string(), startedAt: z.string() }),
  ),
  'visit.setLocale': defineCall(z.object({ locale: localeSchema }).strict(), empty),
  /** The citizen asked for more time when the idle warning showed. */
  'visit.keepAlive': defineCall(empty, empty),
  /** Ends the visit and forgets everything the core held for it. */
  'visit.end': defineCall(z.object({ reason: visitEndReason }).strict(), empty),
} as const;

export const systemEvents = {
  /** The core ended the visit (its own idle backstop, or staff). The renderer wipes its state. */
  'visit.ended': defineEvent(z.object({ visitId: z.string(), reason: visitEndedReason })),
} as const;
