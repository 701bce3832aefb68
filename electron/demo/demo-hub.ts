import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { openDatabase } from '../core/db/open';
import { liveReplicaFile, replicaFolder } from '../core/db/replica-files';
import { seedDemoData } from './generate';
import { MPESA_CALLBACK_PATH } from '@shared/sync/protocol';

const root = path.resolve(import.meta.dirname, '../..');
const hubCli = path.join(root, 'hub/cli.ts');
const DEMO_KIOSK_ID = 'demo-kiosk';

export interface DemoHub {
  url: string;
  /** The stored settings with sync and M-Pesa callbacks pointed at this hub (the core validates the result). */
  settingsFor(stored: unknown): unknown;
  stop(): void;
}

/** Seeds a throwaway kiosk database and returns its replica's file: the back office's records, as one SQLite file. */
function writeDemoReplica(file: string, citizens: number): string {
  removeDemoReplica(file);
  const db = openDatabase(file);
  try {
    seedDemoData(db, { citizens });
  } finally {
    db.close();
  }
  return liveReplicaFile(file);
}

function removeDemoReplica(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  rmSync(replicaFolder(file), { recursive: true, force: true });
}

/** Runs `npm run hub -- <args>` to completion and returns what it printed. */
function runHubCommand(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', hubCli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`hub ${args.join(' ')} exited with ${code}`))));
  });
}

function serveHub(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', hubCli, 'serve', '--port', '0', '--db', db], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the hub exited with ${code} before serving`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /at (http:\/\/[\w.:]+)/.exec(line);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
  });
}

/**
 * The demo's back office: the reference hub in its own process, as deployed. The first run
 * seeds it and registers this kiosk (the token is kept beside the hub's database, readable
 * by this user only); the kiosk then fills its replica from the hub over the sync protocol.
 * The hub is spawned by path, never imported: the kiosk does not depend on hub code.
 */
export async function startDemoHub(dataDir: string, citizens: number): Promise<DemoHub> {
  const dir = path.join(dataDir, 'hub');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const db = path.join(dir, 'hub.sqlite');
  const tokenFile = path.join(dir, 'kiosk-token');
  if (!existsSync(tokenFile)) {
    // The back office's records come as a replica file, as an export from NTSA's systems would.
    const scratch = path.join(dir, 'demo-replica.sqlite');
    await runHubCommand(['admin', 'import-replica', writeDemoReplica(scratch, citizens), '--db', db]);
    removeDemoReplica(scratch);
    const token = await runHubCommand(['admin', 'add-kiosk', DEMO_KIOSK_ID, '--db', db]);
    writeFileSync(tokenFile, token, { mode: 0o600 });
  }
  const { child, url } = await serveHub(db);
  const stopWithUs = () => child.kill();
  process.once('exit', stopWithUs);
  const kioskToken = readFileSync(tokenFile, 'utf8').trim();
  return {
    url,
    settingsFor(stored) {
      const base = (stored ?? {}) as { sync?: object; mpesa?: object };
      // Daraja (the simulator too) posts its callbacks to the hub, and the kiosk fetches them.
      return { ...base, sync: { ...base.sync, hubUrl: url, kioskToken }, mpesa: { callbackUrl: `${url}${MPESA_CALLBACK_PATH}`, ...base.mpesa } };
    },
    stop() {
      process.off('exit', stopWithUs);
      child.kill('SIGTERM');
    },
  };
}
