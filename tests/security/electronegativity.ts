import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import run from '@doyensec/electronegativity';

/**
 * `npm run test:security`: Doyensec's Electronegativity over the Electron shell and the
 * built renderer, scanned together so its global checks (CSP, navigation limits, permission
 * handlers) see the whole app. Fails on any finding of medium severity or above, on any
 * lower finding missing from the allow list, and on allow-list entries nothing matches.
 * A finding that only asks for a manual review may be silenced in the source with
 * Electronegativity's own `eng-disable` comment, and then only if the allow list's
 * `reviewed` section records the review.
 */

const root = path.resolve(import.meta.dirname, '../..');
const allowListFile = path.join(root, '.electronegativity/allow-list.json');
const ELECTRON_VERSION = '45.4.1';
const MEDIUM = 2;

interface Allowed {
  id: string;
  file: string;
  reason: string;
}
interface Finding {
  id: string;
  file: string;
  description: string;
  severity: { value: number; name: string };
  confidence: { name: string };
  location: { line: number; column: number };
}

const rendererDir = path.join(root, 'out/renderer');
if (!existsSync(path.join(rendererDir, 'index.html'))) {
  console.error('The renderer is not built: run `npx electron-vite build` first.');
  process.exit(2);
}

const stage = mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'));
let findings: Finding[];
try {
  cpSync(path.join(root, 'electron'), path.join(stage, 'electron'), { recursive: true });
  cpSync(rendererDir, path.join(stage, 'renderer'), { recursive: true });
  writeFileSync(path.join(stage, 'package.json'), JSON.stringify({ name: 'kiosk-scan', devDependencies: { electron: ELECTRON_VERSION } }));
  const result = await run({ input: stage, isRelative: true, electronVersionOverride: ELECTRON_VERSION });
  const unparsed = result.errors.filter((error: { tolerable: boolean }) => !error.tolerable);
  if (unparsed.length > 0) {
    console.error('Electronegativity could not parse:', unparsed);
    process.exit(1);
  }
  findings = result.issues as Finding[];
} finally {
  rmSync(stage, { recursive: true, force: true });
}

const { findings: allowList, reviewed } = JSON.parse(readFileSync(allowListFile, 'utf8')) as { findings: Allowed[]; reviewed: Allowed[] };
const disabled = inlineDisables(path.join(root, 'electron'));
const matches = (entry: Allowed, finding: Finding) => entry.id === finding.id && entry.file === finding.file;
const describe = (f: Finding) => `${f.severity.name} ${f.id} in ${f.file}:${f.location.line} (${f.confidence.name}): ${f.description}`;

const serious = findings.filter((f) => f.severity.value >= MEDIUM);
const unexplained = findings.filter((f) => f.severity.value < MEDIUM && !allowList.some((entry) => matches(entry, f)));
const stale = allowList.filter((entry) => !findings.some((f) => matches(entry, f)));
const unreasoned = [...allowList, ...reviewed].filter((entry) => entry.reason.trim().length < 20);
const unreviewed = disabled.filter((d) => !reviewed.some((entry) => entry.id === d.id && entry.file === d.file));
const staleReviews = reviewed.filter((entry) => !disabled.some((d) => entry.id === d.id && entry.file === d.file));

for (const f of findings) console.log(`${allowList.some((entry) => matches(entry, f)) && f.severity.value < MEDIUM ? 'allowed' : 'FINDING'}  ${describe(f)}`);
for (const f of serious) console.error(`Medium or higher, must be fixed (cannot be allowed): ${describe(f)}`);
for (const f of unexplained) console.error(`Not in ${path.relative(root, allowListFile)}; fix it or add it with a reason: ${describe(f)}`);
for (const entry of stale) console.error(`Allow-list entry matches nothing any more, remove it: ${entry.id} in ${entry.file}`);
for (const d of unreviewed) console.error(`eng-disable ${d.id} in ${d.file} has no review in the allow list's "reviewed" section`);
for (const entry of staleReviews) console.error(`Review entry matches no eng-disable comment any more, remove it: ${entry.id} in ${entry.file}`);
for (const entry of unreasoned) console.error(`Allow-list entry needs a real reason: ${entry.id} in ${entry.file}`);

if (serious.length + unexplained.length + stale.length + unreasoned.length + unreviewed.length + staleReviews.length > 0) process.exit(1);
console.log(
  `Electronegativity: no finding of medium or higher; ${findings.length} lower one(s) and ${disabled.length} reviewed prompt(s), each explained in the allow list.`,
);

/** Every `eng-disable CHECK_ID` comment in the shell's sources, by file relative to the repository. */
function inlineDisables(dir: string): { id: string; file: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.[cm]?[jt]s$/.test(entry.name))
    .flatMap((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const ids = [...readFileSync(file, 'utf8').matchAll(/eng-disable\s+([A-Z_ ]+)/g)].flatMap((m) => m[1]!.trim().split(/\s+/));
      return ids.map((id) => ({ id, file: path.relative(root, file) }));
    });
}
