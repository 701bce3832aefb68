import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NodeHttpExecutor } from 'builder-util';
import type { UpdateInfo } from 'builder-util-runtime';
import { GenericProvider } from 'electron-updater/out/providers/GenericProvider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCentre, moveKioskToCentre } from '../../hub/centre-commands';
import { pinRelease } from '../../hub/updates/release-pins';
import { updateFeedUrl } from '../../shared/updates/update-feed';
import { rawRequest } from '../support/raw-http';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../support/test-hub';

/**
 * The hub's update feed read the way the Electron shell reads it: electron-updater's own
 * generic provider (its channel-file name per platform, its YAML parsing, its resolution of
 * the files it names), over real HTTP, with the kiosk's token. Releases are laid out as
 * `npm run package` writes dist/: installers stand-ins of random bytes, and the channel files
 * with their sha512, as electron-builder writes them.
 */
const sha512 = (data: Buffer) => createHash('sha512').update(data).digest('base64');

function writeRelease(releasesDir: string, version: string): Record<string, Buffer> {
  const dir = path.join(releasesDir, version);
  mkdirSync(dir, { recursive: true });
  const installers = { win32: `huduma-kiosk-setup-${version}.exe`, linux: `huduma-kiosk-${version}.AppImage` };
  const bytes: Record<string, Buffer> = {};
  for (const [platform, file] of Object.entries(installers)) {
    const data = randomBytes(64 * 1024);
    bytes[file] = data;
    writeFileSync(path.join(dir, file), data);
    const channel = platform === 'win32' ? 'latest.yml' : 'latest-linux.yml';
    writeFileSync(
      path.join(dir, channel),
      [
        `version: ${version}`,
        'files:',
        `  - url: ${file}`,
        `    sha512: ${sha512(data)}`,
        `    size: ${data.length}`,
        `path: ${file}`,
        `sha512: ${sha512(data)}`,
        `releaseDate: '2026-12-0${version.at(-1)}T08:00:00.000Z'`,
        '',
      ].join('\n'),
    );
  }
  // Never served: a dotfile in a release, and a file beside the releases folder.
  writeFileSync(path.join(dir, '.signing-notes'), 'not for kiosks');
  return bytes;
}

describe('the update feed', () => {
  let root: string;
  let releasesDir: string;
  let hub: TestHub;
  /** A kiosk of the Nairobi GPO centre, and one of Mombasa's: each reads its own centre's feed. */
  let token: string;
  let mombasaToken: string;
  const artifacts: Record<string, Buffer> = {};

  const provider = (centre: string, platform: 'win32' | 'linux', kioskToken = centre === 'mombasa' ? mombasaToken : token) => {
    const updater = { channel: null, isAddNoCacheQuery: false };
    const feed = new GenericProvider({ provider: 'generic', url: updateFeedUrl(hub.url, centre) }, updater as never, {
      platform,
      executor: new NodeHttpExecutor() as never,
      isUseMultipleRangeRequest: false,
    });
    feed.setRequestHeaders({ authorization: `Bearer ${kioskToken}` });
    return feed;
  };
  const latest = (centre: string, platform: 'win32' | 'linux' = 'linux'): Promise<UpdateInfo> => provider(centre, platform).getLatestVersion();
  const admin = (method: string, target: string, body?: unknown) =>
    fetch(`${hub.url}${target}`, {
      method,
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'update-feed-'));
    releasesDir = path.join(root, 'releases');
    Object.assign(artifacts, writeRelease(releasesDir, '1.0.0'), writeRelease(releasesDir, '1.1.0'));
    writeFileSync(path.join(root, 'hub-secret.txt'), 'outside the releases');
    await pinRelease(releasesDir, 'nairobi-gpo', '1.0.0');
    await pinRelease(releasesDir, 'mombasa', '1.0.0');
    hub = await startTestHub({ releasesDir });
    for (const [centreId, name] of [['nairobi-gpo', 'Huduma Centre GPO'], ['mombasa', 'Huduma Centre Mombasa'], ['kisumu', 'Huduma Centre Kisumu']]) {
      await addCentre(hub.store, { centreId, name });
    }
    token = await hub.addKiosk('kiosk-update');
    await moveKioskToCentre(hub.store, 'kiosk-update', 'nairobi-gpo');
    mombasaToken = await hub.addKiosk('kiosk-mombasa');
    await moveKioskToCentre(hub.store, 'kiosk-mombasa', 'mombasa');
  });
  afterAll(async () => {
    await hub.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("gives each platform its centre's release, parsed by electron-updater, with installers whose sha512 matches", async () => {
    for (const platform of ['linux', 'win32'] as const) {
      const feed = provider('nairobi-gpo', platform);
      const info = await feed.getLatestVersion();
      expect(info.version).toBe('1.0.0');
      const [file] = feed.resolveFiles(info);
      expect(file!.url.href).toBe(`${hub.url}/updates/v1/nairobi-gpo/${platform === 'linux' ? 'huduma-kiosk-1.0.0.AppImage' : 'huduma-kiosk-setup-1.0.0.exe'}`);
      const download = await fetch(file!.url, { headers: { authorization: `Bearer ${token}` } });
      expect(download.status).toBe(200);
      const body = Buffer.from(await download.arrayBuffer());
      expect(sha512(body)).toBe(file!.info.sha512);
      expect(body.equals(artifacts[path.basename(file!.url.pathname)]!)).toBe(true);
    }
  });

  it('serves byte ranges, for the differential download', async () => {
    const response = await fetch(`${hub.url}/updates/v1/nairobi-gpo/huduma-kiosk-1.0.0.AppImage`, { headers: { authorization: `Bearer ${token}`, range: 'bytes=100-199' } });
    expect(response.status).toBe(206);
    expect(Buffer.from(await response.arrayBuffer()).equals(artifacts['huduma-kiosk-1.0.0.AppImage']!.subarray(100, 200))).toBe(true);
  });

  it('rolls one centre forward and back while another is held', async () => {
    const forward = await admin('PUT', '/admin/v1/updates/pins/nairobi-gpo', { version: '1.1.0' });
    expect(forward.status).toBe(200);
    expect((await latest('nairobi-gpo')).version).toBe('1.1.0');
    expect((await latest('nairobi-gpo', 'win32')).version).toBe('1.1.0');
    expect((await latest('mombasa')).version).toBe('1.0.0');
    // The previous release's installer is no longer this centre's.
    expect((await fetch(`${hub.url}/updates/v1/nairobi-gpo/huduma-kiosk-1.0.0.AppImage`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(404);

    await pinRelease(releasesDir, 'nairobi-gpo', '1.0.0');
    expect((await latest('nairobi-gpo')).version).toBe('1.0.0');
    expect(await (await admin('GET', '/admin/v1/updates/pins')).json()).toEqual({ centres: { 'nairobi-gpo': '1.0.0', mombasa: '1.0.0' } });
  });

  it('refuses a pin to a release that is not there, or for a misnamed centre, and changes nothing', async () => {
    const missing = await admin('PUT', '/admin/v1/updates/pins/mombasa', { version: '9.9.9' });
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ error: 'pin-refused', reason: expect.stringMatching(/no release 9\.9\.9/) });
    expect((await admin('PUT', '/admin/v1/updates/pins/Mombasa..', { version: '1.1.0' })).status).toBe(422);
    expect((await admin('PUT', '/admin/v1/updates/pins/mombasa', { version: '../1.1.0' })).status).toBe(422);
    expect((await admin('PUT', '/admin/v1/updates/pins/mombasa', { version: '1.1.0', extra: true })).status).toBe(400);
    const stranger = await fetch(`${hub.url}/admin/v1/updates/pins/mombasa`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"version":"1.1.0"}' });
    expect(stranger.status).toBe(401);
    expect((await latest('mombasa')).version).toBe('1.0.0');
  });

  it('answers 404 for a centre with no pin', async () => {
    await moveKioskToCentre(hub.store, 'kiosk-update', 'kisumu');
    try {
      await expect(latest('kisumu')).rejects.toMatchObject({ code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' });
    } finally {
      await moveKioskToCentre(hub.store, 'kiosk-update', 'nairobi-gpo');
    }
  });

  it("gives a kiosk its own centre's feed alone: another centre's, or any for a kiosk in no centre, is a 404", async () => {
    // Mombasa is held at 1.0.0 while Nairobi may move on: a Nairobi kiosk cannot read Mombasa's pin, nor the reverse.
    await expect(provider('mombasa', 'linux', token).getLatestVersion()).rejects.toMatchObject({ code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' });
    await expect(provider('nairobi-gpo', 'linux', mombasaToken).getLatestVersion()).rejects.toMatchObject({ code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' });
    const homeless = await hub.addKiosk('kiosk-no-centre');
    await expect(provider('nairobi-gpo', 'linux', homeless).getLatestVersion()).rejects.toMatchObject({ code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' });
    expect((await latest('mombasa')).version).toBe('1.0.0');
  });

  it('answers 401 to anyone without a live kiosk token', async () => {
    await expect(provider('nairobi-gpo', 'linux', 'forged-token').getLatestVersion()).rejects.toMatchObject({ statusCode: 401 });
    for (const authorization of [undefined, `Bearer ${TEST_ADMIN_TOKEN}`, `Basic ${token}`]) {
      const response = await fetch(`${hub.url}/updates/v1/nairobi-gpo/latest.yml`, { headers: authorization === undefined ? {} : { authorization } });
      expect(response.status).toBe(401);
      expect(await response.text()).toBe('{"error":"unauthorized"}');
    }
  });

  it('serves nothing outside the pinned release, however the path is spelt', async () => {
    const spellings = [
      '/updates/v1/nairobi-gpo/../pins.json',
      '/updates/v1/nairobi-gpo/..%2Fpins.json',
      '/updates/v1/nairobi-gpo/..%2fpins.json',
      '/updates/v1/nairobi-gpo/%2e%2e%2Fpins.json',
      '/updates/v1/nairobi-gpo/%2E%2E/pins.json',
      '/updates/v1/nairobi-gpo/..%5Cpins.json',
      '/updates/v1/nairobi-gpo/..%252Fpins.json',
      '/updates/v1/nairobi-gpo/%2e%2e%2f%2e%2e%2fhub-secret.txt',
      '/updates/v1/nairobi-gpo/..%2F..%2Fhub-secret.txt',
      '/updates/v1/nairobi-gpo/%2Fetc%2Fpasswd',
      '/updates/v1/nairobi-gpo//etc/passwd',
      '/updates/v1/nairobi-gpo/.signing-notes',
      '/updates/v1/nairobi-gpo/%2esigning-notes',
      '/updates/v1/..%2F1.1.0/latest.yml',
      '/updates/v1/%2e%2e/latest.yml',
      '/updates/v1/nairobi-gpo%2F..%2F1.1.0/latest.yml',
      '/updates/v1/NAIROBI-GPO/latest.yml',
      '/updates/v1/nairobi-gpo/latest.yml%00.txt',
      '/updates/v1/nairobi-gpo/1.1.0%2Flatest.yml',
      `http://127.0.0.1/updates/v1/nairobi-gpo/..%2F..%2Fhub-secret.txt`,
    ];
    const leaks: string[] = [];
    for (const target of spellings) {
      const answer = await rawRequest(hub.url, { method: 'GET', target, headers: { host: new URL(hub.url).host, authorization: `Bearer ${token}` } });
      if (answer.status < 400 || /centres|outside the releases|not for kiosks|root:|version:/.test(answer.body)) leaks.push(`${target}: ${answer.status} ${answer.body.slice(0, 80)}`);
    }
    expect(leaks).toEqual([]);
    // The plain spelling is served, so the refusals above are the spellings', not the route's.
    const plain = await rawRequest(hub.url, { method: 'GET', target: '/updates/v1/nairobi-gpo/latest-linux.yml', headers: { host: new URL(hub.url).host, authorization: `Bearer ${token}` } });
    expect(plain.status).toBe(200);
    expect(plain.body).toContain('version: 1.0.0');
  });
});
