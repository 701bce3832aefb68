import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { DatabaseKeyError, newDatabaseKey, parseDatabaseKey, type DatabaseKey } from '../core/secrets/database-key';
import { OWNER_ONLY_FILE } from '@shared/node/owner-only';

/** The key as the OS's keychain sealed it (DPAPI, Keychain, libsecret): useless copied to another account or machine. */
export const SEALED_KEY_FILE_NAME = 'database-key.safestorage';

type KeyStorage = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>;

/**
 * The Electron shell's keeper of the database key, kept only in the form Electron's
 * safeStorage sealed it, so the key itself is never on disk. It is made by the first
 * `--set-secret` (`create`), since a production kiosk's first secrets are sealed with it before
 * it ever starts; a start only reads it, so a refused start writes nothing. Refuses when the OS
 * offers no keychain (safeStorage would fall back to a fixed password).
 */
export function safeStorageDatabaseKey(userData: string, storage: KeyStorage, options: { create: boolean }): () => DatabaseKey {
  return () => {
    if (!storage.isEncryptionAvailable()) {
      throw new DatabaseKeyError("the operating system's keychain is not available to this user (Electron safeStorage), so the database key cannot be kept safe");
    }
    const file = path.join(userData, SEALED_KEY_FILE_NAME);
    if (existsSync(file)) return parseDatabaseKey(storage.decryptString(readFileSync(file)), 'the sealed database key');
    if (!options.create) throw new DatabaseKeyError('this kiosk has no database key yet: seal its secrets first with --set-secret <name>, which makes the key');
    const key = newDatabaseKey();
    writeFileSync(file, storage.encryptString(key.toString('hex')), { mode: OWNER_ONLY_FILE, flag: 'wx', flush: true });
    return key;
  };
}
