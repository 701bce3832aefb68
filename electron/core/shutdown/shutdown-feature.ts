import type { shutdownCalls } from '@shared/contract/shutdown';
import type { CoreContext } from '../context';
import { KioskError } from '../errors';
import type { Feature } from '../feature';
import { ShellControl } from './shell-control';

/** "Shut down this kiosk", a supervisor's alone (the dispatcher checks the role; this names them for the audit row). */
export function createShutdown(ctx: CoreContext): Feature<keyof typeof shutdownCalls, ShellControl> {
  const shell = new ShellControl(ctx);
  return {
    service: shell,
    handlers: {
      'kiosk.shutdown': () => {
        const staff = ctx.staff.current();
        if (staff?.role !== 'supervisor') throw new KioskError('call.forbidden');
        shell.requestShutdown(staff.staffId);
        return {};
      },
    },
    start: () => undefined,
  };
}
