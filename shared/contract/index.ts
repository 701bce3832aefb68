import type { z } from 'zod';
import type { CallDef, EventDef } from './define';
import { lookupCalls } from './lookup';
import { overrideCalls } from './overrides';
import { paymentCalls, paymentEvents } from './payments';
import { printerCalls, printerEvents } from './printer';
import { recoveryCalls } from './recovery';
import { reportCalls } from './reports';
import { shiftCalls } from './shifts';
import { shutdownCalls } from './shutdown';
import { staffCalls, staffEvents } from './staff';
import { syncCalls, syncEvents } from './sync';
import { systemCalls, systemEvents } from './system';

/**
 * The one contract between the renderer and the core: every call and every event, with
 * zod schemas. The preload, the IPC handlers, the browser host's routes and the core's
 * handler table are all typed from here. One file per feature; add it to the spreads.
 */
export const calls = {
  ...systemCalls,
  ...syncCalls,
  ...lookupCalls,
  ...paymentCalls,
  ...printerCalls,
  ...recoveryCalls,
  ...staffCalls,
  ...shiftCalls,
  ...reportCalls,
  ...overrideCalls,
  ...shutdownCalls,
} as const satisfies Record<string, CallDef>;

export const events = {
  ...systemEvents,
  ...syncEvents,
  ...paymentEvents,
  ...printerEvents,
  ...staffEvents,
} as const satisfies Record<string, EventDef>;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type EventName = keyof typeof events;

/** What the renderer sends (before defaults are applied). */
export type CallRequest<K extends CallName> = z.input<Calls[K]['request']>;
/** What the core's handler receives (after validation and defaults). */
export type ParsedRequest<K extends CallName> = z.output<Calls[K]['request']>;
export type CallResponse<K extends CallName> = z.output<Calls[K]['response']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]['payload']>;

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
