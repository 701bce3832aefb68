import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import { openSqliteFile } from '@shared/node/sqlite/open-sqlite';
import { listBackups } from '../core/backup/backup-files';
import { newDatabaseKey, readKeyFile, writeKeyFile, type DatabaseKey } from '../core/secrets/database-key';
import { rekeyBackups, rekeyDatabase } from '../core/secrets/rekey';
import { readSealedSecrets, writeSealedSecrets } from '../core/secrets/sealed-secrets';
import { SecretSeal } from '../core/secrets/secret-seal';
import { LOCAL_SECRETS_PURPOSE } from '../core/settings/local-settings';

export interface RotationReport {
  /** Database, replica and backup files re-sealed in this run. */
  files: string[];
}

/** The sealed secrets file under the new key (left as it is if a run before got that far). */
function resealSecretsFile(dataDir: string, oldKey: DatabaseKey, newKey: DatabaseKey): void {
  try {
    readSealedSecrets(dataDir, newKey);
  } catch {
    writeSealedSecrets(dataDir, newKey, readSealedSecrets(dataDir, oldKey));
  }
}

/** The database's own sealed rows (the receipt-signing key), in one transaction per file. */
function resealLocalSecrets(file: string, oldKey: DatabaseKey, newKey: DatabaseKey): void {
  const [oldSeal, newSeal] = [new SecretSeal(oldKey, LOCAL_SECRETS_PURPOSE), new SecretSeal(newKey, LOCAL_SECRETS_PURPOSE)];
  const db = openSqliteFile(file, { key: newKey, fileMustExist: true });
  try {
    const rows = db.prepare<[], { key: string; value: string }>("SELECT key, value FROM settings WHERE value LIKE 'sealed:%'").all();
    const update = db.prepare('UPDATE settings SET value = ? WHERE key = ?');
    db.transaction(() => {
      for (const { key, value } of rows) {
        const opensWithNew = (() => {
          try {
            newSeal.open(value);
            return true;
          } catch {
            return false;
          }
        })();
        if (!opensWithNew) update.run(newSeal.seal(oldSeal.open(value)), key);
      }
    })();
  } finally {
    db.close();
  }
}

/**
 * Rotates a production kiosk's database key, the kiosk stopped: a new key is written beside
 * the old one (`<keyFile>.next`), every file and secret is re-sealed with it, and only then
 * does it replace the old key. Each step leaves what it touches whole under one key or the
 * other and skips what already has the new one, so a rotation cut short (a crash, a power
 * cut) completes when it is run again.
 */
export function rotateDatabaseKey(options: { dataDir: string; databaseFile: string; keyFile: string }): RotationReport {
  const nextFile = `${options.keyFile}.next`;
  const oldKey = readKeyFile(options.keyFile);
  if (!existsSync(nextFile)) writeKeyFile(nextFile, newDatabaseKey());
  const newKey = readKeyFile(nextFile);
  const backupsDir = path.join(options.dataDir, 'backups');
  const files = [...rekeyDatabase(options.databaseFile, oldKey, newKey), ...(existsSync(backupsDir) ? rekeyBackups(backupsDir, oldKey, newKey) : [])];
  for (const file of [options.databaseFile, ...(existsSync(backupsDir) ? listBackups(backupsDir) : [])]) resealLocalSecrets(file, oldKey, newKey);
  resealSecretsFile(options.dataDir, oldKey, newKey);
  renameSync(nextFile, options.keyFile);
  return { files };
}
