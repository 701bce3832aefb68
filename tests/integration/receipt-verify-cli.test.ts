import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { signReceipt } from '../../electron/core/payments/receipts/receipt-signing';

const run = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');
const cli = path.resolve('electron/core/payments/receipts/verify-cli.ts');

const keys = generateKeyPairSync('ed25519');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'verify-cli-'));
const publicKeyFile = path.join(tmp, 'kiosk-public.pem');
writeFileSync(publicKeyFile, keys.publicKey.export({ format: 'pem', type: 'spki' }));
const qr = signReceipt(
  {
    kioskId: 'kiosk-3f9a12bc',
    receiptNumber: 'R-20250301-0007',
    billReference: 'EC-BILL-88123',
    total: 1450,
    method: 'card',
    providerReference: '204816',
    paidAt: '2025-03-01T06:15:42Z',
  },
  keys.privateKey,
);

/** Runs the command as a person would; resolves with its exit code and output. */
async function verify(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(tsx, [cli, ...args]);
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('verify-cli', () => {
  it('says VALID and prints the fields of a genuine receipt', async () => {
    const { code, stdout } = await verify('--public-key', publicKeyFile, '--qr', qr);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^VALID\n/);
    expect(stdout).toContain('receiptNumber: R-20250301-0007');
    expect(stdout).toContain('total: 1450');
  });

  it('says INVALID for a tampered receipt', async () => {
    const { code, stdout } = await verify('--public-key', publicKeyFile, '--qr', qr.replace('|1450|', '|145|'));
    expect(code).toBe(1);
    expect(stdout).toMatch(/^INVALID \(bad-signature\)\n/);
    expect(stdout).toContain('NOT vouched for');
  });

  it('explains its usage', async () => {
    expect((await verify('--qr', qr)).code).toBe(2);
  });
});
