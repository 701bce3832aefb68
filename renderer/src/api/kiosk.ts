import { buildKioskApi, type KioskApi } from '@shared/bridge';
import type { CallName, CallRequest, CallResponse } from '@shared/contract';
import { errorPayload } from '@shared/errors';
import { KioskCallError } from './call-error';
import { httpTransport, takeLaunchSecret } from './http-transport';

/** The Electron preload's `window.kiosk`, or the browser host's HTTP bridge to the same contract. */
async function connect(): Promise<KioskApi | null> {
  if (window.kiosk) return window.kiosk;
  const secret = await takeLaunchSecret();
  return secret ? buildKioskApi(httpTransport(secret)) : null;
}

export const kiosk = await connect();

/** Calls the core; resolves with the value or throws a KioskCallError with the typed error. */
export async function call<K extends CallName>(name: K, request: CallRequest<K>): Promise<CallResponse<K>> {
  if (!kiosk) throw new KioskCallError(errorPayload('host.forbidden'));
  const result = await kiosk.invoke(name, request);
  if (!result.ok) throw new KioskCallError(result.error);
  return result.value;
}
