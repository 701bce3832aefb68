import type { EventName, EventPayload } from '@shared/contract';

export type CoreEventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** Core → renderer events; each shell forwards them (IPC, or server-sent events). */
export class CoreEvents {
  private readonly listeners = new Set<CoreEventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(name, payload);
  }

  subscribe(listener: CoreEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
