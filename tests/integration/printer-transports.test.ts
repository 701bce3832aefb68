import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createReceiptPrinter } from '../../electron/core/payments/receipts/create-printer';
import { renderReceiptEscPos } from '../../electron/core/payments/receipts/escpos';
import type { Receipt } from '../../electron/core/payments/receipts/receipt';
import { printerSettingsSchema } from '../../electron/core/settings/receipt-settings';
import { startPrinterSimulator, type PrinterSimulator, type PrinterSimulatorOptions } from '../../electron/simulators/printer/printer-simulator';

const receipt: Receipt = {
  kioskId: 'kiosk-3f9a12bc',
  receiptNumber: 'R-20261122-0042',
  billReference: 'KB-7QX2M4PA',
  lines: [
    { description: 'Driving licence renewal, 3 years', amount: 1400 },
    { description: 'Convenience fee', amount: 50 },
  ],
  total: 1450,
  method: 'card',
  providerReference: 'A1B2C3',
  paidAt: '2026-11-22T06:15:42Z',
};
const job = { id: receipt.receiptNumber, bytes: renderReceiptEscPos(receipt, { paperWidthMm: 80, qrText: `HKR1|${'x'.repeat(150)}`, texts: { header: { en: [], sw: [] }, footer: { en: [], sw: [] } } }) };
const FAST = { connectTimeoutMs: 500, statusTimeoutMs: 300, printTimeoutMs: 1_500 };

let printer: PrinterSimulator | undefined;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  await printer?.close();
  printer = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function tcpPrinter(options: PrinterSimulatorOptions = {}) {
  printer = await startPrinterSimulator(options);
  return createReceiptPrinter(printerSettingsSchema.parse({ transport: 'tcp', host: printer.host, port: printer.port, ...FAST }), '/nonexistent');
}

describe('the receipt printer over raw TCP (port 9100), against the loopback ESC/POS printer', () => {
  it('prints the whole receipt after asking its status, and reports ready', async () => {
    const kiosk = await tcpPrinter();
    expect(await kiosk.status()).toBe('ready');
    await kiosk.print(job);
    expect(printer!.printed().equals(Buffer.from(job.bytes))).toBe(true);
    expect(printer!.printed().includes('R-20261122-0042')).toBe(true);
  });

  it('paper low still prints, and the status says so', async () => {
    const kiosk = await tcpPrinter({ state: { paper: 'near-end' } });
    await kiosk.print(job);
    expect(printer!.printed().length).toBe(job.bytes.length);
    expect(await kiosk.status()).toBe('paper-low');
  });

  it.each([
    ['paper out', { paper: 'out' }, 'paper-out'],
    ['cover open', { coverOpen: true }, 'cover-open'],
    ['offline', { online: false }, 'offline'],
  ] as const)('%s: refuses before printing a byte', async (_what, state, reason) => {
    const kiosk = await tcpPrinter({ state });
    expect(await kiosk.status()).toBe(reason);
    await expect(kiosk.print(job)).rejects.toMatchObject({ name: 'PrinterUnavailableError', reason });
    expect(printer!.printed().length).toBe(0);
  });

  it('runs out of paper halfway: a failed print, never a printed one; then paper-out', async () => {
    const kiosk = await tcpPrinter({ paperRunsOutAfterBytes: Math.floor(job.bytes.length / 2) });
    await expect(kiosk.print(job)).rejects.toMatchObject({ name: 'PrinterUnavailableError', reason: 'interrupted' });
    expect(printer!.printed().length).toBe(Math.floor(job.bytes.length / 2));
    expect(await kiosk.status()).toBe('paper-out');
  });

  it('a printer that prints from its buffer: the print resolves only once the mechanism has reached the end of the receipt', async () => {
    const kiosk = await tcpPrinter({ bytesPerSecond: 20_000 });
    await kiosk.print(job);
    expect(printer!.printed().length).toBe(job.bytes.length);
  });

  it('runs out of paper while the last bytes wait in its buffer (after every real-time check passed): failed, not printed', async () => {
    const kiosk = await tcpPrinter({ bytesPerSecond: 20_000, paperRunsOutAfterBytes: job.bytes.length - 3 });
    await expect(kiosk.print(job)).rejects.toMatchObject({ reason: 'interrupted', message: expect.stringMatching(/no end-of-receipt answer; status paper-out/) });
  });

  it('nothing listening: offline at once, and the print is refused', async () => {
    const free = await startPrinterSimulator();
    const { port } = free;
    await free.close();
    const kiosk = createReceiptPrinter(printerSettingsSchema.parse({ transport: 'tcp', host: '127.0.0.1', port, ...FAST }), '/nonexistent');
    expect(await kiosk.status()).toBe('offline');
    await expect(kiosk.print(job)).rejects.toMatchObject({ reason: 'offline' });
  });

  it('a port that accepts and never answers: offline after the status timeout, nothing taken as printed', async () => {
    const sink: Server = createServer((socket) => socket.resume());
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => sink.close(resolve)));
    const { port } = sink.address() as AddressInfo;
    const kiosk = createReceiptPrinter(printerSettingsSchema.parse({ transport: 'tcp', host: '127.0.0.1', port, ...FAST }), '/nonexistent');
    const started = performance.now();
    await expect(kiosk.print(job)).rejects.toMatchObject({ reason: 'offline' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(FAST.statusTimeoutMs - 10);
  });

  it('a connection that never opens: offline after the connect timeout', async () => {
    // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never routed. Without a route at all the refusal is immediate, also offline.
    const kiosk = createReceiptPrinter(printerSettingsSchema.parse({ transport: 'tcp', host: '192.0.2.1', port: 9100, ...FAST }), '/nonexistent');
    const started = performance.now();
    expect(await kiosk.status()).toBe('offline');
    expect(performance.now() - started).toBeLessThan(FAST.connectTimeoutMs + 500);
  });

  it('a status check in the background waits for a print under way: one exchange at a time', async () => {
    const kiosk = await tcpPrinter();
    const [, status] = await Promise.all([kiosk.print(job), kiosk.status()]);
    expect(status).toBe('ready');
    expect(printer!.printed().equals(Buffer.from(job.bytes))).toBe(true);
  });
});

describe('the receipt printer over a USB device file', () => {
  const folder = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'printer-usb-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };

  it('a device file that gives no status back: unknown, the receipt is written all the same', async () => {
    const device = path.join(folder(), 'lp0');
    writeFileSync(device, '');
    const kiosk = createReceiptPrinter(printerSettingsSchema.parse({ transport: 'usb', devicePath: device, statusTimeoutMs: 100 }), '/nonexistent');
    expect(await kiosk.status()).toBe('unknown');
    await kiosk.print(job);
    const written = readFileSync(device);
    // The status query went out first (a real printer answers it), then the receipt whole.
    expect(written.subarray(0, 3)).toEqual(Buffer.of(0x10, 0x04, 0x01));
    expect(written.subarray(written.length - job.bytes.length).equals(Buffer.from(job.bytes))).toBe(true);
  });

  it('no device file (printer unplugged): offline, and nothing is created in its place', async () => {
    const device = path.join(folder(), 'lp0');
    const kiosk = createReceiptPrinter(printerSettingsSchema.parse({ transport: 'usb', devicePath: device, statusTimeoutMs: 100 }), '/nonexistent');
    expect(await kiosk.status()).toBe('offline');
    await expect(kiosk.print(job)).rejects.toMatchObject({ reason: 'offline' });
    expect(() => readFileSync(device)).toThrow(/ENOENT/);
  });
});

describe('printer settings', () => {
  it('tcp needs a host and usb a device path; port 9100 by default; file stays the default', () => {
    expect(printerSettingsSchema.parse({}).transport).toBe('file');
    expect(printerSettingsSchema.parse({ transport: 'tcp', host: 'printer.local' }).port).toBe(9100);
    expect(printerSettingsSchema.safeParse({ transport: 'tcp' }).error?.issues[0]?.message).toBe('printer.transport tcp needs printer.host');
    expect(printerSettingsSchema.safeParse({ transport: 'usb' }).error?.issues[0]?.message).toMatch(/needs printer.devicePath/);
    expect(printerSettingsSchema.safeParse({ transport: 'usb', devicePath: 'lp0' }).success).toBe(false);
    expect(printerSettingsSchema.safeParse({ transport: 'serial' }).success).toBe(false);
  });
});
