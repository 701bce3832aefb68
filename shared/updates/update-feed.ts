import { z } from 'zod';

/**
 * The hub's update feed for the Electron shell, read by electron-updater's generic provider:
 * `<hub>/updates/v1/<centre>/latest.yml` (Windows), `latest-linux.yml`, and the installers
 * those files name, relative to the same folder. Each centre sees the release it is pinned to,
 * so a centre can be rolled forward or held back. Kiosk-authenticated like /sync/v1.
 */
export const UPDATE_FEED_PREFIX = '/updates/v1';

/** A centre's name in the feed's path and the hub's pins: lower-case letters, digits, dashes. */
export const centreSchema = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, {
  message: 'a centre is named in lower-case letters, digits and dashes (e.g. nairobi-gpo)',
});

/** A release's version as electron-builder writes it (semver, no leading v). */
export const releaseVersionSchema = z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, {
  message: 'a release version is semver, e.g. 1.4.0',
});

/** The feed's folder for one centre: every file electron-updater fetches is relative to it. */
export function updateFeedUrl(hubUrl: string, centre: string): string {
  return `${hubUrl.replace(/\/+$/, '')}${UPDATE_FEED_PREFIX}/${centre}/`;
}
