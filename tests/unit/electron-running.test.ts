import { EventEmitter } from 'node:events';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forkHeavyJobsProcess, runHeavyJob, startHeavyJobsWith, type HeavyJobRequest } from '../../electron/core/heavy-job-runner';
import { startAutoUpdates } from '../../electron/main/auto-update';
import { AFTER_CRASH_SWITCH, CRASH_RELAUNCH_LIMIT, relaunchAfterCrash } from '../../electron/main/crash-relaunch';
import { startAtLogin } from '../../electron/main/login-item';
import { recoverLostRenderer } from '../../electron/main/renderer-recovery';
import { settledWithin } from '../../electron/main/settled-within';
import { holdSingleInstance } from '../../electron/main/single-instance';
import { guardKioskWindow, isBlockedKey } from '../../electron/main/window-guard';
import { heavyJobsInUtilityProcess } from '../../electron/main/heavy-jobs-utility-process';

// Electron cannot be downloaded on these machines: the shell's handlers are tested against
// stand-ins for the Electron objects they touch (event emitters with the same events).

describe('one kiosk per machine', () => {
  const standIn = (gotLock: boolean) => Object.assign(new EventEmitter(), { requestSingleInstanceLock: vi.fn(() => gotLock), quit: vi.fn() });

  it('the first start holds the lock and a second start brings its window to the front', () => {
    const app = standIn(true);
    const bringToFront = vi.fn();
    expect(holdSingleInstance(app as never, bringToFront)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.emit('second-instance');
    expect(bringToFront).toHaveBeenCalledOnce();
  });

  it('a second start quits at once', () => {
    const app = standIn(false);
    expect(holdSingleInstance(app as never, vi.fn())).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.listenerCount('second-instance')).toBe(0);
  });
});

describe('the window guard', () => {
  function guardedWindow(mayClose: () => boolean) {
    const webContents = Object.assign(new EventEmitter(), { setVisualZoomLevelLimits: vi.fn(async () => undefined), setZoomFactor: vi.fn() });
    const window = Object.assign(new EventEmitter(), { webContents });
    guardKioskWindow(window as never, mayClose);
    const refused = (target: EventEmitter, name: string, ...args: unknown[]) => {
      const preventDefault = vi.fn();
      target.emit(name, { preventDefault }, ...args);
      return preventDefault.mock.calls.length > 0;
    };
    return { window, webContents, refused };
  }
  const key = (key: string, modifiers: { control?: boolean; meta?: boolean; alt?: boolean; shift?: boolean } = {}) => ({
    type: 'keyDown',
    key,
    control: false,
    meta: false,
    alt: false,
    shift: false,
    ...modifiers,
  });

  it('refuses to close unless a shutdown was asked for', () => {
    let shuttingDown = false;
    const { window, refused } = guardedWindow(() => shuttingDown);
    expect(refused(window, 'close')).toBe(true);
    shuttingDown = true;
    expect(refused(window, 'close')).toBe(false);
  });

  it('keeps close, quit, reload, full-screen, devtools and zoom keys from the page', () => {
    const { webContents, refused } = guardedWindow(() => false);
    const blocked = [
      key('F4', { alt: true }),
      key('w', { control: true }),
      key('W', { control: true, shift: true }),
      key('q', { meta: true }),
      key('r', { control: true }),
      key('R', { control: true, shift: true }),
      key('F5'),
      key('F11'),
      key('F12'),
      key('I', { control: true, shift: true }),
      key('+', { control: true, shift: true }),
      key('=', { control: true }),
      key('-', { control: true }),
      key('0', { control: true }),
      key('Add', { control: true }),
      key('Subtract', { meta: true }),
    ];
    for (const input of blocked) expect(refused(webContents, 'before-input-event', input), JSON.stringify(input)).toBe(true);
  });

  it('lets typing and scanners through', () => {
    const { webContents, refused } = guardedWindow(() => false);
    const typed = [key('a'), key('W', { shift: true }), key('0'), key('-'), key('+', { shift: true }), key('<', { shift: true }), key('Enter'), key('Backspace'), key('F4'), key('r', { alt: true })];
    for (const input of typed) expect(refused(webContents, 'before-input-event', input), JSON.stringify(input)).toBe(false);
    expect(isBlockedKey({ key: 'Tab', control: false, meta: false, alt: false })).toBe(false);
  });

  it('holds the zoom at 100%: no pinch, and Ctrl+wheel is undone', () => {
    const { webContents } = guardedWindow(() => false);
    expect(webContents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
    expect(webContents.setZoomFactor).toHaveBeenLastCalledWith(1);
    webContents.setZoomFactor.mockClear();
    webContents.emit('zoom-changed', {}, 'in');
    expect(webContents.setZoomFactor).toHaveBeenCalledWith(1);
  });
});

describe('a lost renderer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function watched(options: { maxLosses?: number; withinMs?: number } = {}) {
    const contents = Object.assign(new EventEmitter(), { forcefullyCrashRenderer: vi.fn() });
    const calls: string[] = [];
    recoverLostRenderer(contents as never, {
      screenLost: (cause) => calls.push(`lost:${cause}`),
      reload: () => calls.push('reload'),
      showOutOfService: () => calls.push('out-of-service'),
      log: vi.fn(),
      now: () => Date.now(),
      unresponsiveGraceMs: 5_000,
      ...options,
    });
    const gone = (reason: string) => contents.emit('render-process-gone', {}, { reason, exitCode: 1 });
    return { contents, calls, gone };
  }

  it('wipes the visit in the core first, then reloads the attract screen', () => {
    const { calls, gone } = watched();
    gone('crashed');
    expect(calls).toEqual(['lost:crashed', 'reload']);
  });

  it('ignores a clean exit', () => {
    const { calls, gone } = watched();
    gone('clean-exit');
    expect(calls).toEqual([]);
  });

  it('replaces a renderer hung past the grace, counting it once', () => {
    const { contents, calls, gone } = watched();
    contents.emit('unresponsive');
    vi.advanceTimersByTime(4_999);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(contents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
    // The renderer killed on purpose reports itself gone: not a second loss.
    gone('killed');
    expect(calls).toEqual(['lost:unresponsive', 'reload']);
  });

  it('leaves a renderer that answers again within the grace alone', () => {
    const { contents, calls } = watched();
    contents.emit('unresponsive');
    vi.advanceTimersByTime(3_000);
    contents.emit('responsive');
    vi.advanceTimersByTime(10_000);
    expect(calls).toEqual([]);
    expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled();
  });

  it('stops reloading a screen that keeps dying: out of service, and nothing more', () => {
    const { calls, gone } = watched({ maxLosses: 3, withinMs: 10 * 60_000 });
    for (let i = 0; i < 4; i++) {
      gone('crashed');
      vi.advanceTimersByTime(60_000);
    }
    expect(calls).toEqual(['lost:crashed', 'reload', 'lost:crashed', 'reload', 'lost:crashed', 'reload', 'lost:crashed', 'out-of-service']);
    gone('oom');
    expect(calls).toHaveLength(8);
  });

  it('forgets losses older than the window', () => {
    const { calls, gone } = watched({ maxLosses: 1, withinMs: 60_000 });
    gone('crashed');
    vi.advanceTimersByTime(60_001);
    gone('oom');
    expect(calls).toEqual(['lost:crashed', 'reload', 'lost:oom', 'reload']);
  });
});

describe('updates from the hub', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function updaterStandIn() {
    return Object.assign(new EventEmitter(), {
      autoDownload: false,
      autoInstallOnAppQuit: true,
      allowDowngrade: false,
      requestHeaders: null as Record<string, string> | null,
      setFeedURL: vi.fn(),
      checkForUpdates: vi.fn(async () => null),
      quitAndInstall: vi.fn(),
    });
  }
  function started(quiet: { value: boolean }) {
    const updater = updaterStandIn();
    const beforeInstall = vi.fn();
    const updates = startAutoUpdates(updater as never, {
      feedUrl: 'https://hub.example/updates/v1/nairobi-gpo/',
      kioskToken: 'kiosk-token',
      checkEveryMinutes: 60,
      isQuiet: async () => quiet.value,
      log: vi.fn(),
      beforeInstall,
      quietCheckMs: 1_000,
    });
    return { updater, updates, beforeInstall };
  }

  it("reads the centre's feed with the kiosk's token, downloads by itself, installs only when told, and may go back", () => {
    const { updater } = started({ value: true });
    expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://hub.example/updates/v1/nairobi-gpo/', useMultipleRangeRequest: false });
    expect(updater.requestHeaders).toEqual({ authorization: 'Bearer kiosk-token' });
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: false, allowDowngrade: true });
    expect(updater.checkForUpdates).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(60 * 60_000);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
  });

  it('waits for a quiet moment before installing, and restarts the kiosk after', async () => {
    const quiet = { value: false };
    const { updater, beforeInstall } = started(quiet);
    updater.emit('update-downloaded', { version: '1.2.0' });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    // No further checks while a downloaded update waits.
    await vi.advanceTimersByTimeAsync(60 * 60_000 - 5_000);
    expect(updater.checkForUpdates).toHaveBeenCalledOnce();
    quiet.value = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(beforeInstall).toHaveBeenCalledOnce();
    expect(updater.quitAndInstall).toHaveBeenCalledExactlyOnceWith(true, true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(updater.quitAndInstall).toHaveBeenCalledOnce();
  });

  it("at a supervisor's shutdown, installs a downloaded update without restarting, or says there is none", () => {
    const { updater, updates, beforeInstall } = started({ value: false });
    expect(updates.installOnShutdown()).toBe(false);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    updater.emit('update-downloaded', { version: '1.2.0' });
    expect(updates.installOnShutdown()).toBe(true);
    expect(beforeInstall).toHaveBeenCalledOnce();
    expect(updater.quitAndInstall).toHaveBeenCalledExactlyOnceWith(true, false);
  });

  it('a failed check is logged and tried again at the next interval', async () => {
    const updater = updaterStandIn();
    updater.checkForUpdates.mockRejectedValueOnce(new Error('HttpError: 404'));
    const log = vi.fn();
    startAutoUpdates(updater as never, { feedUrl: 'https://hub.example/updates/v1/x/', kioskToken: 't', checkEveryMinutes: 5, isQuiet: async () => true, log, beforeInstall: vi.fn() });
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toHaveBeenCalledWith('update check failed', { reason: 'HttpError: 404' });
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
  });
});

describe('start at login', () => {
  const app = (isPackaged: boolean) => ({ isPackaged, setLoginItemSettings: vi.fn() });

  it('registers the installed kiosk on Windows and macOS', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      const standIn = app(true);
      expect(startAtLogin(standIn as never, platform)).toBe(true);
      expect(standIn.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true });
    }
  });

  it('registers nothing on Linux (the autostart entry does it) or in a development run', () => {
    const linux = app(true);
    expect(startAtLogin(linux as never, 'linux')).toBe(false);
    const dev = app(false);
    expect(startAtLogin(dev as never, 'win32')).toBe(false);
    expect([linux, dev].flatMap((a) => a.setLoginItemSettings.mock.calls)).toEqual([]);
  });
});

describe('a bounded wait', () => {
  it('says whether the promise settled in time, failures included', async () => {
    expect(await settledWithin(Promise.resolve(), 50)).toBe(true);
    expect(await settledWithin(Promise.reject(new Error('x')), 50)).toBe(true);
    expect(await settledWithin(new Promise(() => undefined), 20)).toBe(false);
  });
});

describe('a crash of the main process', () => {
  function crashingShell(argv: string[]) {
    const lines: Array<Record<string, unknown>> = [];
    const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    const proc = Object.assign(new EventEmitter(), { argv: ['/opt/huduma-kiosk/huduma-kiosk', ...argv] });
    const app = { relaunch: vi.fn(), exit: vi.fn() };
    relaunchAfterCrash(app, log, proc as never);
    const crash = (error: Error) => {
      proc.emit('uncaughtExceptionMonitor', error, 'uncaughtException');
      proc.emit('uncaughtException', error, 'uncaughtException');
    };
    return { app, lines, crash };
  }

  it('leaves the reason in the log and starts the kiosk afresh, with no error dialog left on screen', () => {
    const { app, lines, crash } = crashingShell(['--dev-tools']);
    crash(new Error('replica file vanished'));
    expect(lines[0]).toMatchObject({ level: 60, msg: 'crashed', origin: 'uncaughtException', err: { message: 'replica file vanished' } });
    expect(app.relaunch).toHaveBeenCalledWith({ args: ['--dev-tools', `${AFTER_CRASH_SWITCH}1`] });
    expect(app.exit).toHaveBeenCalledWith(1);
  });

  it('counts crashes in a row and stops relaunching at the limit', () => {
    const second = crashingShell([`${AFTER_CRASH_SWITCH}1`]);
    second.crash(new Error('again'));
    expect(second.app.relaunch).toHaveBeenCalledWith({ args: [`${AFTER_CRASH_SWITCH}2`] });

    const last = crashingShell([`${AFTER_CRASH_SWITCH}${CRASH_RELAUNCH_LIMIT - 1}`]);
    last.crash(new Error('and again'));
    expect(last.app.relaunch).not.toHaveBeenCalled();
    expect(last.app.exit).toHaveBeenCalledWith(1);
    expect(last.lines.at(-1)).toMatchObject({ level: 60, crashesInARow: CRASH_RELAUNCH_LIMIT });
  });
});

describe('the heavy-jobs process in Electron', () => {
  let forks: { modulePath: string; options: unknown; sent: HeavyJobRequest[]; child: EventEmitter }[] = [];
  /** A stand-in for Electron's utilityProcess: each fork an emitter that keeps what it was sent. */
  function standIn() {
    forks = [];
    const utilityProcess = {
      fork: vi.fn((modulePath: string, _args: string[], options: unknown) => {
        const sent: HeavyJobRequest[] = [];
        const child = Object.assign(new EventEmitter(), { postMessage: (message: HeavyJobRequest) => sent.push(message) });
        forks.push({ modulePath, options, sent, child });
        return child;
      }),
    };
    return { utilityProcess, forks };
  }
  afterEach(() => {
    // The runner is the module's one: each test's processes end with it, and Node's way comes back.
    for (const { child } of forks) child.emit('exit', 0);
    startHeavyJobsWith(forkHeavyJobsProcess);
  });

  it('starts the heavy-jobs entry as a utility process once, and a reply answers its job', async () => {
    const { utilityProcess, forks } = standIn();
    startHeavyJobsWith(heavyJobsInUtilityProcess(utilityProcess as never));
    const first = runHeavyJob('checkDatabaseFile', { file: 'kiosk.sqlite' });
    const second = runHeavyJob('checkDatabaseFile', { file: 'other.sqlite' });
    expect(forks).toHaveLength(1);
    expect(forks[0]!.modulePath).toMatch(/heavy-jobs-process\.(ts|js)$/);
    const [a, b] = forks[0]!.sent;
    expect(a).toMatchObject({ job: 'checkDatabaseFile', input: { file: 'kiosk.sqlite' } });
    forks[0]!.child.emit('message', { id: b!.id, pid: 4242, threadId: 0, ok: false, error: 'no such file' });
    forks[0]!.child.emit('message', { id: a!.id, pid: 4242, threadId: 0, ok: true, result: { ok: true } });
    await expect(first).resolves.toEqual({ ok: true });
    await expect(second).rejects.toThrow('no such file');
  });

  it('fails the jobs of a utility process that exited, and starts another for the next', async () => {
    const { utilityProcess, forks } = standIn();
    startHeavyJobsWith(heavyJobsInUtilityProcess(utilityProcess as never));
    const lost = runHeavyJob('verifyAuditChain', { file: 'kiosk.sqlite' });
    forks[0]!.child.emit('exit', 9);
    await expect(lost).rejects.toThrow('the heavy-jobs process exited (code 9) before verifyAuditChain answered');
    const next = runHeavyJob('verifyAuditChain', { file: 'kiosk.sqlite' });
    expect(forks).toHaveLength(2);
    expect(forks[1]!.sent).toHaveLength(1);
    forks[1]!.child.emit('message', { id: forks[1]!.sent[0]!.id, pid: 4343, threadId: 0, ok: true, result: { intact: true } });
    await expect(next).resolves.toEqual({ intact: true });
  });
});
