import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { setTimeout } from 'node:timers/promises';
import path from 'node:path';
import { ownerOnlyDirectory } from '@shared/node/owner-only';

/**
 * The replica (the back office's records) lives in files of its own beside the kiosk
 * database, one generation per complete load:
 *
 *     kiosk.sqlite-replica/000001.sqlite           the live replica: the highest complete generation
 *     kiosk.sqlite-replica/000002.sqlite-loading   a first load or a rebuild under way
 *
 * A load writes only its own file, so it never holds the kiosk database's write lock (which
 * every search's audit row needs). When it is complete it is renamed to its generation's
 * name and the core attaches it in place of the old one: the swap is a rename. Names are
 * never reused, so a connection still open on an old generation never meets another
 * file's WAL.
 */
const LIVE = /^(\d{6})\.sqlite$/;
const LOADING = /^(\d{6})\.sqlite-loading$/;
const SQLITE_SUFFIXES = ['', '-wal', '-shm', '-journal'];
const SHRINK_SLICE_BYTES = 16 * 1024 * 1024;
const SHRINK_PAUSE_MS = 20;

export function replicaFolder(databaseFile: string): string {
  return `${databaseFile}-replica`;
}

interface Generation {
  number: number;
  file: string;
}

function generations(databaseFile: string, pattern: RegExp): Generation[] {
  const folder = replicaFolder(databaseFile);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .map((name) => ({ match: pattern.exec(name), name }))
    .filter((entry): entry is { match: RegExpExecArray; name: string } => entry.match !== null)
    .map(({ match, name }) => ({ number: Number(match[1]), file: path.join(folder, name) }))
    .sort((a, b) => a.number - b.number);
}

const fileName = (n: number, suffix: string) => `${String(n).padStart(6, '0')}.${suffix}`;

/** Every replica file there is, complete or being loaded, oldest first: what a key seals. */
export function replicaFiles(databaseFile: string): string[] {
  return [...generations(databaseFile, LIVE), ...generations(databaseFile, LOADING)].sort((a, b) => a.number - b.number).map((g) => g.file);
}

/** The live replica's file: the newest complete generation, or the first one (still to be created). */
export function liveReplicaFile(databaseFile: string): string {
  ownerOnlyDirectory(replicaFolder(databaseFile));
  return generations(databaseFile, LIVE).at(-1)?.file ?? path.join(replicaFolder(databaseFile), fileName(1, 'sqlite'));
}

/** The load under way, if any: it resumes from its own cursor. */
export function loadingReplicaFile(databaseFile: string): string | undefined {
  return generations(databaseFile, LOADING).at(-1)?.file;
}

/** A fresh file for a new load, numbered after every generation there has been; earlier unfinished loads are removed. */
export function newLoadingReplicaFile(databaseFile: string): string {
  for (const { file } of generations(databaseFile, LOADING)) removeSqliteFile(file);
  const newest = Math.max(0, ...generations(databaseFile, LIVE).map((g) => g.number));
  return path.join(replicaFolder(databaseFile), fileName(newest + 1, 'sqlite-loading'));
}

/**
 * A complete load becomes the newest generation: one rename, made durable by syncing the
 * folder. The file must be closed and hold no WAL (journal_mode DELETE) by then.
 */
export function promoteLoadingReplicaFile(loadingFile: string): string {
  const match = LOADING.exec(path.basename(loadingFile));
  if (!match) throw new Error(`${loadingFile} is not a replica being loaded`);
  const live = path.join(path.dirname(loadingFile), fileName(Number(match[1]), 'sqlite'));
  renameSync(loadingFile, live);
  const folder = openSync(path.dirname(loadingFile), 'r');
  try {
    fsyncSync(folder);
  } finally {
    closeSync(folder);
  }
  return live;
}

/**
 * Removes the generations older than `liveFile`, once nothing reads them any more. A large
 * file is cut down a slice at a time before it is unlinked: freeing half a gigabyte at once is
 * one burst of file-system journal work, which the kiosk database's next fsync (a search's
 * commit) would wait behind. Once `stopping` is aborted (the kiosk closes, and nobody searches)
 * what is left is unlinked at once.
 */
export async function removeReplicaFilesBefore(databaseFile: string, liveFile: string, stopping?: AbortSignal): Promise<string[]> {
  const current = Number(LIVE.exec(path.basename(liveFile))?.[1] ?? 0);
  const old = generations(databaseFile, LIVE).filter((g) => g.number < current);
  for (const { file } of old) {
    await shrinkGradually(file, stopping);
    await Promise.all(SQLITE_SUFFIXES.map((suffix) => rm(`${file}${suffix}`, { force: true })));
  }
  return old.map((g) => g.file);
}

async function shrinkGradually(file: string, stopping: AbortSignal | undefined): Promise<void> {
  const handle = await open(file, 'r+').catch(() => undefined);
  if (!handle) return;
  try {
    for (let size = (await handle.stat()).size; size > 0 && !stopping?.aborted; size = Math.max(0, size - SHRINK_SLICE_BYTES)) {
      await handle.truncate(Math.max(0, size - SHRINK_SLICE_BYTES));
      await handle.datasync();
      await setTimeout(SHRINK_PAUSE_MS);
    }
  } finally {
    await handle.close();
  }
}

function removeSqliteFile(file: string): void {
  for (const suffix of SQLITE_SUFFIXES) rmSync(`${file}${suffix}`, { force: true });
}
