import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createKioskCore } from '../../electron/core/kiosk-core';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'staff-cli-'));
const databaseFile = path.join(dir, 'kiosk.sqlite');
/** The script `npm run staff` runs, read from package.json so the test follows it. */
const staffScript = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.staff!.replace(/^tsx /, '');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The real command, as `npm run staff -- ...` runs it, with PINs piped one per line. */
function staffCli(args: string[], pins: string[]) {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), staffScript, ...args], {
    cwd: root,
    input: pins.join('\n') + '\n',
    encoding: 'utf8',
  });
  return { status: result.status, out: result.stdout + result.stderr };
}

describe('npm run staff', () => {
  it('creates the first supervisor once, then lets that supervisor add a clerk who can sign in', async () => {
    const setup = staffCli(['setup', '--database', databaseFile, '--id', '1001', '--name', 'Grace Njeri'], ['2580', '2580']);
    expect(setup).toMatchObject({ status: 0 });
    expect(setup.out).toContain('Added 1001.');
    expect(setup.out).not.toContain('2580');

    const again = staffCli(['setup', '--database', databaseFile, '--id', '1002', '--name', 'Someone'], ['3690', '3690']);
    expect(again.status).toBe(1);
    expect(again.out).toContain('A supervisor already exists');

    const mismatch = staffCli(['add', '--database', databaseFile, '--by', '1001', '--id', '2001', '--name', 'Peter Otieno', '--role', 'clerk'], ['2580', '1470', '1471']);
    expect(mismatch.status).toBe(1);
    expect(mismatch.out).toContain('The two PINs differ');

    const wrongSupervisorPin = staffCli(['add', '--database', databaseFile, '--by', '1001', '--id', '2001', '--name', 'Peter Otieno', '--role', 'clerk'], ['9999', '1470', '1470']);
    expect(wrongSupervisorPin.status).toBe(1);
    expect(wrongSupervisorPin.out).toContain('staff number or PIN is not right');

    const add = staffCli(['add', '--database', databaseFile, '--by', '1001', '--id', '2001', '--name', 'Peter Otieno', '--role', 'clerk', '--badge', 'HC-2001'], ['2580', '1470', '1470']);
    expect(add).toMatchObject({ status: 0 });

    const core = createKioskCore({ databaseFile });
    try {
      expect(await core.invoke('staff.signIn', { badgeCode: 'HC-2001', pin: '1470' })).toMatchObject({ ok: true, value: { staffId: '2001', role: 'clerk' } });
      const actions = core.context.db.prepare<[], { action: string; actor: string; outcome: string }>(
        "SELECT action, actor, outcome FROM audit_log WHERE action LIKE 'staff.%' ORDER BY id",
      ).all();
      expect(actions.map((a) => `${a.action} ${a.actor} ${a.outcome}`)).toEqual([
        'staff.add system ok',
        'staff.signIn staff:1001 wrong-pin',
        'staff.signIn staff:1001 ok',
        'staff.add staff:1001 ok',
        'staff.signOut staff:1001 sign-out',
        'staff.signIn staff:2001 ok',
      ]);
    } finally {
      await core.close();
    }
  }, 60_000);
});
