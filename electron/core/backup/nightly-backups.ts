import path from 'node:path';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import type { Logger } from '@shared/node/logging/logger';
import { scheduleNightly } from './nightly-schedule';
import { backupDatabase } from './online-backup';

export interface BackupPlan {
  /** Where backups go; made readable only by the kiosk's user. */
  dir: string;
  /** How many nightly backups to keep. */
  keep?: number;
  /** Kenya time of the nightly run; the centre is closed. */
  hour?: number;
  minute?: number;
}

export const DEFAULT_BACKUP_PLAN = { keep: 7, hour: 2, minute: 30 } as const;

/** The kiosk's nightly online backup with rotation. Returns the function that stops it. */
export function startNightlyBackups(deps: { db: Db; clock: Clock; log: Logger }, plan: BackupPlan): () => void {
  const { keep, hour, minute } = { ...DEFAULT_BACKUP_PLAN, ...plan };
  return scheduleNightly({
    hour,
    minute,
    now: () => deps.clock.now(),
    job: async () => {
      try {
        const result = await backupDatabase(deps.db, { dir: plan.dir, keep, clock: deps.clock });
        deps.log.info({ backup: path.basename(result.file), bytes: result.bytes, removed: result.removed.length }, 'nightly backup done');
      } catch (error) {
        deps.log.error({ err: error }, 'nightly backup failed');
      }
    },
  });
}
