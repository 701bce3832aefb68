import { defineCall } from './define';
import { empty } from './system';

export const shutdownCalls = {
  /**
   * A supervisor's "Shut down this kiosk" on the staff screens: the only way the kiosk's
   * window closes. The shell quits once no payment is being settled (installing a downloaded
   * update, if any); the browser host exits.
   */
  'kiosk.shutdown': defineCall(empty, empty, 'supervisor'),
} as const;
