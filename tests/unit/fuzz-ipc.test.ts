import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callNames, FUZZ_RUNS, fuzzKiosk, notACallName, payloadFor, runBudget, visitOpen, type FuzzKiosk } from '../support/fuzz/fuzz-kiosk';
import { hostileValue } from '../support/fuzz/hostile-values';

// The Electron binary cannot run here: the IPC wrapper is driven with a stand-in ipcMain and
// window, and everything behind it (dispatcher, handlers, SQLite) is the real core.
vi.mock('electron', () => ({ protocol: {}, net: {}, BrowserWindow: class {} }));
const { registerKioskIpc } = await import('../../electron/main/ipc');
const { CALL_CHANNEL } = await import('../../shared/ipc-channels');

type IpcHandler = (event: unknown, name: unknown, payload: unknown) => Promise<unknown>;

describe('every contract call, fuzzed through the Electron IPC handler', () => {
  let kiosk: FuzzKiosk;
  let handler: IpcHandler;
  const window = { isDestroyed: () => false, send: () => undefined };
  const trusted = { sender: window, senderFrame: { url: 'app://kiosk/index.html', parent: null } };
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  // Electron hands main a structured clone of what the page sent, never the page's objects.
  const send = (event: unknown, name: unknown, payload: unknown) => () => handler(event, name, structuredClone(payload));

  beforeAll(() => {
    process.on('unhandledRejection', onUnhandled);
    kiosk = fuzzKiosk();
    const handlers = new Map<string, IpcHandler>();
    const ipcMain = { handle: (channel: string, fn: IpcHandler) => handlers.set(channel, fn), removeHandler: () => undefined };
    registerKioskIpc(ipcMain as never, kiosk.core, window as never);
    handler = handlers.get(CALL_CHANNEL)!;
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await kiosk.dispose();
  });

  it.each(callNames)('%s: a typed error or a valid answer, and a refusal writes nothing', async (name) => {
    const budget = runBudget();
    await fc.assert(
      fc.asyncProperty(payloadFor(name), visitOpen, async (payload, open) => {
        if (!budget.take()) return;
        await kiosk.setVisit(open);
        await kiosk.expectContractAnswer(name, send(trusted, name, payload));
      }),
      { numRuns: FUZZ_RUNS },
    );
    expect(kiosk.crashes).toEqual([]);
    // Staff sign-in checks scrypt PIN hashes: its fewest runs take long on a loaded two-core machine.
  }, 60_000);

  it('answers names outside the contract with call.unknown', async () => {
    await fc.assert(
      fc.asyncProperty(notACallName, hostileValue, async (name, payload) => {
        await kiosk.expectContractAnswer(name, send(trusted, name, payload));
        expect(await handler(trusted, name, structuredClone(payload))).toMatchObject({ ok: false, error: { code: 'call.unknown' } });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('never lets another page, frame or window reach the core', async () => {
    const frameUrl = fc.oneof(fc.webUrl(), fc.constantFrom('app://kiosk.evil/index.html', 'app://other/', 'file:///etc/passwd', 'app://kiosk@evil/', 'http://kiosk/', ''));
    const untrusted = fc.oneof(
      fc.record({ sender: fc.constant(window), senderFrame: fc.record({ url: frameUrl, parent: fc.constant(null) }) }),
      fc.record({ sender: fc.constant(window), senderFrame: fc.record({ url: fc.constant('app://kiosk/index.html'), parent: fc.constant({}) }) }),
      fc.record({ sender: fc.constant({}), senderFrame: fc.record({ url: fc.constant('app://kiosk/index.html'), parent: fc.constant(null) }) }),
      fc.record({ sender: fc.constant(window), senderFrame: fc.constant(null) }),
    );
    await fc.assert(
      fc.asyncProperty(untrusted, fc.constantFrom(...callNames), hostileValue, async (event, name, payload) => {
        await kiosk.expectContractAnswer(name, send(event, name, payload));
        expect(await handler(event, name, structuredClone(payload))).toMatchObject({ ok: false, error: { code: 'host.forbidden' } });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('left no promise rejected unhandled and no prototype polluted', () => {
    expect(unhandled).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
