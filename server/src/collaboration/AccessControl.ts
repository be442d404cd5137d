import { sectionDocumentName, sectionEditRefusal } from '@fellesplan/domain';
import type { Connection, Hocuspocus } from '@hocuspocus/server';
import type { Logger } from 'pino';
import type { Db } from '../storage/database.js';
import { findPlan, findSection } from '../storage/repositories/plans.js';
import type { CollabContext } from './context.js';
import type { SectionScopes } from './sectionScopes.js';

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
    private readonly scopes: SectionScopes,
  ) {}

  /**
   * Makes every open connection to the section read-only at once (before a lock commits), then
   * waits for updates that were accepted before the freeze: when it resolves, the text is final.
   */
  async freezeSection(sectionId: string): Promise<void> {
    this.scopes.freeze(sectionId);
    this.apply(sectionId, () => true);
    await this.settled(sectionDocumentName(sectionId));
  }

  /** Recomputes every open connection's scope from the database (after lock, unlock, owner change). */
  async refreshSection(sectionId: string): Promise<void> {
    const readOnlyFor = await this.decider(sectionId);
    this.apply(sectionId, readOnlyFor);
    this.scopes.changed(sectionId);
  }

  /**
   * Decides a section connection's scope again if it was decided before the section's last scope
   * change (it may have joined the document after that change reached the open connections).
   */
  async confirmScope(connection: Connection<CollabContext>): Promise<void> {
    const context = connection.context;
    if (context.document.kind !== 'section') return;
    const sectionId = context.document.id;
    if (this.scopes.isFrozen(sectionId)) {
      connection.readOnly = true;
      return;
    }
    if (context.scopeVersion === this.scopes.version(sectionId)) return;
    const version = this.scopes.version(sectionId);
    const readOnlyFor = await this.decider(sectionId);
    connection.readOnly = readOnlyFor(context);
    context.scopeVersion = version;
  }

  /** True while the connection's scope is the section's current one (checked right before a write). */
  scopeIsCurrent(connection: Connection<CollabContext>): boolean {
    const { document, scopeVersion } = connection.context;
    if (document.kind !== 'section') return true;
    return !this.scopes.isFrozen(document.id) && scopeVersion === this.scopes.version(document.id);
  }

  private async decider(sectionId: string): Promise<(context: CollabContext) => boolean> {
    const section = await findSection(this.db, sectionId);
    const plan = section ? await findPlan(this.db, section.planId) : null;
    return (context) => !section || !plan || sectionEditRefusal(context.actor, section, plan) !== null;
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
