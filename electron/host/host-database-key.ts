import path from 'node:path';
import { z } from 'zod';
import { credentialKey, DatabaseKeyError, isInside, readKeyFile, type DatabaseKey } from '../core/secrets/database-key';

/** The browser host's own setting beside the kiosk's: where its database key is kept. */
const hostKeySettingsSchema = z.object({ databaseKeyFile: z.string().min(1).optional() });

/** Where the settings say the key file is, if they do (an absolute path, outside the data folder). */
export function configuredKeyFile(storedSettings: unknown): string | undefined {
  const parsed = hostKeySettingsSchema.safeParse(storedSettings ?? {});
  return parsed.success ? parsed.data.databaseKeyFile : undefined;
}

/**
 * The browser host's keeper of the database key: the credential systemd hands the service
 * (`LoadCredential=kiosk-database-key:…`), else the key file named by `databaseKeyFile`,
 * which must lie outside the data folder: a key beside the database would protect nothing.
 */
export function hostDatabaseKey(storedSettings: unknown, dataDir: string, env: NodeJS.ProcessEnv = process.env): () => DatabaseKey {
  return () => {
    const fromCredential = credentialKey(env);
    if (fromCredential) return fromCredential;
    const file = configuredKeyFile(storedSettings);
    if (!file) throw new DatabaseKeyError('databaseKeyFile is missing: the path of the database key file, outside the data folder (or hand the service the kiosk-database-key credential)');
    if (!path.isAbsolute(file)) throw new DatabaseKeyError(`databaseKeyFile ${file} must be an absolute path`);
    if (isInside(file, dataDir)) throw new DatabaseKeyError(`databaseKeyFile ${file} is inside the data folder ${dataDir}: keep the key elsewhere, or it protects nothing`);
    return readKeyFile(file);
  };
}
