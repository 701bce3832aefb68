import type { PiniaPluginContext, StateTree } from 'pinia';

/** Stores that describe the kiosk, not the person at it; everything else belongs to the visit. */
const KIOSK_STORES = new Set(['kiosk', 'idle', 'sync']);
const wipers = new Map<string, () => void>();

/**
 * A Pinia plugin that remembers each store's initial state, so that when a visit ends every
 * visit store returns to it: nothing of the last citizen stays in the renderer's memory.
 */
export function visitWipePlugin({ store }: PiniaPluginContext): void {
  if (KIOSK_STORES.has(store.$id)) return;
  const initial = structuredClone(JSON.parse(JSON.stringify(store.$state)) as StateTree);
  wipers.set(store.$id, () => {
    // Assigned key by key through the reactive state, so a setup store's refs take the
    // initial values (deleting a key would cut the ref loose and leave its value behind).
    store.$patch((state: StateTree) => {
      const fresh = structuredClone(initial);
      for (const key of Object.keys(state)) if (!(key in fresh)) delete state[key];
      for (const [key, value] of Object.entries(fresh)) state[key] = value;
    });
  });
}

export function wipeVisitStores(): void {
  for (const wipe of wipers.values()) wipe();
}
