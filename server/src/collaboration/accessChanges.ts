import { ACCESS_REVOKED, SESSION_ENDED } from '@fellesplan/domain';
import type { Hocuspocus } from '@hocuspocus/server';
import type { Logger } from 'pino';
import type { AccessControl } from './AccessControl.js';
import type { SessionConnections } from './SessionConnections.js';
import { closeConnectionsWhere } from './closeSessionConnections.js';
import type { CollabContext } from './context.js';
import type { Cluster } from '../scaleOut/cluster.js';

/**
 * A change of rights that open connections must follow at once (OWASP ASVS 8.3.2). The command
 * that changes rights decides, in the database; this message only says where to look again.
 * Each instance re-decides its own connections from the database, so the same message can later
 * travel to every instance (Redis) without carrying any decision itself.
 */
export type AccessChange =
  /** Owners, required parties, lock or deletion of a section changed. */
  | { kind: 'section'; sectionId: string }
  /** A plan's parties changed, or it was archived: every connection to its documents. */
  | { kind: 'plan'; planId: string }
  /** A person was deactivated or moved to another party: their connections must re-authenticate. */
  | { kind: 'user'; userId: string; ended: boolean }
  /** A party was deactivated: its people's connections end. */
  | { kind: 'party'; partyId: string };

export interface AccessChanges {
  publish(change: AccessChange): Promise<void>;
}

/** Applies access changes to this instance's open connections. */
export class LocalAccessChanges implements AccessChanges {
  constructor(
    private readonly hocuspocus: Hocuspocus,
    private readonly access: AccessControl,
    private readonly logger: Logger,
    private readonly sessions: Pick<SessionConnections, 'userChanged'>,
  ) {}

  async publish(change: AccessChange): Promise<void> {
    switch (change.kind) {
      case 'section':
        await this.access.refreshSection(change.sectionId);
        return;
      case 'plan':
        await this.access.refreshPlan(change.planId);
        return;
      case 'user': {
        // The actor in a connection's context is a snapshot (party, role): it must be taken again,
        // also by a connection authenticating now, which joins its document after this closes the others.
        this.sessions.userChanged(change.userId);
        const closed = closeConnectionsWhere(
          this.hocuspocus,
          (context) => context.actor.userId === change.userId,
          change.ended ? SESSION_ENDED : ACCESS_REVOKED,
        );
        this.logger.info({ userId: change.userId, ended: change.ended, closed }, 'access changed for a person');
        return;
      }
      case 'party': {
        const closed = closeConnectionsWhere(
          this.hocuspocus,
          (context: CollabContext) => context.actor.partyId === change.partyId,
          SESSION_ENDED,
        );
        this.logger.info({ partyId: change.partyId, closed }, 'party deactivated: connections closed');
        return;
      }
    }
  }
}

/** Applies access changes here and tells the other instances, which apply them to theirs. */
export class ClusterAccessChanges implements AccessChanges {
  constructor(
    private readonly local: AccessChanges,
    private readonly peers: Pick<Cluster, 'broadcast'>,
  ) {}

  async publish(change: AccessChange): Promise<void> {
    await this.local.publish(change);
    await this.peers.broadcast({ type: 'access', change });
  }
}
