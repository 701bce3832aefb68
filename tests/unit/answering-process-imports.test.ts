import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Static imports and re-exports (not `import type`, not `await import()`): what loads with a module. */
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[\s\S]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

function resolveLocal(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith('@shared/') ? path.join(root, 'shared', specifier.slice('@shared/'.length)) : path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts'), base].find((file) => existsSync(file) && file.endsWith('.ts'));
}

/** Every package a module loads with it, following the project's own files from `entry`. */
function packagesLoadedWith(entry: string): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [path.join(root, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      if (specifier!.startsWith('.') || specifier!.startsWith('@shared/')) {
        const local = resolveLocal(file, specifier!);
        if (!local) throw new Error(`${path.relative(root, file)}: cannot resolve ${specifier}`);
        queue.push(local);
      } else if (!specifier!.startsWith('node:')) {
        packages.set(specifier!, path.relative(root, file));
      }
    }
  }
  return packages;
}

describe('the process that answers the screen', () => {
  // PDF and spreadsheet laying-out is heavy work (issue 15): a receipt's first PDF stalled the thread 57 ms
  // on loading pdfkit's fonts, and the two libraries weigh some 15 MiB on its heap, which every full
  // collection there marks. They belong to the heavy-jobs process, loaded by `await import()`.
  it.each(['electron/host/cli.ts', 'electron/main/index.ts'])('never loads pdfkit or exceljs with %s', (entry) => {
    const packages = packagesLoadedWith(entry);
    // The walk reaches the core: it sees what the shell and the core load.
    expect(packages.has('better-sqlite3-multiple-ciphers')).toBe(true);
    for (const heavy of ['pdfkit', 'exceljs']) expect(packages.get(heavy), `${heavy}, imported by`).toBeUndefined();
  });
});
