import path from 'node:path';
import { readFileSync } from 'node:fs';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { UPDATE_FEED_PREFIX } from '../../shared/updates/update-feed';

// Packaging needs the Electron binary, which cannot be downloaded here: the configuration is
// read and validated by electron-builder's own code (its loader and its JSON schema), never run.
const root = path.resolve(import.meta.dirname, '../..');
const loadConfig = () => getConfig(root, null, null);
const validate = (config: Configuration) => validateConfiguration(config, new DebugLogger(false));

type TargetList = { target: string }[];

describe('electron-builder.yml', () => {
  it("validates against electron-builder's schema", async () => {
    await expect(validate(await loadConfig())).resolves.toBeUndefined();
  });

  it('a misspelt or misplaced option fails the same validation', async () => {
    const misspelt = { ...(await loadConfig()), nsis: { oneClik: true } } as unknown as Configuration;
    await expect(validate(misspelt)).rejects.toThrow(/configuration/i);
    const wrongType = { ...(await loadConfig()), electronFuses: { runAsNode: 'no' } } as unknown as Configuration;
    await expect(validate(wrongType)).rejects.toThrow(/configuration/i);
  });

  it('names the app and keeps its build resources (the icon) in resources/', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe('ke.go.huduma.kiosk');
    expect(config.directories).toEqual({ output: 'dist', buildResources: 'resources' });
    const icon = readFileSync(path.join(root, 'resources/icon.png'));
    expect(icon.subarray(1, 4).toString()).toBe('PNG');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('burns the kiosk fuses into the binary', async () => {
    expect((await loadConfig()).electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships the built app alone, in an archive, with the native module unpacked', async () => {
    const config = await loadConfig();
    // electron-builder's loader turns the list into one file set: { filter: [...] }.
    const files = (config.files as { filter: string[] }[]).flatMap((set) => set.filter);
    const included = files.filter((pattern) => !pattern.startsWith('!'));
    expect(included).toEqual(['out/**', 'package.json']);
    expect(files).toContain('!**/node_modules/tsx/**');
    expect(files).toContain('!**/node_modules/esbuild/**');
    // The browser host's build, and the bench's, are not the Electron app's.
    expect(files).toContain('!out/host/**');
    expect(files).toContain('!out/bench/**');
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/node_modules/better-sqlite3-multiple-ciphers/**']);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> };
    expect(pkg.main.startsWith('out/')).toBe(true);
    expect(pkg.dependencies).toHaveProperty('electron-updater');
  });

  it('builds an NSIS installer for Windows, an AppImage and a .deb for Linux', async () => {
    const config = await loadConfig();
    expect((config.win?.target as TargetList).map((t) => t.target)).toEqual(['nsis']);
    expect((config.linux?.target as TargetList).map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false });
    expect(config.linux?.category).toBeTruthy();
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/);
  });

  it("publishes for the hub's update feed (a generic provider)", async () => {
    const publish = (await loadConfig()).publish as { provider: string; url: string }[];
    expect(publish).toHaveLength(1);
    expect(publish[0]?.provider).toBe('generic');
    expect(publish[0]?.url).toBe(`\${env.HUDUMA_HUB_URL}${UPDATE_FEED_PREFIX}/\${env.HUDUMA_CENTRE}/`);
  });

  it('has an npm script that builds and packages', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.package).toBe('electron-vite build && electron-builder');
  });
});
