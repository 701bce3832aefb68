import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../shared/node/logging/logger';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-logger-'));
const file = path.join(dir, 'kiosk.log');
const log = createLogger({ file });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the kiosk's log file gained while `write` ran against the real logger. */
async function logged(write: (logger: typeof log) => void): Promise<string> {
  await vi.waitFor(() => expect(existsSync(file)).toBe(true));
  const before = statSync(file).size;
  write(log);
  // Asynchronous writes: wait for the whole line to land.
  return vi.waitFor(() => {
    const text = readFileSync(file).subarray(before).toString('utf8');
    expect(text).toMatch(/\n$/);
    return text;
  });
}

const idNumber = fc.stringMatching(/^[1-9]\d{6,7}$/);
const subscriber = fc.stringMatching(/^[17]\d{8}$/);
/** The forms a Kenyan phone number takes in practice. */
const phone = subscriber.chain((s) => fc.constantFrom(`0${s}`, `254${s}`, `+254${s}`, `+254 ${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6)}`, `0${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6)}`));
const personName = fc.constantFrom('Wanjiku Kamau', 'Otieno Ochieng', 'Achieng Atieno', 'Mwangi', 'Fatuma Hassan');
/** Where a careless caller might put an identifier in a log entry. */
const placement = fc.constantFrom<(v: { id: string; phone: string; name: string }) => [Record<string, unknown>, string]>(
  (v) => [{ idNumber: v.id, phone: v.phone, name: v.name }, 'top level'],
  (v) => [{ citizen: { idNumber: v.id, phone: v.phone, fullName: v.name } }, 'one level down'],
  (v) => [{ request: { payload: { id_number: v.id, phoneNumber: v.phone, name: v.name } } }, 'two levels down'],
  (v) => [{ results: [{ idNumber: v.id }, { msisdn: v.phone }, { surname: v.name }] }, 'in an array'],
  (v) => [{ err: new Error(`no account for ID ${v.id}, phone ${v.phone}`) }, 'in an error message'],
  (v) => [{ url: `/api/lookup?id=${v.id}&phone=${encodeURIComponent(v.phone)}` }, 'in a URL'],
);

describe('the logger never writes a raw identifier', () => {
  it('redacts ID numbers, phones and names wherever they are put', async () => {
    await fc.assert(
      fc.asyncProperty(idNumber, phone, personName, placement, async (id, tel, name, place) => {
        const [entry, where] = place({ id, phone: tel, name });
        const text = await logged((log) => log.error(entry, `lookup failed for ${id} (${where})`));
        expect(text).toContain('[redacted]');
        expect(text).not.toContain(id);
        expect(text.replace(/\s/g, '')).not.toContain(tel.replace(/\s/g, '').replace(/^\+?254|^0/, ''));
        if (!where.includes('message') && !where.includes('URL')) expect(text).not.toContain(name);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps what operators need: call names, outcomes, counts and hashed subjects', async () => {
    const text = await logged((log) => log.info({ call: 'lookup.byId', outcome: 'ok', ms: 12.5, rows: 3, subject: 'h7Gk2_xLq9-Qz1aB3cD4eF' }, 'call'));
    expect(JSON.parse(text)).toMatchObject({ call: 'lookup.byId', outcome: 'ok', ms: 12.5, rows: 3, subject: 'h7Gk2_xLq9-Qz1aB3cD4eF', msg: 'call' });
  });
});
