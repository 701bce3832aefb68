/** The two IPC channels between the Electron preload and main: calls in, events out. */
export const CALL_CHANNEL = 'kiosk:call';
export const EVENT_CHANNEL = 'kiosk:event';
