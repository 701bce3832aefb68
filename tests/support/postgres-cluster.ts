import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** How to give the tests a PostgreSQL, said by every test that needs one and cannot find it. */
export const HOW_TO_GET_POSTGRES =
  'The hub store tests need PostgreSQL (15 or later). Either install its server (Debian: apt-get install postgresql; ' +
  'the tests then start a throwaway cluster of their own from /usr/lib/postgresql/<version>/bin), or point ' +
  'HUB_TEST_DATABASE_URL at a server where the tests may create and drop databases, e.g. ' +
  'HUB_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm test';

/** The newest installed server's binaries (Debian's layout), or PG_BIN if set. */
export function findPostgresBinaries(): string | undefined {
  if (process.env.PG_BIN) return existsSync(path.join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : path.join(root, versions[0], 'bin');
}

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ThrowawayCluster {
  url: string;
  stop(): void;
}

/**
 * A PostgreSQL cluster of its own in a temporary folder, on a free loopback port, trusting
 * local logins, without fsync (its data dies with the run) unless `durable` (a bench that
 * times commits against SQLite's synchronous=FULL). initdb refuses to run as root, so as
 * root the cluster runs as the `postgres` user Debian's package creates.
 */
export async function startThrowawayCluster(bin: string, options: { durable?: boolean } = {}): Promise<ThrowawayCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-postgres-'));
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]] as const : [path.join(bin, tool), args] as const;
    execFileSync(command[0], command[1], { stdio: ['ignore', 'ignore', 'pipe'], cwd: dir });
  };
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const data = path.join(dir, 'data');
  const port = await freeLoopbackPort();
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
    run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${options.durable ? '' : ' -c fsync=off -c full_page_writes=off'}`, 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`could not start a throwaway PostgreSQL with ${bin}: ${stderr || String(error)}`, { cause: error });
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
