import type { Db } from '../db/open';
import type { SecretSeal } from '../secrets/secret-seal';

/** The purpose a production kiosk's seal for its own secrets is derived for (see SecretSeal). */
export const LOCAL_SECRETS_PURPOSE = 'local secrets';

/**
 * Small key/value facts the kiosk keeps about itself (its id, its salts) in its own database.
 * Secrets among them (the receipt-signing key, the identifier-hashing key) are sealed when the
 * kiosk has a seal (production), so not even a copy of the decrypted database shows them.
 */
export class LocalSettings {
  private readonly getStmt;
  private readonly setStmt;

  constructor(
    db: Db,
    private readonly seal?: SecretSeal,
  ) {
    this.getStmt = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
    this.setStmt = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  }

  get(key: string): string | undefined {
    return this.getStmt.get(key)?.value;
  }

  /** Writes only a change: the sync loops set the same facts every round, and each write is a commit. */
  set(key: string, value: string): void {
    if (this.get(key) === value) return;
    this.setStmt.run(key, value);
  }

  /** Returns the stored value, creating it once with `make` if absent. */
  getOrCreate(key: string, make: () => string): string {
    const existing = this.get(key);
    if (existing !== undefined) return existing;
    const value = make();
    this.set(key, value);
    return value;
  }

  /** A secret given to the kiosk (its centre's badge key): kept sealed when the kiosk has a seal. */
  setSecret(key: string, value: string): void {
    // Sealing twice gives two texts (a fresh nonce each time): compare what they hold.
    if (this.seal && this.openedOrUndefined(key) === value) return;
    this.set(key, this.seal ? this.seal.seal(value) : value);
  }

  private openedOrUndefined(key: string): string | undefined {
    try {
      return this.getSecret(key);
    } catch {
      return undefined;
    }
  }

  getSecret(key: string): string | undefined {
    const stored = this.get(key);
    return stored === undefined || !this.seal ? stored : this.seal.open(stored);
  }

  /** As getOrCreate, for a secret: kept sealed when the kiosk has a seal. */
  getOrCreateSecret(key: string, make: () => string): string {
    const stored = this.getOrCreate(key, () => (this.seal ? this.seal.seal(make()) : make()));
    return this.seal ? this.seal.open(stored) : stored;
  }
}
