import { contextBridge, ipcRenderer } from 'electron';
import { buildKioskApi, type KioskApi, type KioskTransport } from '@shared/bridge';
import { CALL_CHANNEL, EVENT_CHANNEL } from '@shared/ipc-channels';

/** Carries contract calls over one IPC channel; exposes no Electron object to the page. */
const ipcTransport: KioskTransport = {
  invoke: (name, request) => ipcRenderer.invoke(CALL_CHANNEL, name, request),
  subscribe(listener) {
    const onEvent = (_event: unknown, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(EVENT_CHANNEL, onEvent);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, onEvent);
  },
};

contextBridge.exposeInMainWorld('kiosk', buildKioskApi(ipcTransport) satisfies KioskApi);
