import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './bench-row';
import { round } from './median';

/**
 * Renderer bundle sizes from `out/renderer` (built by `electron-vite build`): the main
 * script the attract screen waits for, gzipped, against its raw size; and everything the
 * first screen loads (scripts and styles), gzipped.
 */
export function runBundleBench(rendererDir: string): BenchRow[] {
  const html = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const mainScript = /<script[^>]+src="\.?\/?([^"]+)"/.exec(html)?.[1];
  if (!mainScript) throw new Error(`no script in ${rendererDir}/index.html`);
  const size = (file: string) => {
    const bytes = readFileSync(path.join(rendererDir, file));
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const main = size(mainScript);
  const assets = readdirSync(path.join(rendererDir, 'assets')).filter((name) => /\.(js|css)$/.test(name));
  const all = assets.map((name) => size(path.join('assets', name))).reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip }), { raw: 0, gzip: 0 });
  const kb = (bytes: number) => round(bytes / 1024, 1);
  return [
    { name: 'main renderer bundle, gzip', value: kb(main.gzip), unit: 'KiB', baseline: kb(main.raw), note: `baseline: the same file uncompressed (${path.basename(mainScript)})` },
    { name: `all renderer scripts and styles, gzip (${assets.length} files)`, value: kb(all.gzip), unit: 'KiB', baseline: kb(all.raw), note: 'baseline: uncompressed' },
  ];
}
