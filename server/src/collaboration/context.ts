import type { CollabRefusalReason, DocumentRef, PresenceUser } from '@fellesplan/domain';
import type { SessionRef, SessionUser } from '../auth/sessions.js';
import type { SocketState } from './socketGuard.js';

/** What `onAuthenticate` establishes about a connection; every later hook can rely on it. */
export interface CollabContext {
  actor: SessionUser;
  document: DocumentRef;
  planId: string;
  /** How the person appears to others (carets, «Her nå»), from the session, never from the client. */
  presence: PresenceUser;
  /** The version of the section's write scope, or of the plan page's membership, it was decided at (SectionScopes). */
  scopeVersion?: number;
  /** The socket this connection shares with the tab's other documents (limits per socket). */
  socket?: SocketState;
  /** The session that authenticated the connection: logout and expiry close it. */
  session: SessionRef;
  /**
   * When `onAuthenticate` began reading the person (ms since epoch): a change of their rights
   * published at or after it may not be in `actor`, and the connection must authenticate again.
   */
  authenticatedAt: number;
}

/** Hocuspocus rejects a connection with the `reason` of what `onAuthenticate` throws. */
export class CollabRefusal extends Error {
  readonly reason: string;
  constructor(reason: CollabRefusalReason) {
    super(reason);
    this.reason = reason;
  }
}
