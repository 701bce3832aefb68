import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

// Electron cannot be downloaded on these machines: the shell is tested against a stand-in
// for the few Electron objects it touches, and its behaviour (the core) is tested for real.
vi.mock('electron', () => ({
  protocol: {},
  net: {},
  BrowserWindow: class {
    constructor(readonly options: unknown) {}
  },
}));

const { createKioskWindow, lockDownContents, denyAllPermissions, isAppUrl } = await import('../../electron/main/security');
const kioskWindowOptions = (preload: string, devTools: boolean) =>
  (createKioskWindow(preload, devTools) as unknown as { options: BrowserWindowConstructorOptions }).options;
const { registerKioskIpc, isTrustedSender } = await import('../../electron/main/ipc');
const { CALL_CHANNEL, EVENT_CHANNEL } = await import('../../shared/ipc-channels');

describe('the kiosk window', () => {
  it('applies the Electron security checklist', () => {
    const options = kioskWindowOptions('/app/preload/index.cjs', false);
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
  });

  it('keeps devtools off unless asked for', () => {
    expect(kioskWindowOptions('p', true).webPreferences?.devTools).toBe(true);
  });

  it('recognises only the app origin', () => {
    expect(isAppUrl('app://kiosk/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://example.com')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('web contents lockdown', () => {
  function createdContents() {
    const app = new EventEmitter();
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    lockDownContents(app as never);
    app.emit('web-contents-created', {}, contents);
    return contents;
  }
  const navigate = (contents: EventEmitter, event: string, url: string) => {
    const preventDefault = vi.fn();
    contents.emit(event, { preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  };

  it('blocks navigation and redirects away from the app', () => {
    const contents = createdContents();
    expect(navigate(contents, 'will-navigate', 'https://evil.example')).toBe(true);
    expect(navigate(contents, 'will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'app://kiosk/index.html')).toBe(false);
  });

  it('denies new windows and webviews', () => {
    const contents = createdContents();
    const handler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as () => unknown;
    expect(handler()).toEqual({ action: 'deny' });
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault });
    expect(preventDefault).toHaveBeenCalled();
  });

  it('denies every permission request and check', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    denyAllPermissions(session as never);
    const callback = vi.fn();
    (session.setPermissionRequestHandler.mock.calls[0]?.[0] as (...a: unknown[]) => void)({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect((session.setPermissionCheckHandler.mock.calls[0]?.[0] as () => boolean)()).toBe(false);
    expect((session.setDevicePermissionHandler.mock.calls[0]?.[0] as () => boolean)()).toBe(false);
  });
});

describe('IPC', () => {
  function setup() {
    const handlers = new Map<string, (...args: unknown[]) => unknown>();
    const ipcMain = { handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn), removeHandler: vi.fn() };
    const window = { isDestroyed: () => false, send: vi.fn() };
    const invoke = vi.fn(async () => ({ ok: true, value: {} }));
    let listener: (name: string, payload: unknown) => void = () => undefined;
    const core = { invoke, subscribe: (fn: typeof listener) => ((listener = fn), () => undefined) };
    registerKioskIpc(ipcMain as never, core as never, window as never);
    const frame = (url: string, parent: unknown = null) => ({ url, parent });
    return { handler: handlers.get(CALL_CHANNEL)!, window, invoke, frame, emit: (n: string, p: unknown) => listener(n, p) };
  }

  it('passes calls from the kiosk page to the core', async () => {
    const { handler, window, invoke, frame } = setup();
    await handler({ sender: window, senderFrame: frame('app://kiosk/index.html') }, 'kiosk.info', {});
    expect(invoke).toHaveBeenCalledWith('kiosk.info', {});
  });

  it('refuses calls from another page, a sub-frame or another window', async () => {
    const { handler, window, invoke, frame } = setup();
    const untrusted = [
      { sender: window, senderFrame: frame('https://evil.example/') },
      { sender: window, senderFrame: frame('app://kiosk/index.html', {}) },
      { sender: {}, senderFrame: frame('app://kiosk/index.html') },
      { sender: window, senderFrame: null },
    ];
    for (const event of untrusted) {
      expect(isTrustedSender(event as never, window as never)).toBe(false);
      expect(await handler(event, 'visit.start', { locale: 'en' })).toMatchObject({ ok: false, error: { code: 'host.forbidden' } });
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('forwards core events to the window', () => {
    const { window, emit } = setup();
    emit('visit.ended', { visitId: 'v', reason: 'idle' });
    expect(window.send).toHaveBeenCalledWith(EVENT_CHANNEL, 'visit.ended', { visitId: 'v', reason: 'idle' });
  });
});
