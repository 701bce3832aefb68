import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run hub -- --db <file> admin …` as an operator runs it, `stdin` piped in; never throws on a refusal: its exit code is the outcome. */
export function hubAdmin(db: string, args: string[], stdin = ''): Promise<CliOutcome> {
  const child = run(process.execPath, ['--import', 'tsx', path.join(root, 'hub/cli.ts'), '--db', db, 'admin', ...args], { cwd: root });
  child.child.stdin?.end(stdin);
  return child.then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: CliOutcome) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}
