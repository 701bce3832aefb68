import { isCallName, isEventName } from './contract';
import type { CallName, CallRequest, CallResponse, EventName, EventPayload } from './contract';
import { errorPayload } from './errors';
import type { Result } from './result';

/** How a shell carries calls and events: IPC in Electron, HTTP in the browser host. */
export interface KioskTransport {
  invoke(name: CallName, request: unknown): Promise<unknown>;
  subscribe(listener: (name: string, payload: unknown) => void): () => void;
}

/** `window.kiosk`: the only door from the renderer to the core. */
export interface KioskApi {
  invoke<K extends CallName>(name: K, request: CallRequest<K>): Promise<Result<CallResponse<K>>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Builds the API object from the contract; both shells expose exactly this. */
export function buildKioskApi(transport: KioskTransport): KioskApi {
  return {
    async invoke(name, request) {
      if (!isCallName(name)) return { ok: false, error: errorPayload('call.unknown') };
      return (await transport.invoke(name, request)) as never;
    },
    on(name, listener) {
      if (!isEventName(name)) return () => undefined;
      return transport.subscribe((eventName, payload) => {
        if (eventName === name) listener(payload as never);
      });
    },
  };
}
