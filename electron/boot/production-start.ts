import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { isPlaintextSqliteFile } from '@shared/node/sqlite/plaintext';
import { kioskSettingsSections, type KioskMode, type KioskSettings } from '../core/settings/kiosk-settings';
import { productionSettingProblems } from '../core/settings/production-rules';
import { replicaFiles } from '../core/db/replica-files';
import type { DatabaseKey } from '../core/secrets/database-key';
import { readSealedSecrets } from '../core/secrets/sealed-secrets';
import { plainSecretsIn, withSecrets } from '../core/secrets/secret-settings';

/** A start refused before anything was written, with every reason, each naming its setting. */
export class StartRefused extends Error {
  constructor(
    readonly mode: KioskMode,
    readonly problems: string[],
  ) {
    super(`This kiosk will not start in ${mode} mode:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'StartRefused';
  }
}

export interface ProductionStart {
  /** The stored settings with the sealed secrets in their places. */
  settings: unknown;
  key: DatabaseKey;
}

/** How a database file is stored: a demo's is plain SQLite, a production kiosk's encrypted. Empty files are neither. */
function databaseStorage(file: string): 'none' | 'plain' | 'encrypted' {
  if (!existsSync(file) || statSync(file).size === 0) return 'none';
  return isPlaintextSqliteFile(file) ? 'plain' : 'encrypted';
}

/**
 * A database remembers the mode that made it by how it is stored: a demo database is plain
 * SQLite, a production one is encrypted. Neither is ever opened in the other mode, so demo
 * people never reach a real counter and a real kiosk's data never opens without its key.
 */
export function databaseModeProblems(mode: KioskMode, databaseFile: string): string[] {
  const wrong = mode === 'production' ? 'plain' : 'encrypted';
  return [databaseFile, ...replicaFiles(databaseFile)]
    .filter((file) => databaseStorage(file) === wrong)
    .map((file) =>
      mode === 'production'
        ? `${file} is a demo database (not encrypted): a demo database is never promoted to production; start from an empty data folder`
        : `${file} is a production kiosk's database (encrypted): it does not open in demo mode`,
    );
}

/** Each settings section parsed on its own, so that one invalid section hides no problem of another. */
function settingsProblems(settings: unknown): string[] {
  const input = (typeof settings === 'object' && settings !== null ? settings : {}) as Record<string, unknown>;
  const problems: string[] = [];
  const sections: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(kioskSettingsSections.shape)) {
    const parsed = schema.safeParse(input[name]);
    if (parsed.success) sections[name] = parsed.data;
    else problems.push(...parsed.error.issues.map((issue) => (issue.message.includes(`${name}.`) ? issue.message : `${[name, ...issue.path].join('.')}: ${issue.message}`)));
  }
  return [...problems, ...productionSettingProblems(sections as Partial<KioskSettings>)];
}

export function modeOf(stored: unknown): KioskMode {
  return typeof stored === 'object' && stored !== null && (stored as { mode?: unknown }).mode === 'production' ? 'production' : 'demo';
}

/**
 * Everything a production start needs, checked before anything is written: the key, the
 * sealed secrets, settings that name real providers and no simulator, and a database that
 * is not a demo's. Throws StartRefused naming every problem at once.
 */
export function checkProductionStart(options: {
  storedSettings: unknown;
  dataDir: string;
  databaseFile: string;
  withDemoHub: boolean;
  databaseKey: (() => DatabaseKey) | undefined;
}): ProductionStart {
  const problems: string[] = [];
  if (options.withDemoHub) problems.push('--with-hub starts the demo back office, which is not allowed in production: name the real one in sync.hubUrl');
  for (const setting of plainSecretsIn(options.storedSettings)) {
    problems.push(`${setting} is written in the settings file in plain text, which is not allowed in production: seal it with \`npm run secrets -- set ${setting}\` and remove it from the file`);
  }
  let key: DatabaseKey | undefined;
  try {
    key = options.databaseKey?.();
    if (!key) problems.push('the database key is missing: a production kiosk encrypts its data (set databaseKeyFile, or hand the service the kiosk-database-key credential)');
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  let secrets = {};
  if (key) {
    try {
      secrets = readSealedSecrets(options.dataDir, key);
    } catch {
      problems.push(`${path.join(options.dataDir, 'secrets.sealed')} does not open with this database key`);
    }
  }
  const settings = withSecrets(options.storedSettings, secrets);
  problems.push(...settingsProblems(settings));
  problems.push(...databaseModeProblems('production', options.databaseFile));
  if (problems.length > 0 || !key) throw new StartRefused('production', problems);
  return { settings, key };
}
