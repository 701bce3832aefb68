import type { CallName, CallRequest, CallResponse, EventName, EventPayload } from './contract';
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

/**
 * Builds the API object both shells expose. It only carries: the core's dispatcher checks
 * every call name and payload against the contract, so the preload needs no schemas.
 */
export function buildKioskApi(transport: KioskTransport): KioskApi {
  return {
    invoke: (name, request) => transport.invoke(name, request) as never,
    on: (name, listener) =>
      transport.subscribe((eventName, payload) => {
        if (eventName === name) listener(payload as never);
      }),
  };
}
