import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditHeadSigner } from './headSigner.js';
import { keyFingerprint, loadSigningKey, SIGNING_KEY_FILE } from './signingKey.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fellesplan-key-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('decision log signing key', () => {
  it('[A3] is created on first start in DATA_DIR, readable by the owner only, and kept', () => {
    const dir = tempDir();
    const first = loadSigningKey(dir, undefined);
    expect(first.source).toBe('created');
    expect(statSync(path.join(dir, SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);
    const again = loadSigningKey(dir, undefined);
    expect(again.source).toBe('file');
    expect(keyFingerprint(again.publicKey)).toBe(keyFingerprint(first.publicKey));
  });

  it('[A3] can be given by the environment as PEM or base64 PKCS#8, and must be Ed25519', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const base64 = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    for (const text of [pem, base64]) {
      const key = loadSigningKey(tempDir(), text);
      expect(key.source).toBe('environment');
      expect(keyFingerprint(key.publicKey)).toBe(keyFingerprint(publicKey));
    }
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(() => loadSigningKey(tempDir(), rsa.toString())).toThrow(/Ed25519/);
  });

  it('[A3] a signature holds only for the exact plan, length and head it was made for', () => {
    const signer = new AuditHeadSigner(loadSigningKey(tempDir(), undefined));
    const other = new AuditHeadSigner(loadSigningKey(tempDir(), undefined));
    const head = { planId: 'p1', seq: 3, head: 'a'.repeat(64) };
    const signature = signer.sign(head);
    expect(signer.verify(head, signature)).toBe(true);
    expect(signer.verify({ ...head, seq: 2 }, signature)).toBe(false);
    expect(signer.verify({ ...head, head: 'b'.repeat(64) }, signature)).toBe(false);
    expect(signer.verify({ ...head, planId: 'p2' }, signature)).toBe(false);
    expect(other.verify(head, signature)).toBe(false);
    expect(signer.verify(head, 'not a signature')).toBe(false);
  });
});
