import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { centreSchema, releaseVersionSchema } from '@shared/updates/update-feed';

/**
 * Which release each centre's kiosks run, kept as `pins.json` in the releases folder beside
 * one folder per release (`<releases>/1.4.0/latest.yml`, `latest-linux.yml`, the installers),
 * each exactly as `npm run package` wrote its dist/ folder. Pinning a centre to a later
 * release rolls it forward; to an earlier one, rolls it back (the kiosks allow a downgrade);
 * leaving it pinned holds it back while other centres move on. Read at every request, so a
 * pin takes effect without restarting the hub.
 */
export const PINS_FILE = 'pins.json';
/** The update files electron-builder writes for each platform (Windows; Linux x64). */
export const CHANNEL_FILES = ['latest.yml', 'latest-linux.yml'] as const;

const pinsSchema = z.object({ centres: z.record(centreSchema, releaseVersionSchema) });
export type ReleasePins = z.output<typeof pinsSchema>['centres'];

export class PinError extends Error {}

export async function readPins(releasesDir: string): Promise<ReleasePins> {
  let text: string;
  try {
    text = await readFile(path.join(releasesDir, PINS_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  return pinsSchema.parse(JSON.parse(text)).centres;
}

/** The release a centre is pinned to; undefined for a centre the hub does not know. */
export async function pinnedRelease(releasesDir: string, centre: string): Promise<string | undefined> {
  const pins = await readPins(releasesDir);
  return Object.hasOwn(pins, centre) ? pins[centre] : undefined;
}

/**
 * Pins a centre to a release that is in the folder (with at least one platform's update file).
 * Written to a temporary file and renamed over the old one, so the feed never reads half a file.
 */
export async function pinRelease(releasesDir: string, centre: string, version: string): Promise<ReleasePins> {
  const centreOk = centreSchema.safeParse(centre);
  if (!centreOk.success) throw new PinError(centreOk.error.issues[0]!.message);
  const versionOk = releaseVersionSchema.safeParse(version);
  if (!versionOk.success) throw new PinError(versionOk.error.issues[0]!.message);
  if (!CHANNEL_FILES.some((file) => existsSync(path.join(releasesDir, version, file)))) {
    throw new PinError(`no release ${version} in ${releasesDir}: copy its dist/ folder (${CHANNEL_FILES.join(', ')}, the installers) to ${path.join(releasesDir, version)} first`);
  }
  const pins = { ...(await readPins(releasesDir)), [centre]: version };
  const file = path.join(releasesDir, PINS_FILE);
  await writeFile(`${file}.tmp`, `${JSON.stringify({ centres: pins }, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
  return pins;
}
