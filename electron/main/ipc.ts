import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { errorPayload } from '@shared/errors';
import { CALL_CHANNEL, EVENT_CHANNEL } from '@shared/ipc-channels';
import type { KioskCore } from '../core/kiosk-core';
import { isAppUrl } from './security';

/** Only our own page, in our own window's main frame, may call the core. */
export function isTrustedSender(event: IpcMainInvokeEvent, window: WebContents): boolean {
  const frame = event.senderFrame;
  return event.sender === window && frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/**
 * One IPC channel carries every contract call to the core's dispatcher, which validates the
 * name and payload; the sender is checked here first. Core events go back on one channel.
 */
export function registerKioskIpc(ipcMain: IpcMain, core: KioskCore, window: WebContents): () => void {
  ipcMain.handle(CALL_CHANNEL, (event, name: unknown, payload: unknown) => {
    if (!isTrustedSender(event, window)) return { ok: false, error: errorPayload('host.forbidden') };
    return core.invoke(name, payload);
  });
  const unsubscribe = core.subscribe((name, payload) => {
    if (!window.isDestroyed()) window.send(EVENT_CHANNEL, name, payload);
  });
  return () => {
    ipcMain.removeHandler(CALL_CHANNEL);
    unsubscribe();
  };
}
