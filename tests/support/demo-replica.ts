import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../electron/core/db/open';
import { liveReplicaFile } from '../../electron/core/db/replica-files';
import { seedDemoData } from '../../electron/demo/generate';
import type { HubStore } from '../../hub/store/hub-store';

/** Loads demo citizens into an empty hub the way a back office would: generated into a replica file, then imported. */
export async function importDemoReplica(store: HubStore, options: { citizens: number; seed: number }): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'demo-replica-'));
  try {
    const file = path.join(dir, 'replica.sqlite');
    const db = openDatabase(file);
    try {
      seedDemoData(db, options);
    } finally {
      db.close();
    }
    await store.importReplica(liveReplicaFile(file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
