import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRollingLogger } from '../../shared/node/logging/rolling-logger';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

describe('the rolling log', () => {
  it('survives a roll into a folder that is gone: the failure is said on stderr, the process goes on', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-log-'));
    dirs.push(dir);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const log = await createRollingLogger(dir, 'host', { rotateAtKilobytes: 1, keepFiles: 3 });
    rmSync(dir, { recursive: true, force: true });
    // Past the size limit: pino-roll opens the next file, in the folder that no longer exists.
    for (let n = 0; n < 40; n++) log.info({ n, filler: 'x'.repeat(100) }, 'a line');
    await vi.waitFor(() => expect(stderr.mock.calls.map(([text]) => String(text)).join('')).toContain('the log could not be written'));
  });
});
