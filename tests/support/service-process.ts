import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const root = path.resolve(import.meta.dirname, '../..');

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** A simulator's CLI in its own process (it outlives the kiosk under test); its first stdout line is its URL. */
export async function startServiceProcess(script: string, args: string[] = []): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before serving`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(line.trim()));
  });
  const orphanGuard = () => child.kill();
  process.once('exit', orphanGuard);
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        process.off('exit', orphanGuard);
        if (child.exitCode !== null) return resolve();
        // A service that has not closed within 10 s (a slow machine, a connection held open) is killed: a test's end never hangs on it.
        const stubborn = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(stubborn);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
