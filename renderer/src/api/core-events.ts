import type { EventName, EventPayload } from '@shared/contract';
import { kiosk } from './kiosk';

/**
 * The one place the renderer listens to the core's events (window.kiosk, or the browser
 * host's event stream). Only stores subscribe, through this. Returns the unsubscribe
 * function; without a core there is nothing to hear.
 */
export function onCoreEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  return kiosk?.on(name, listener) ?? (() => undefined);
}
