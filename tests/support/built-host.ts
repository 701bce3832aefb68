import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { rawRequest } from './raw-http';

const root = path.resolve(import.meta.dirname, '../..');
export const BUILT_HOST = path.join(root, 'out/host/cli.js');

/**
 * The production build the deploy guide runs: the host is built afresh (under a second), the
 * renderer only when missing (`npm test` builds everything before the tests run).
 */
export function buildHost(): void {
  if (!existsSync(path.join(root, 'out/renderer/index.html'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  else execFileSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '-c', 'electron.vite.host.config.ts'], { cwd: root, stdio: 'ignore' });
}

export interface BuiltHost {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  /** Resolves once the host says it is ready; rejects if it exits first. */
  ready: Promise<void>;
}

/**
 * `node out/host/cli.js` as systemd starts it: plain Node, no loader, the environment given
 * (nothing inherited from the test runner's NODE_OPTIONS). `nodeArgs` go before the script.
 */
export function startBuiltHost(args: string[], env: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []): BuiltHost {
  const child = spawn(process.execPath, [...nodeArgs, BUILT_HOST, '--port', '0', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let saidReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (saidReady = resolve));
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    if (out.includes('Kiosk ready')) saidReady();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  void exited.then(() => process.off('exit', orphanGuard));
  const failedFirst = exited.then((code) => Promise.reject(new Error(`the built host exited with ${code} before it was ready:\n${err}`)));
  return { child, stdout: () => out, stderr: () => err, exited, ready: Promise.race([ready, failedFirst]) };
}

/** The page's own request trading a launch token for the API secret, as Chromium sends it. */
export async function tradeLaunchToken(origin: string, token: string): Promise<{ status: number; secret?: string }> {
  const answer = await rawRequest(origin, {
    method: 'POST',
    target: '/api/launch',
    headers: { host: new URL(origin).host, origin, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  return { status: answer.status, secret: (JSON.parse(answer.body) as { value?: { secret?: string } }).value?.secret };
}

/** A contract call as the kiosk page makes it. */
export async function callHost(origin: string, secret: string, name: string, request: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  const answer = await rawRequest(origin, {
    method: 'POST',
    target: `/api/call/${name}`,
    headers: { host: new URL(origin).host, origin, 'sec-fetch-site': 'same-origin', 'x-kiosk-secret': secret, 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  return JSON.parse(answer.body) as { ok: boolean; value?: unknown; error?: { code: string } };
}

/** The launch page's address and token. */
export function launchTarget(html: string): { origin: string; token: string } {
  const url = /url=(http:\/\/127\.0\.0\.1:\d+\/#launch=([\w-]+))/.exec(html);
  if (!url?.[1] || !url[2]) throw new Error('the launch page holds no launch address');
  return { origin: new URL(url[1]).origin, token: url[2] };
}
