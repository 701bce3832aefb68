import type { DatabaseKey } from '../core/secrets/database-key';
import { readSealedSecrets, writeSealedSecrets } from '../core/secrets/sealed-secrets';
import { isSecretSetting, SECRET_SETTINGS } from '../core/secrets/secret-settings';

export const SET_SECRET_SWITCH = '--set-secret';

/**
 * `huduma-kiosk --set-secret <name>` with the value on standard input: the Electron shell's
 * way to seal a secret, since only it can reach the key safeStorage keeps. Returns what to
 * say; throws on a wrong name or an empty value.
 */
export function setSecretFromCommandLine(argv: readonly string[], value: string, userData: string, key: () => DatabaseKey): string {
  const name = argv[argv.indexOf(SET_SECRET_SWITCH) + 1] ?? '';
  if (!isSecretSetting(name)) throw new Error(`${SET_SECRET_SWITCH} needs the name of a secret, one of: ${SECRET_SETTINGS.join(', ')}`);
  const secret = value.replace(/\r?\n$/, '');
  if (secret === '') throw new Error(`no value for ${name} on standard input`);
  const databaseKey = key();
  writeSealedSecrets(userData, databaseKey, { ...readSealedSecrets(userData, databaseKey), [name]: secret });
  return `Sealed ${name}. Restart the kiosk for it to take effect.`;
}
