import type { systemCalls } from '../../../shared/contract/system';
import type { CoreContext } from '../context';
import type { HandlersFor } from '../handlers';

export function systemHandlers(ctx: CoreContext): HandlersFor<keyof typeof systemCalls> {
  const { visits, settings } = ctx;
  return {
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
  };
}
