import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { credentialKey, newDatabaseKey, writeKeyFile, type DatabaseKey } from '../core/secrets/database-key';
import { readSealedSecrets, secretsFile, writeSealedSecrets } from '../core/secrets/sealed-secrets';
import { isSecretSetting, SECRET_SETTINGS } from '../core/secrets/secret-settings';
import { configuredKeyFile, hostDatabaseKey } from './host-database-key';
import { loadHostSettings } from './host-settings';
import { rotateDatabaseKey } from './rotate-database-key';

const usage = `Usage (the kiosk's data folder is ~/.config/huduma-kiosk unless --data-dir says otherwise):
  npm run secrets -- set <name> [--data-dir <dir>]   seal a secret; its value is read from standard input
  npm run secrets -- list [--data-dir <dir>]         the names of the sealed secrets (never their values)
  npm run secrets -- rotate-key [--data-dir <dir>] [--database <file>]
                                                     with the kiosk stopped: a new database key; the database,
                                                     its replica, backups and secrets re-sealed with it

Secrets: ${SECRET_SETTINGS.join(', ')}.
The database key comes from $CREDENTIALS_DIRECTORY/kiosk-database-key (systemd) or the file the
settings name in databaseKeyFile; \`set\` creates that file (mode 600) the first time.`;

const [command, ...rest] = process.argv.slice(2);
const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { 'data-dir': { type: 'string' }, database: { type: 'string' } } });

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

const { settings, dataDir } = loadHostSettings(values['data-dir']);

/** The key, made on the first `set` when the settings name a key file that does not exist yet. */
function databaseKey(createIfMissing: boolean): DatabaseKey {
  const keyFile = configuredKeyFile(settings);
  if (createIfMissing && !credentialKey() && keyFile && !existsSync(keyFile)) {
    writeKeyFile(keyFile, newDatabaseKey());
    console.log(`Made a new database key in ${keyFile} (mode 600). Keep a copy somewhere safe: without it nothing this kiosk keeps can be read.`);
  }
  return hostDatabaseKey(settings, dataDir)();
}

try {
  switch (command) {
    case 'set': {
      const name = positionals[0];
      if (!name || !isSecretSetting(name)) fail(`set needs the name of a secret, one of: ${SECRET_SETTINGS.join(', ')}`);
      const value = readFileSync(0, 'utf8').replace(/\r?\n$/, '');
      if (value === '') fail(`no value for ${name} on standard input`);
      const key = databaseKey(true);
      writeSealedSecrets(dataDir, key, { ...readSealedSecrets(dataDir, key), [name]: value });
      console.log(`Sealed ${name} in ${secretsFile(dataDir)}. Restart the kiosk for it to take effect.`);
      break;
    }
    case 'list': {
      const names = Object.keys(readSealedSecrets(dataDir, databaseKey(false)));
      console.log(names.length > 0 ? names.join('\n') : 'No secrets sealed yet.');
      break;
    }
    case 'rotate-key': {
      const keyFile = configuredKeyFile(settings);
      if (!keyFile) fail('rotate-key needs databaseKeyFile in the settings: the key file it replaces (for systemd, the file LoadCredential reads)');
      databaseKey(false);
      const databaseFile = path.resolve(values.database ?? path.join(dataDir, 'kiosk.sqlite'));
      const { files } = rotateDatabaseKey({ dataDir, databaseFile, keyFile });
      console.log(`Re-sealed ${files.length} files and the secrets with a new key, now in ${keyFile}. Keep a copy of it somewhere safe.`);
      break;
    }
    default:
      fail(command ? `Unknown command "${command}"` : 'A command is needed');
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
