import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const root = path.resolve(import.meta.dirname, '../..');

export interface HubProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** `hub/cli.ts serve` in its own process, as deployed: it reads and sends while the kiosk writes. */
export async function startHubProcess(databaseFile: string, moreArgs: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<HubProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'hub/cli.ts'), 'serve', '--port', '0', '--db', databaseFile, ...moreArgs], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the hub exited with ${code} before serving`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /at (http:\/\/[\w.:]+)/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
  });
  // A test runner that dies must not leave the hub serving.
  const orphanGuard = () => child.kill();
  process.once('exit', orphanGuard);
  return {
    url,
    pid: child.pid ?? 0,
    stop: () =>
      new Promise((resolve) => {
        process.off('exit', orphanGuard);
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
