import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { LocalSettings } from '../../settings/local-settings';

export interface ReceiptSigningKey {
  readonly privateKey: KeyObject;
  /** SPKI PEM: what the back office and anyone verifying receipts needs. */
  readonly publicKeyPem: string;
}

const PRIVATE_KEY_SETTING = 'receipts.signing.privateKeyPem';

/** The kiosk's own Ed25519 key pair, made on first use and kept in its database (sealed, in production). */
export function kioskSigningKey(local: LocalSettings): ReceiptSigningKey {
  const pem = local.getOrCreateSecret(PRIVATE_KEY_SETTING, () =>
    generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  );
  const privateKey = createPrivateKey(pem);
  return { privateKey, publicKeyPem: createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString() };
}
