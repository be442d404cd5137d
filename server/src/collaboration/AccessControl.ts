import {
  ACCESS_REVOKED,
  connectionScope,
  planDocumentName,
  sectionDocumentName,
  type AccessMessage,
  type ConnectionScope,
} from '@fellesplan/domain';
import type { Connection, Hocuspocus } from '@hocuspocus/server';
import type { Logger } from 'pino';
import type { Db } from '../storage/database.js';
import { findPlan, findSection } from '../storage/repositories/plans.js';
import type { CollabContext } from './context.js';
import type { SectionScopes } from './sectionScopes.js';
import { SingleInstance, type Cluster } from '../scaleOut/cluster.js';

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
    /** The other instances (Redis), or none. */
    private readonly peers: Pick<Cluster, 'freezeElsewhere'> = new SingleInstance(),
    /** Brings the live copy of a section here up to everything stored (edits accepted elsewhere). */
    private readonly catchUp: (documentName: string) => Promise<void> = () => Promise.resolve(),
  ) {}

  /** Thaws owed to other instances, per section, one per freeze still held. */
  private readonly peerThaws = new Map<string, Array<() => Promise<void>>>();

  /**
   * Makes every open connection to the section read-only at once (before a lock commits), on
   * every instance, then waits for updates that were accepted before the freeze: when it
   * resolves, the text is final and this instance's copy of it holds all of it.
   */
  async freezeSection(sectionId: string): Promise<void> {
    await this.freezeHere(sectionId);
    const thaw = await this.peers.freezeElsewhere(sectionId);
    this.peerThaws.set(sectionId, [...(this.peerThaws.get(sectionId) ?? []), thaw]);
    await this.catchUp(sectionDocumentName(sectionId));
  }

  /** The freeze on this instance alone (asked for by another instance's command, or part of ours). */
  async freezeHere(sectionId: string): Promise<void> {
    this.scopes.freeze(sectionId);
    this.apply(sectionId, () => 'read');
    await this.settled(sectionDocumentName(sectionId));
  }

  /** Recomputes every open connection's scope from the database (after lock, unlock, owner change). */
  async refreshSection(sectionId: string): Promise<void> {
    const decided = await this.decider(sectionId);
    // A section another command still holds frozen stays read-only until that command is done.
    const frozen = this.scopes.isFrozen(sectionId);
    this.apply(sectionId, (context) => {
      const scope = decided(context);
      return frozen && scope === 'write' ? 'read' : scope;
    });
    this.scopes.changed(sectionId);
  }

  /**
   * Decides again every open connection to a plan's documents (its parties changed, or it was
   * archived): sections by their rules, the plan document by membership.
   */
  async refreshPlan(planId: string): Promise<void> {
    // A plan page connection still authenticating decided on the plan as it was: it decides again
    // when it joins (confirmScope from the `connected` hook).
    this.scopes.changed(planDocumentName(planId));
    const plan = await findPlan(this.db, planId);
    // A connection still authenticating to a section not loaded here decided on what it read
    // before the change: moving the version makes it decide again before its first write (L3).
    const sections = await this.db.selectFrom('sections').select('id').where('plan_id', '=', planId).execute();
    for (const { id } of sections) {
      if (!this.hocuspocus.documents.has(sectionDocumentName(id))) this.scopes.changed(id);
    }
    for (const document of [...this.hocuspocus.documents.values()]) {
      const connections = document.getConnections();
      const first = connections[0]?.context as CollabContext | undefined;
      if (!first || first.planId !== planId) continue;
      if (first.document.kind === 'section') {
        await this.refreshSection(first.document.id);
        continue;
      }
      for (const connection of connections) {
        const context = connection.context as CollabContext;
        if (connectionScope(context.actor, { kind: 'plan' }, plan) === 'refuse') {
          connection.readOnly = true;
          connection.close(ACCESS_REVOKED);
        }
      }
    }
  }

  /** Ends the freeze `freezeSection` began, and decides every connection's scope from the database. */
  async thawSection(sectionId: string): Promise<void> {
    await this.thawHere(sectionId);
    const thaws = this.peerThaws.get(sectionId) ?? [];
    const thaw = thaws.pop();
    if (thaws.length === 0) this.peerThaws.delete(sectionId);
    await thaw?.();
  }

  /** Ends one freeze on this instance alone. */
  async thawHere(sectionId: string): Promise<void> {
    this.scopes.thaw(sectionId);
    await this.refreshSection(sectionId);
  }

  /**
   * Decides a section connection's scope again if it was decided before the section's last scope
   * change (it may have joined the document after that change reached the open connections).
   */
  async confirmScope(connection: Connection<CollabContext>): Promise<void> {
    const context = connection.context;
    if (context.document.kind === 'plan') {
      const version = this.scopes.version(planDocumentName(context.document.id));
      if (context.scopeVersion === version) return;
      const plan = await findPlan(this.db, context.document.id);
      context.scopeVersion = version;
      if (connectionScope(context.actor, { kind: 'plan' }, plan) === 'refuse') {
        connection.readOnly = true;
        connection.close(ACCESS_REVOKED);
      }
      return;
    }
    const sectionId = context.document.id;
    if (this.scopes.isFrozen(sectionId)) {
      connection.readOnly = true;
      return;
    }
    if (context.scopeVersion === this.scopes.version(sectionId)) return;
    const version = this.scopes.version(sectionId);
    const scopeOf = await this.decider(sectionId);
    const scope = scopeOf(context);
    connection.readOnly = scope !== 'write';
    context.scopeVersion = version;
    if (scope === 'refuse') connection.close(ACCESS_REVOKED);
  }

  /** True while the connection's scope is the section's current one (checked right before a write). */
  scopeIsCurrent(connection: Connection<CollabContext>): boolean {
    const { document, scopeVersion } = connection.context;
    if (document.kind !== 'section') return true;
    return !this.scopes.isFrozen(document.id) && scopeVersion === this.scopes.version(document.id);
  }

  /** Tells a read-only connection that sent changes that they are refused (the client drops them). */
  tellReadOnly(connection: Connection<CollabContext>): void {
    const message: AccessMessage = { type: 'access', readOnly: true };
    connection.sendStateless(JSON.stringify(message));
  }

  /** The same decision `onAuthenticate` makes, from the database as it is now. */
  private async decider(sectionId: string): Promise<(context: CollabContext) => ConnectionScope> {
    const section = await findSection(this.db, sectionId);
    const plan = section ? await findPlan(this.db, section.planId) : null;
    return (context) => connectionScope(context.actor, { kind: 'section', section }, plan);
  }

  private apply(sectionId: string, scopeOf: (context: CollabContext) => ConnectionScope): void {
    const document = this.hocuspocus.documents.get(sectionDocumentName(sectionId));
    if (!document) return;
    for (const connection of document.getConnections()) {
      const scope = scopeOf(connection.context as CollabContext);
      const readOnly = scope !== 'write';
      if (scope === 'refuse') {
        // No longer allowed to read: the provider re-authenticates and is refused.
        connection.readOnly = true;
        connection.close(ACCESS_REVOKED);
        continue;
      }
      if (connection.readOnly === readOnly) continue;
      connection.readOnly = readOnly;
      const message: AccessMessage = { type: 'access', readOnly };
      connection.sendStateless(JSON.stringify(message));
      this.logger.debug({ sectionId, socketId: connection.socketId, readOnly }, 'connection scope changed');
    }
  }
}
