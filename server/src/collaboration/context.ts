import type { DocumentRef } from '@fellesplan/domain';
import type { SessionRef, SessionUser } from '../auth/sessions.js';

/** What `onAuthenticate` establishes about a connection; every later hook can rely on it. */
export interface CollabContext {
  actor: SessionUser;
  document: DocumentRef;
  planId: string;
  /** The session that authenticated the connection: logout and expiry close it. */
  session: SessionRef;
}

/** Hocuspocus rejects a connection with the `reason` of what `onAuthenticate` throws. */
export class CollabRefusal extends Error {
  readonly reason: string;
  constructor(reason: 'invalid-document' | 'unauthenticated' | 'not-found' | 'forbidden') {
    super(reason);
    this.reason = reason;
  }
}
