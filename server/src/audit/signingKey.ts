import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SIGNING_KEY_FILE = 'audit-signing-key.pem';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Where the key came from, for the start-up log line. */
  source: 'environment' | 'file' | 'created';
}

/**
 * The server's Ed25519 key for signing decision-log heads: from `FELLESPLAN_SIGNING_KEY` (PEM or
 * base64 PKCS#8 DER) if set, else `<dataDir>/audit-signing-key.pem`, created on first start with
 * mode 0600. It never goes into the database, so whoever can rewrite the database cannot re-sign.
 */
export function loadSigningKey(dataDir: string, fromEnvironment: string | undefined): SigningKey {
  if (fromEnvironment && fromEnvironment.trim() !== '') {
    return withPublic(parsePrivateKey(fromEnvironment.trim(), 'FELLESPLAN_SIGNING_KEY'), 'environment');
  }
  const file = path.join(dataDir, SIGNING_KEY_FILE);
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const { privateKey } = generateKeyPairSync('ed25519');
    // 'wx' fails rather than overwrite a key another process wrote meanwhile.
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    return withPublic(privateKey, 'created');
  }
  return withPublic(parsePrivateKey(pem, file), 'file');
}

function parsePrivateKey(text: string, origin: string): KeyObject {
  const key = text.includes('-----BEGIN')
    ? createPrivateKey({ key: text, format: 'pem' })
    : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${origin} must be an Ed25519 private key`);
  return key;
}

function withPublic(privateKey: KeyObject, source: SigningKey['source']): SigningKey {
  return { privateKey, publicKey: createPublicKey(privateKey), source };
}

/** SHA-256 of the public key (SPKI DER), first 16 hex digits in groups of four: «AB12 CD34 EF56 7890». */
export function keyFingerprint(publicKey: KeyObject): string {
  const hex = createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .toUpperCase();
  return (hex.slice(0, 16).match(/.{4}/g) ?? []).join(' ');
}
