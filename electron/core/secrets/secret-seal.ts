import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { DatabaseKey } from './database-key';

const ALGORITHM = 'aes-256-gcm';
const PREFIX = 'sealed:v1:';

/**
 * AES-256-GCM under a key derived from the database key, one derived key per purpose, so
 * a secret sealed for one use never opens as another. A sealed value is text: it fits a
 * settings row or a JSON file. Tampering or the wrong key makes `open` throw.
 */
export class SecretSeal {
  private readonly key: Buffer;

  constructor(databaseKey: DatabaseKey, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', databaseKey, Buffer.alloc(0), `huduma-kiosk ${purpose}`, 32));
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv(ALGORITHM, this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  open(sealed: string): string {
    if (!SecretSeal.isSealed(sealed)) throw new Error('not a sealed value');
    const bytes = Buffer.from(sealed.slice(PREFIX.length), 'base64');
    const decipher = createDecipheriv(ALGORITHM, this.key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  }

  static isSealed(value: string): boolean {
    return value.startsWith(PREFIX);
  }
}
