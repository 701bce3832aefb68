import type { FastifyInstance } from 'fastify';
import type { CentreState } from '@shared/sync/centre-state';
import { SYNC_PATHS } from '@shared/sync/protocol';
import { centreLockouts, lockoutWindowStart, type LockoutPolicy } from '../centre-lockouts';
import type { HubStore } from '../store/hub-store';

/**
 * The asking kiosk's centre: its staff (disabled ones too, so each kiosk signs them out), the
 * centre-wide PIN lockouts and the centre's settings. A kiosk in no centre learns just that,
 * and keeps its own staff and settings.
 */
export function centreStateRoute(scope: FastifyInstance, store: HubStore, options: { now: () => Date; lockout: LockoutPolicy }): void {
  scope.get(SYNC_PATHS.centreState, async (request): Promise<CentreState> => {
    const centre = await store.kioskCentre(request.kioskId);
    if (!centre) return { centre: null, staff: [], lockouts: [], settings: {} };
    const now = options.now();
    const [staff, signIns, settings] = await Promise.all([
      store.listStaff(centre.id),
      store.staffSignInEvents(centre.id, lockoutWindowStart(options.lockout, now)),
      store.centreSettings(centre.id),
    ]);
    return {
      centre: { id: centre.id, name: centre.name, badgeKey: centre.badgeKey },
      staff: staff.map(({ staffId, name, role, pinHash, badgeHash, disabledAt }) => ({ staffId, name, role, pinHash, badgeHash, disabled: disabledAt !== null })),
      lockouts: centreLockouts(signIns, options.lockout, now),
      settings: settings?.document ?? {},
    };
  });
}
