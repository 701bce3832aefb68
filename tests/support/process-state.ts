import { existsSync, readFileSync } from 'node:fs';

/** Whether process `pid` still runs (Linux; a zombie, exited but not yet reaped by its parent, does not). */
export function isRunning(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return false;
  const state = readFileSync(stat, 'utf8').split(') ')[1]?.[0];
  return state !== 'Z' && state !== 'X';
}
