import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The README's set-up section against what CI really does on a fresh machine (`.ci/run`). */
const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const readme = read('README.md');
const setup = readme.slice(readme.indexOf('## Run it, test it'), readme.indexOf('To use it:'));
const ciRun = read('.ci/run');

describe("the README's set-up", () => {
  it('names every Debian package .ci/run installs for the tests, and how to install them', () => {
    const packages = [...ciRun.matchAll(/missing\+=\(([\w-]+)\)/g)].map((match) => match[1]);
    expect(packages).toEqual(['chromium', 'poppler-utils', 'systemd', 'postgresql', 'strace']);
    const shownAs: Record<string, string> = { chromium: 'Chromium', postgresql: 'PostgreSQL' };
    for (const name of packages) expect(setup).toContain(`**${shownAs[name as string] ?? name}**`);
    expect(setup).toContain(`apt-get install ${packages.join(' ')}`);
  });

  it('gives the very commands CI runs, and how long the tests take on two cores', () => {
    const commands = ciRun.slice(ciRun.indexOf('# The README')).split('\n').slice(1).filter((line) => line.trim());
    expect(commands).toEqual(['npm ci', 'npm test']);
    for (const command of commands) expect(setup).toMatch(new RegExp(`^${command} +#`, 'm'));
    expect(setup).toMatch(/`npm test` takes about \d+ minutes on a two-core machine/);
  });

  it('pins Node 22 in .nvmrc, which the engines range accepts, and says how to keep it on PATH', () => {
    const pinned = read('.nvmrc').trim();
    expect(pinned).toBe('22');
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    expect(engines).toMatch(/^>=22\./);
    expect(setup).toContain('.nvmrc');
    expect(setup).toContain('.node22/package/bin');
    expect(setup).toContain('~/.profile');
  });
});
