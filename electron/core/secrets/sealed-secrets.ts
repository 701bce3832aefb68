import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { OWNER_ONLY_FILE } from '@shared/node/owner-only';
import type { DatabaseKey } from './database-key';
import { SecretSeal } from './secret-seal';
import { SECRET_SETTINGS, type SecretValues } from './secret-settings';

/** Beside the database in the data folder: useless without the key, which lives elsewhere. */
export const SECRETS_FILE_NAME = 'secrets.sealed';
const PURPOSE = 'secret settings';

const secretValuesSchema = z.partialRecord(z.enum(SECRET_SETTINGS), z.string().min(1));

export const secretsFile = (dataDir: string) => path.join(dataDir, SECRETS_FILE_NAME);

/** The sealed secrets in `dataDir`, opened with `key`; none when the file does not exist. */
export function readSealedSecrets(dataDir: string, key: DatabaseKey): SecretValues {
  const file = secretsFile(dataDir);
  if (!existsSync(file)) return {};
  const plain = new SecretSeal(key, PURPOSE).open(readFileSync(file, 'utf8').trim());
  return secretValuesSchema.parse(JSON.parse(plain));
}

/** Replaces the sealed secrets, atomically: a crash leaves the old file or the new one, whole. */
export function writeSealedSecrets(dataDir: string, key: DatabaseKey, secrets: SecretValues): void {
  const file = secretsFile(dataDir);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  writeFileSync(partial, `${new SecretSeal(key, PURPOSE).seal(JSON.stringify(secretValuesSchema.parse(secrets)))}\n`, { mode: OWNER_ONLY_FILE, flag: 'wx', flush: true });
  renameSync(partial, file);
}
