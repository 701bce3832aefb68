import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CALL_CHANNEL } from '../../shared/ipc-channels';
import { SUPERVISOR, seedStaffInFile } from '../support/staff-seed';

/**
 * The Electron main entry as it starts the kiosk, with stand-ins for the Electron objects
 * (the binary cannot run here) and the real core behind them: checks that what ships wires
 * the secure window, the navigation, new-window and permission handlers, and the IPC guard.
 * The pieces themselves are unit-tested in electron-shell.test.ts.
 */
const electron = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  // Plain records rather than vi.fn(): Vitest clears mock calls before each test, and these
  // are made once, when the entry starts.
  const windows: InstanceType<typeof BrowserWindow>[] = [];
  const ipcHandlers = new Map<string, (...args: unknown[]) => unknown>();
  const permissionHandlers: Record<string, (...args: unknown[]) => unknown> = {};
  const privilegedSchemes: unknown[] = [];
  const quits: string[] = [];
  const utilityForks: { modulePath: string; serviceName?: string }[] = [];
  const app = Object.assign(new Emitter(), {
    whenReady: () => Promise.resolve(),
    getPath: () => process.env.KIOSK_TEST_USER_DATA!,
    getVersion: () => '9.9.9',
    quit: () => void quits.push('quit'),
    requestSingleInstanceLock: () => true,
    isPackaged: false,
    setLoginItemSettings: () => undefined,
  });
  const record = (name: string) => (handler: (...args: unknown[]) => unknown) => void (permissionHandlers[name] = handler);
  class BrowserWindow extends Emitter {
    static getAllWindows = () => windows;
    readonly webContents = Object.assign(new Emitter(), {
      send: () => undefined,
      isDestroyed: () => false,
      setVisualZoomLevelLimits: async () => undefined,
      setZoomFactor: () => undefined,
      forcefullyCrashRenderer: () => undefined,
    });
    readonly loaded: string[] = [];
    focused = 0;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      windows.push(this);
    }
    async loadURL(url: string) {
      this.loaded.push(url);
    }
    removeMenu() {}
    show() {}
    restore() {}
    focus() {
      this.focused++;
    }
  }
  return {
    windows,
    ipcHandlers,
    permissionHandlers,
    privilegedSchemes,
    quits,
    utilityForks,
    module: {
      app,
      BrowserWindow,
      session: {
        defaultSession: { setPermissionRequestHandler: record('request'), setPermissionCheckHandler: record('check'), setDevicePermissionHandler: record('device') },
      },
      ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => ipcHandlers.set(channel, fn), removeHandler: () => undefined },
      protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => privilegedSchemes.push(...schemes), handle: () => undefined },
      powerSaveBlocker: { start: () => 0 },
      // The heavy-jobs process, started at boot: an idle stand-in (no heavy job runs here) that records its start.
      utilityProcess: {
        fork: (modulePath: string, _args: string[], options: { serviceName?: string }) => {
          utilityForks.push({ modulePath, serviceName: options.serviceName });
          return Object.assign(new Emitter(), { pid: 4242, postMessage: () => undefined, kill: () => true });
        },
      },
      // A demo start never asks for the database key; a production one is tested in electron-production.test.ts.
      safeStorage: { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' },
      dialog: { showErrorBox: () => undefined },
      net: {},
    },
  };
});
vi.mock('electron', () => electron.module);
vi.mock('electron-store', () => ({ default: class { store = {}; } }));

describe('the Electron main entry', () => {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'kiosk-electron-'));
  const { app } = electron.module;
  const logFile = path.join(userData, 'logs', 'current.log');

  beforeAll(async () => {
    process.env.KIOSK_TEST_USER_DATA = userData;
    await import('../../electron/main/index');
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1), { timeout: 20_000 });
  }, 30_000);
  afterAll(async () => {
    app.emit('will-quit');
    // The logger opens its file asynchronously; let it, before the folder goes.
    await vi.waitFor(() => expect(existsSync(logFile)).toBe(true));
    rmSync(userData, { recursive: true, force: true });
  });

  it('opens one window with the security checklist applied and devtools off', () => {
    const [window] = electron.windows;
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
    expect(String(window!.options.webPreferences.preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(window!.loaded).toEqual(['app://kiosk/index.html']);
    expect(electron.privilegedSchemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ secure: true }) })]);
  });

  it('locks down every web contents it creates: no navigation away, no new windows, no webviews', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    app.emit('web-contents-created', {}, contents);
    const blocked = (event: string, url?: string) => {
      const preventDefault = vi.fn();
      contents.emit(event, { preventDefault }, url);
      return preventDefault.mock.calls.length > 0;
    };
    expect(blocked('will-navigate', 'https://evil.example/')).toBe(true);
    expect(blocked('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(blocked('will-attach-webview')).toBe(true);
    expect(blocked('will-navigate', 'app://kiosk/index.html')).toBe(false);
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (details: { url: string }) => unknown;
    expect(openHandler({ url: 'app://kiosk/index.html' })).toEqual({ action: 'deny' });
  });

  it('starts its heavy-jobs process at boot, as a utility process, before any heavy job', () => {
    expect(electron.utilityForks).toEqual([{ modulePath: expect.stringMatching(/heavy-jobs-process\.(ts|js)$/), serviceName: 'Huduma kiosk heavy jobs' }]);
  });

  it('denies every permission the page could ask for', () => {
    const { request, check, device } = electron.permissionHandlers;
    const answers: unknown[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      request!({}, permission, (allowed: unknown) => answers.push(allowed));
      expect(check!({}, permission)).toBe(false);
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(device!()).toBe(false);
  });

  it('answers its own page over IPC and refuses anything else', async () => {
    const handler = electron.ipcHandlers.get(CALL_CHANNEL)!;
    const sender = electron.windows[0]!.webContents;
    const fromPage = { sender, senderFrame: { url: 'app://kiosk/index.html', parent: null } };
    expect(await handler(fromPage, 'kiosk.info', {})).toMatchObject({ ok: true, value: { version: '9.9.9' } });
    const fromElsewhere = { sender, senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await handler(fromElsewhere, 'kiosk.info', {})).toMatchObject({ ok: false, error: { code: 'host.forbidden' } });
  });

  it('keeps its window open, and brings it to the front when started again', () => {
    const window = electron.windows[0]!;
    const preventDefault = vi.fn();
    window.emit('close', { preventDefault });
    expect(preventDefault).toHaveBeenCalledOnce();
    app.emit('second-instance');
    expect(window.focused).toBe(1);
  });

  it('reloads the attract screen in a new renderer when the page crashes', () => {
    const window = electron.windows[0]!;
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    expect(window.loaded).toEqual(['app://kiosk/index.html', 'app://kiosk/index.html']);
  });

  it("quits when a supervisor shuts the kiosk down, and not before", async () => {
    await seedStaffInFile(path.join(userData, 'kiosk.sqlite'), [SUPERVISOR]);
    const handler = electron.ipcHandlers.get(CALL_CHANNEL)!;
    const fromPage = { sender: electron.windows[0]!.webContents, senderFrame: { url: 'app://kiosk/index.html', parent: null } };
    expect(await handler(fromPage, 'kiosk.shutdown', {})).toMatchObject({ ok: false, error: { code: 'call.forbidden' } });
    expect(electron.quits).toEqual([]);
    expect(await handler(fromPage, 'staff.signIn', { staffId: SUPERVISOR.staffId, pin: SUPERVISOR.pin })).toMatchObject({ ok: true });
    expect(await handler(fromPage, 'kiosk.shutdown', {})).toEqual({ ok: true, value: {} });
    await vi.waitFor(() => expect(electron.quits).toEqual(['quit']));
    // Quitting passes the window guard: the close that follows is not refused.
    const preventDefault = vi.fn();
    electron.windows[0]!.emit('close', { preventDefault });
    expect(preventDefault).not.toHaveBeenCalled();
  });
});
