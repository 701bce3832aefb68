import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';

/**
 * Where a worker thread's (or the heavy-jobs process's) entry is, and how to start it. The entry sits beside the module
 * that starts it: `<entry>.ts` under tsx and vitest; `<entry>.js` beside the main bundle
 * (out/main/) under electron-vite, each entry being one of its inputs (electron.vite.config.ts)
 * and the starting module bundled into index.js. Built from a variable so no bundler rewrites it.
 *
 * A TypeScript entry needs a loader: tsx passes its own to workers and forks through execArgv
 * (they inherit it); vitest runs tests without one, so the entry gets tsx's (which also reads the
 * @shared path from tsconfig.json).
 */
export function workerScript(callerUrl: string, entry: string): { file: string; options: Pick<WorkerOptions, 'execArgv'> } {
  const caller = fileURLToPath(callerUrl);
  const file = path.join(path.dirname(caller), `${entry}${path.extname(caller)}`);
  const needsLoader = file.endsWith('.ts') && !process.execArgv.some((arg) => arg.includes('tsx'));
  return { file, options: needsLoader ? { execArgv: [...process.execArgv, '--import', 'tsx'] } : {} };
}
