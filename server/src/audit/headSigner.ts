import { sign, verify } from 'node:crypto';
import { canonicalJson } from '@fellesplan/domain';
import { keyFingerprint, type SigningKey } from './signingKey.js';

/** What a head signature vouches for: this plan's log has `seq` events ending in `head`. */
export interface AuditHead {
  planId: string;
  seq: number;
  head: string;
}

function message(head: AuditHead): Buffer {
  return Buffer.from(canonicalJson({ purpose: 'fellesplan.audit-head', ...head }));
}

/** Signs and checks decision-log heads with the server's Ed25519 key. */
export class AuditHeadSigner {
  readonly fingerprint: string;
  /** Base64 SPKI DER, so anyone can check a signature outside the server. */
  readonly publicKey: string;

  constructor(private readonly key: SigningKey) {
    this.fingerprint = keyFingerprint(key.publicKey);
    this.publicKey = key.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  }

  sign(head: AuditHead): string {
    return sign(null, message(head), this.key.privateKey).toString('base64');
  }

  verify(head: AuditHead, signature: string): boolean {
    try {
      return verify(null, message(head), this.key.publicKey, Buffer.from(signature, 'base64'));
    } catch {
      return false; // A malformed signature in the database is simply not a valid one.
    }
  }
}
