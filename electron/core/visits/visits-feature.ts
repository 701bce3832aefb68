import type { systemCalls } from '@shared/contract/system';
import type { KioskSettings } from '../settings/kiosk-settings';
import type { Feature } from '../feature';
import type { Visits } from './visits';

/** The visit at the screen (start, language, keep-alive, end) and what the screen needs to know of the kiosk. */
export function createVisits(ctx: { version: string; kioskId: string; visits: Visits; settings: KioskSettings }): Feature<keyof typeof systemCalls, Visits> {
  const { visits, settings } = ctx;
  return {
    service: visits,
    start: () => undefined,
    handlers: {
    'kiosk.info': () => ({
      version: ctx.version,
      kioskId: ctx.kioskId,
      idleTimeoutSeconds: settings.idle.timeoutSeconds,
      idleWarningSeconds: settings.idle.warningSeconds,
    }),
    'visit.start': ({ locale }) => {
      const visit = visits.start(locale);
      return { visitId: visit.id, startedAt: visit.startedAt.toISOString() };
    },
    'visit.setLocale': ({ locale }) => {
      visits.require().locale = locale;
      return {};
    },
    'visit.keepAlive': () => {
      visits.require();
      return {};
    },
    'visit.end': ({ reason }) => {
      visits.end(reason);
      return {};
    },
    },
  };
}
