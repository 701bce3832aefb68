import { calls, isCallName, type CallName } from '@shared/contract';
import type { CallRole } from '@shared/contract/define';
import { errorPayload } from '@shared/errors';
import type { KioskErrorPayload, Result } from '@shared/result';
import { KioskError } from './errors';
import type { Handlers } from './handlers';
import type { Logger } from '@shared/node/logging/logger';
import type { StaffRole } from './staff-presence';

export interface DispatchOptions {
  handlers: Handlers;
  log: Logger;
  /** The role of the staff member signed in at this kiosk, if any. */
  staffRole: () => StaffRole | undefined;
  /** Resolves once the commits synced off this thread are on disk: no answer goes out before. */
  synced: () => Promise<void>;
}

function mayCall(required: CallRole, signedIn: StaffRole | undefined): boolean {
  if (required === 'public') return true;
  if (required === 'clerk') return signedIn === 'clerk' || signedIn === 'supervisor';
  return signedIn === 'supervisor';
}

function fail(error: KioskErrorPayload): Result<never> {
  return { ok: false, error };
}

/**
 * The single entry to the core from either shell: checks the call exists, validates the
 * payload against the contract, checks the caller's role, runs the handler, and turns
 * every failure into a typed error result. Nothing reaches a handler unvalidated, and
 * nothing leaves as an exception. Logs name the call and outcome, never the payload. No
 * answer leaves before what the call committed is on disk: a citizen is never shown a
 * result whose audit record a power cut could still take.
 */
export function createDispatcher({ handlers, log, staffRole, synced }: DispatchOptions) {
  return async function dispatch(name: unknown, payload: unknown): Promise<Result<unknown>> {
    if (!isCallName(name)) return fail(errorPayload('call.unknown'));
    const def = calls[name];
    const parsed = def.request.safeParse(payload);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.');
      log.info({ call: name, outcome: 'invalid', field }, 'call refused');
      return fail(errorPayload('request.invalid', field ? { field } : {}));
    }
    if (!mayCall(def.role, staffRole())) {
      log.warn({ call: name, outcome: 'forbidden' }, 'call refused');
      return fail(errorPayload('call.forbidden'));
    }
    const started = performance.now();
    const answer = await run(name, parsed.data);
    try {
      await synced();
    } catch (error) {
      log.error({ call: name, err: error }, 'call failed: what it wrote may not be on disk');
      return fail(errorPayload('internal'));
    }
    if (answer.ok) log.debug({ call: name, outcome: 'ok', ms: performance.now() - started }, 'call');
    return answer;
  };

  async function run(name: CallName, request: unknown): Promise<Result<unknown>> {
    try {
      const handler = handlers[name] as (request: unknown) => unknown;
      return { ok: true, value: await handler(request) };
    } catch (error) {
      if (error instanceof KioskError) {
        log.info({ call: name, outcome: error.payload.code }, 'call refused');
        return fail(error.payload);
      }
      log.error({ call: name, err: error }, 'call failed');
      return fail(errorPayload('internal'));
    }
  }
}

export type Dispatch = ReturnType<typeof createDispatcher>;
export type { CallName };
