import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const deploy = path.resolve(import.meta.dirname, '../../resources/deploy');
const HOST = 'huduma-kiosk-host.service';
const DISPLAY = 'huduma-kiosk-display.service';
const unit = (name: string) => readFileSync(path.join(deploy, name), 'utf8');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * systemd-analyze verify refuses a unit whose programs are missing, and neither Node 22 at
 * /usr/local/bin/node nor cage is installed on this machine: the copies verified name this
 * machine's Node and /usr/bin/true in their place, and nothing else changes.
 */
function installable(text: string): string {
  return text.replaceAll('/usr/local/bin/node', process.execPath).replaceAll('/usr/bin/cage', '/usr/bin/true');
}

/** Verifies the two units side by side (each names the other); everything systemd says is returned. */
async function verify(units: Record<string, string>): Promise<{ code: number; said: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-units-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(units)) writeFileSync(path.join(dir, name), text);
  const files = Object.keys(units).map((name) => path.join(dir, name));
  try {
    const { stdout, stderr } = await run('systemd-analyze', ['verify', ...files]);
    return { code: 0, said: `${stdout}${stderr}`.trim() };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, said: `${failed.stdout}${failed.stderr}`.trim() };
  }
}

const installed = () => ({ [HOST]: installable(unit(HOST)), [DISPLAY]: installable(unit(DISPLAY)) });

describe('the systemd units in resources/deploy', () => {
  it('pass systemd-analyze verify without a word', async () => {
    expect(await verify(installed())).toEqual({ code: 0, said: '' });
  });

  // verify exits 0 on a misspelt setting and only says it is ignored: silence is what passes.
  it.each([
    ['a misspelt setting', (text: string) => text.replace('Restart=on-failure', 'Restat=on-failure'), /Unknown key 'Restat'/],
    ['a value systemd does not know', (text: string) => text.replace('Restart=on-failure', 'Restart=sometimes'), /Failed to parse service restart specifier/],
    ['no program to start', (text: string) => text.replace(/^ExecStart=.*$/m, ''), /has no ExecStart=/],
    ['a program that is not there', (text: string) => text.replaceAll(process.execPath, '/usr/local/bin/no-such-node'), /is not executable/],
  ])('catch a broken host unit: %s', async (_what, breakIt, says) => {
    const units = installed();
    const broken = breakIt(units[HOST]!);
    expect(broken).not.toBe(units[HOST]);
    const result = await verify({ ...units, [HOST]: broken });
    expect(result.said).toMatch(says);
  });

  it('run the host as its own user with its folders, its key as a credential, restarted after a crash', () => {
    const host = unit(HOST);
    for (const line of [
      'User=huduma-kiosk',
      'StateDirectoryMode=0700',
      'LogsDirectoryMode=0700',
      'RuntimeDirectoryMode=0750',
      'LoadCredential=kiosk-database-key:/etc/huduma-kiosk/database.key',
      'Restart=on-failure',
      'NoNewPrivileges=yes',
      'ProtectSystem=strict',
      'PrivateTmp=yes',
      // Of /dev, only a USB receipt printer's device files (printer.transport usb), as group lp.
      'DevicePolicy=closed',
      'DeviceAllow=char-usb rw',
      'SupplementaryGroups=lp',
    ]) {
      expect(host).toContain(`\n${line}\n`);
    }
    expect(host).not.toContain('PrivateDevices=yes');
    expect(host).toMatch(/^ExecStart=\/usr\/local\/bin\/node \/opt\/huduma-kiosk\/out\/host\/cli\.js .*--launch-page \/run\/huduma-kiosk\/launch\.html/m);
  });

  it('run Chromium in kiosk mode under cage, restarted when it exits, opening the launch page by its path alone', () => {
    const display = unit(DISPLAY);
    const command = /^ExecStart=((?:.*\\\n)*.*)$/m.exec(display)?.[1]?.replace(/\\\n\s*/g, '') ?? '';
    expect(command).toMatch(/^\/usr\/bin\/cage -s -- \/usr\/bin\/chromium /);
    const flags = command.split(/\s+/);
    for (const flag of ['--kiosk', '--noerrdialogs', '--disable-pinch', '--overscroll-history-navigation=0', '--kiosk-printing', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']) {
      expect(flags).toContain(flag);
    }
    expect(flags.at(-1)).toBe('file:///run/huduma-kiosk/launch.html');
    expect(command).not.toContain('launch=');
    expect(display).toContain('\nRestart=always\n');
    expect(display).toContain('\nBindsTo=huduma-kiosk-host.service\n');
    expect(display).toContain('\nSupplementaryGroups=huduma-kiosk\n');
  });
});

describe('the kernel settings in resources/deploy/sysctl.d', () => {
  it('name settings this kernel has, each a whole number: writeback starts at 16 MiB of dirty pages', () => {
    const text = unit('sysctl.d/60-huduma-kiosk.conf');
    const settings = text
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'))
      .map((line) => /^([a-z_.]+) = (\d+)$/.exec(line));
    expect(settings.every((match) => match !== null)).toBe(true);
    const values = Object.fromEntries(settings.map((match) => [match?.[1] ?? '', Number(match?.[2])]));
    expect(values).toEqual({ 'vm.dirty_background_bytes': 16 * 1024 * 1024 });
    for (const key of Object.keys(values)) expect(existsSync(`/proc/sys/${key.replaceAll('.', '/')}`), key).toBe(true);
  });
});

describe('the disk rule in resources/deploy/rules.d', () => {
  /** The rule's keys: `KEY{attr}=="match"` and `KEY{attr}="assignment"`, as udev reads them. */
  function ruleKeys(): { key: string; op: string; value: string }[] {
    const lines = unit('rules.d/60-huduma-kiosk-writeback.rules')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'));
    expect(lines).toHaveLength(1);
    return (lines[0] ?? '').split(', ').map((part) => {
      const match = /^([A-Z]+(?:\{[A-Za-z_/]+\})?)(==|=)"([^"]*)"$/.exec(part);
      expect(match, part).not.toBeNull();
      return { key: match?.[1] ?? '', op: match?.[2] ?? '', value: match?.[3] ?? '' };
    });
  }
  /** udev's glob: `|` between alternatives, `*` for any characters. */
  const globMatches = (glob: string, name: string) =>
    glob.split('|').some((alternative) => new RegExp(`^${alternative.replaceAll('*', '.*')}$`).test(name));

  it('sets a whole number of microseconds on whole disks, as they appear and when they change', () => {
    const keys = ruleKeys();
    const matchOf = (key: string) => keys.find((k) => k.key === key && k.op === '==')?.value;
    expect(matchOf('ACTION')?.split('|').sort()).toEqual(['add', 'change']);
    expect(matchOf('SUBSYSTEM')).toBe('block');
    expect(matchOf('ENV{DEVTYPE}')).toBe('disk');
    expect(keys.filter((k) => k.op === '=')).toEqual([{ key: 'ATTR{queue/wbt_lat_usec}', op: '=', value: '2000' }]);
  });

  it('names the disks a kiosk PC has, not loop devices, RAM disks or optical drives', () => {
    const kernel = ruleKeys().find((k) => k.key === 'KERNEL')?.value ?? '';
    for (const disk of ['sda', 'vda', 'xvda', 'nvme0n1', 'mmcblk0']) expect(globMatches(kernel, disk), disk).toBe(true);
    for (const other of ['loop0', 'zram0', 'sr0', 'dm-0', 'md0']) expect(globMatches(kernel, other), other).toBe(false);
  });

  it('sets an attribute the disks it names have on this kernel', () => {
    const kernel = ruleKeys().find((k) => k.key === 'KERNEL')?.value ?? '';
    const disks = readdirSync('/sys/block').filter((name) => globMatches(kernel, name));
    expect(disks.length).toBeGreaterThan(0);
    for (const disk of disks) expect(existsSync(`/sys/block/${disk}/queue/wbt_lat_usec`), disk).toBe(true);
  });
});
