import { chmodSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/** Readable by the host's user and its group, which the display's user belongs to; nobody else. */
export const LAUNCH_PAGE_MODE = 0o640;

export interface LaunchPage {
  /** Writes the page with a new token: at the start, after its token was spent, and before it expires. */
  renew(): void;
  /** Removes the page (the host is stopping). */
  remove(): void;
}

/**
 * A page on disk that opens the kiosk with a live one-time launch token, for a browser a
 * service manager starts. Chromium's command line, which every local user can read, names only
 * this file; the token is inside it, readable by the host's user and the display's group alone
 * (the service units give the folder to that group). Each renewal mints a new token, and the
 * earlier ones expire by themselves, so a browser that read the page a moment before stays valid.
 */
export function launchPageAt(file: string, newLaunchUrl: () => string): LaunchPage {
  const renew = () => {
    const url = newLaunchUrl();
    // Written beside and renamed into place: a browser starting meanwhile reads a whole page.
    const draft = `${file}.new`;
    writeFileSync(draft, launchHtml(url), { mode: LAUNCH_PAGE_MODE });
    chmodSync(draft, LAUNCH_PAGE_MODE);
    renameSync(draft, file);
  };
  return { renew, remove: () => rmSync(file, { force: true }) };
}

/** The token sits in the address's fragment, which the browser never sends to a server. */
function launchHtml(url: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
<meta http-equiv="refresh" content="0; url=${url}"><title>Huduma kiosk</title></head><body></body></html>
`;
}
