import { sectionDocumentName, sectionEditRefusal } from '@fellesplan/domain';
import type { Hocuspocus } from '@hocuspocus/server';
import type { Logger } from 'pino';
import type { Db } from '../storage/database.js';
import { findPlan, findSection } from '../storage/repositories/plans.js';
import type { CollabContext } from './context.js';

/** Stateless message telling a client its connection's scope changed. */
export interface AccessMessage {
  type: 'access';
  readOnly: boolean;
}

/**
 * Re-decides write access of connections that are already open (Hocuspocus fixes `readOnly`
 * at connect time). Hocuspocus checks `connection.readOnly` for every incoming update, so a
 * flip takes effect for the very next message; the client is told so it stops its editor.
 */
export class AccessControl {
  constructor(
    private readonly db: Db,
    private readonly hocuspocus: Hocuspocus,
    private readonly logger: Logger,
    /** Resolves once every update of a document that was accepted so far is stored and applied. */
    private readonly settled: (documentName: string) => Promise<void>,
  ) {}

  /**
   * Makes every open connection to the section read-only at once (before a lock commits), then
   * waits for updates that were accepted before the freeze: when it resolves, the text is final.
   */
  async freezeSection(sectionId: string): Promise<void> {
    this.apply(sectionId, () => true);
    await this.settled(sectionDocumentName(sectionId));
  }

  /** Recomputes every open connection's scope from the database (after lock, unlock, owner change). */
  async refreshSection(sectionId: string): Promise<void> {
    const section = await findSection(this.db, sectionId);
    const plan = section ? await findPlan(this.db, section.planId) : null;
    this.apply(sectionId, (context) => !section || !plan || sectionEditRefusal(context.actor, section, plan) !== null);
  }

  private apply(sectionId: string, readOnlyFor: (context: CollabContext) => boolean): void {
    const document = this.hocuspocus.documents.get(sectionDocumentName(sectionId));
    if (!document) return;
    for (const connection of document.getConnections()) {
      const readOnly = readOnlyFor(connection.context as CollabContext);
      if (connection.readOnly === readOnly) continue;
      connection.readOnly = readOnly;
      const message: AccessMessage = { type: 'access', readOnly };
      connection.sendStateless(JSON.stringify(message));
      this.logger.debug({ sectionId, socketId: connection.socketId, readOnly }, 'connection scope changed');
    }
  }
}
