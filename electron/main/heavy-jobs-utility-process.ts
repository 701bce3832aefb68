import type { UtilityProcess } from 'electron';
import { heavyJobsEntry, type HeavyJobReply, type HeavyJobsStarter } from '../core/heavy-job-runner';

/** Electron's `utilityProcess`, as much of it as the heavy-jobs process needs (a stand-in in tests). */
export interface UtilityProcessModule {
  fork(modulePath: string, args?: string[], options?: { serviceName?: string; stdio?: 'inherit' | 'ignore' | 'pipe' }): UtilityProcess;
}

/**
 * Electron's way to start the heavy-jobs process: a utility process (Node in a Chromium child
 * process, as Actual runs its server). `child_process.fork` would run Electron's binary, whose
 * RunAsNode fuse is burnt off: it would start the kiosk again instead of the jobs. Messages
 * cross by structured clone; Electron ends the process with the app, so keeping it alive or not
 * is not ours to decide.
 */
export function heavyJobsInUtilityProcess(utilityProcess: UtilityProcessModule): HeavyJobsStarter {
  return () => {
    const child = utilityProcess.fork(heavyJobsEntry.file, [], { serviceName: 'Huduma kiosk heavy jobs', stdio: 'inherit' });
    return {
      get pid() {
        return child.pid;
      },
      send: (request) => child.postMessage(request),
      onReply: (listener) => child.on('message', (reply: HeavyJobReply) => listener(reply)),
      onGone: (listener) => child.once('exit', (code) => listener(`exited (code ${code})`)),
      keepAlive: () => undefined,
      kill: () => void child.kill(),
    };
  };
}
