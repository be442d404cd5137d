import type { DocumentRef } from '@fellesplan/domain';
import type { SessionUser } from '../auth/sessions.js';

/** What `onAuthenticate` establishes about a connection; every later hook can rely on it. */
export interface CollabContext {
  actor: SessionUser;
  document: DocumentRef;
  planId: string;
}

/** Hocuspocus rejects a connection with the `reason` of what `onAuthenticate` throws. */
export class CollabRefusal extends Error {
  readonly reason: string;
  constructor(reason: 'invalid-document' | 'unauthenticated' | 'not-found' | 'forbidden') {
    super(reason);
    this.reason = reason;
  }
}
