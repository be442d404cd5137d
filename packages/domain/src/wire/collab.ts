import { z } from 'zod';

/** The `Y.XmlFragment` of a section document that holds its body (DESIGN 6.3); nothing else is written. */
export const CONTENT_FIELD = 'content';

/** Stateless message: the server changed this connection's write scope (lock, unlock, owners). */
export const accessMessage = z.object({ type: z.literal('access'), readOnly: z.boolean() }).strict();
export type AccessMessage = z.infer<typeof accessMessage>;

/** Any stateless message the server sends; unknown ones are ignored by clients. */
export function parseServerMessage(payload: string): AccessMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  const parsed = accessMessage.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Why `onAuthenticate` refused a document (the provider's `authenticationFailed` reason). */
export const COLLAB_REFUSALS = [
  'invalid-document',
  'unauthenticated',
  'not-found',
  'forbidden',
  'too-many-documents',
] as const;
export type CollabRefusalReason = (typeof COLLAB_REFUSALS)[number];

/** Close of a document connection whose session ended (logout, expiry): the provider is refused on reconnect. */
export const SESSION_ENDED = { code: 4401, reason: 'session-ended' } as const;

/** Close of a document connection whose reader lost the right to read it (membership changed). */
export const ACCESS_REVOKED = { code: 4403, reason: 'forbidden' } as const;

/** Close of a document connection whose update was refused; the reason names why. */
export const UPDATE_REFUSED_CODE = 4422;
export function updateRefusedReason(verdict: string): string {
  return `update-refused:${verdict}`;
}
