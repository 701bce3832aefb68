import { randomUUID } from 'node:crypto';
import { hashToken, newKioskToken } from './kiosk-tokens';
import type { HubStore } from './store/hub-store';

/** Registers a kiosk (in a centre, or none yet) and returns its token: the only time the token exists in clear. */
export async function addKiosk(store: HubStore, kioskId: string, now = new Date(), centreId: string | null = null): Promise<string> {
  const token = newKioskToken();
  if (!(await store.addKiosk(kioskId, hashToken(token), now.toISOString(), centreId))) throw new Error(`kiosk ${kioskId} already exists`);
  return token;
}

/** Replaces a kiosk's token; the old one stops working at once. */
export async function rotateKioskToken(store: HubStore, kioskId: string): Promise<string> {
  const token = newKioskToken();
  if (!(await store.replaceKioskToken(kioskId, hashToken(token)))) throw new Error(`no kiosk ${kioskId}`);
  return token;
}

/** Takes a kiosk out of service (stolen, retired): its token stops working at once. */
export async function disableKiosk(store: HubStore, kioskId: string, now = new Date()): Promise<void> {
  if (!(await store.disableKiosk(kioskId, now.toISOString()))) throw new Error(`no kiosk ${kioskId}`);
}

/** After restoring a backup or purging deletions: every kiosk rebuilds its replica. */
export async function resetHistory(store: HubStore): Promise<void> {
  await store.resetHistory(randomUUID());
}
