import {
  ACCESS_REVOKED,
  parseDocumentName,
  SECTION_LIMITS,
  SESSION_ENDED,
  UPDATE_REFUSED_CODE,
  updateRefusedReason,
} from '@fellesplan/domain';
import type {
  Connection,
  Document,
  Extension,
  afterUnloadDocumentPayload,
  beforeSyncPayload,
  onChangePayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import { sectionContentProblem, type ContentProblem } from '../content/sectionContentProblem.js';
import type { Db } from '../storage/database.js';
import { DocumentUpdateWriter, SectionLockedWrite, UnauthorizedWrite } from '../storage/documentUpdateWriter.js';
import { loadDocumentState } from '../storage/repositories/documents.js';
import type { EditAuthor } from '../storage/repositories/sectionEdits.js';
import type { CollabContext } from './context.js';

/** Whether a connection's socket has closed, or Hocuspocus has let go of it. */
function connectionClosed(connection: Connection<CollabContext>, document: Document): boolean {
  // WebSocket readyState: 2 closing, 3 closed.
  return connection.webSocket.readyState >= 2 || !document.hasConnection(connection);
}

/** y-protocols sync message types: step 1 carries a state vector, the others carry an update. */
const SYNC_STEP_1 = 0;

type Verdict = 'ok' | 'unchanged' | 'malformed' | 'incomplete' | ContentProblem;

/** Thrown from `beforeSync`: Hocuspocus closes the document connection with this code and reason. */
export class UpdateRefused extends Error {
  readonly code = UPDATE_REFUSED_CODE;
  readonly reason: string;
  constructor(verdict: Verdict | 'storage-failed') {
    super(`update refused: ${verdict}`);
    this.reason = updateRefusedReason(verdict);
  }
}

interface Mirror {
  doc: Y.Doc;
  detach(): void;
}

/**
 * Stores section bodies, and decides what enters them ([I2], [P1]). An update from a client is
 * checked on a mirror of the document before anything of it is applied or stored: it must
 * decode completely, touch only `content`, and leave it valid under the shared schema. An
 * accepted update is committed to disk first and applied right after, so Hocuspocus sends its
 * acknowledgement only for an update that is already stored. Plan documents are projections
 * and never stored.
 */
export class PersistenceExtension implements Extension {
  readonly extensionName = 'Persistence';
  private readonly writer: DocumentUpdateWriter;
  private readonly mirrors = new Map<string, Mirror>();
  private readonly inFlight = new Map<string, Set<Promise<void>>>();
  /** Origins of the updates this extension applied itself; they are stored already. */
  private readonly storedOrigins = new WeakSet<object>();

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    /** Write scope of a connection, kept current with locks and owner changes (AccessControl). */
    private readonly scope: {
      confirmScope(connection: Connection<CollabContext>): Promise<void>;
      scopeIsCurrent(connection: Connection<CollabContext>): boolean;
      /** The session behind the connection ended (it may have been attached after the logout). */
      sessionEnded(connection: Connection<CollabContext>): boolean;
      /** The person's rights changed since the connection authenticated (moved, demoted). */
      rightsChanged(connection: Connection<CollabContext>): boolean;
      /** Tells a read-only connection that what it sent is refused. */
      tellReadOnly(connection: Connection<CollabContext>): void;
    },
    /** Whether each client edit must be authorized again at commit (news from other instances may be missing). */
    authorizeAtCommit: () => boolean = () => false,
  ) {
    this.writer = new DocumentUpdateWriter(
      db,
      30_000,
      (error, attempt) => {
        if (attempt === 1) this.logger.warn({ err: error }, 'storage unreachable: edits wait for it');
      },
      authorizeAtCommit,
    );
  }

  async onLoadDocument({ documentName }: onLoadDocumentPayload): Promise<Uint8Array | undefined> {
    if (parseDocumentName(documentName)?.kind !== 'section') return undefined;
    return (await loadDocumentState(this.db, documentName)) ?? undefined;
  }

  async beforeSync({ type, payload, connection, document, documentName }: beforeSyncPayload<CollabContext>) {
    if (type === SYNC_STEP_1 || parseDocumentName(documentName)?.kind !== 'section') return;
    if (this.scope.sessionEnded(connection)) throw Object.assign(new Error('session ended'), SESSION_ENDED);
    if (this.scope.rightsChanged(connection)) throw Object.assign(new Error('rights changed'), ACCESS_REVOKED);
    let verdict: Verdict;
    for (;;) {
      // The scope may have been decided before a lock reached this connection: decide it again
      // until it is current. From the last check on, everything up to tracking the write runs in
      // one synchronous block, so a freeze either comes after (and waits for it) or is seen here.
      do {
        await this.scope.confirmScope(connection);
        if (connection.readOnly) {
          // Refused by Hocuspocus itself, after this hook. A client that sent changes may not know
          // it is read-only (its scope was decided when it connected, so no lock message reached
          // it): told, it drops them instead of showing text nobody else has ([L2]).
          if (changesDocument(document, payload)) this.scope.tellReadOnly(connection);
          return;
        }
      } while (!this.scope.scopeIsCurrent(connection));
      // The socket closed while this message waited (for a lock, say). Its client either sends the
      // change again when it reconnects, or dropped it on being told it may only read and started
      // over from the server's copy: stored now, text would appear that its writer saw vanish
      // ([L2], [P1]). Read-only, Hocuspocus does not apply it.
      if (connectionClosed(connection, document)) {
        connection.readOnly = true;
        return;
      }
      verdict = this.check(document, payload);
      // Nothing new to the mirror, but the mirror is ahead of the document by the writes still
      // being stored (the same update sent on another connection of the same copy, e.g. after a
      // reconnect): Hocuspocus would apply and acknowledge it now, before it is stored. Wait for
      // those writes and decide again (one may have failed; the mirror is then gone).
      if (verdict !== 'unchanged' || !this.inFlight.has(documentName)) break;
      await this.settled(documentName);
    }
    if (verdict === 'unchanged') return;
    if (verdict !== 'ok') {
      this.logger.warn(
        {
          documentName,
          socketId: connection.socketId,
          userId: connection.context.actor.userId,
          verdict,
          bytes: payload.byteLength,
        },
        'refused a collaboration update',
      );
      throw new UpdateRefused(verdict);
    }
    const origin = { source: 'connection' as const, connection };
    this.storedOrigins.add(origin);
    const write = this.writer
      .append(
        documentName,
        payload,
        authorOf(connection.context),
        () => {
          // Applied here, in the same turn as the commit, so nothing stored is ever left unapplied
          // (a lock freezing the connection meanwhile would otherwise make Hocuspocus drop it).
          if (!document.isDestroyed) Y.applyUpdate(document, payload, origin);
        },
        true,
        connection.context.session.id,
      )
      .catch((error: unknown) => {
        // The mirror holds an update the document never got: dropped before anyone waiting for
        // this write (see above) decides again.
        this.dropMirror(documentName);
        throw error;
      });
    this.track(documentName, write);
    try {
      await write;
    } catch (error) {
      if (error instanceof SectionLockedWrite) {
        // Locked on another instance a moment ago: the client reconnects, learns it may only read,
        // and drops the edit, as it does when a lock reaches it here.
        this.logger.info(
          { documentName, socketId: connection.socketId, userId: connection.context.actor.userId },
          'refused an edit of a locked section',
        );
        throw Object.assign(new Error('section locked'), ACCESS_REVOKED);
      }
      if (error instanceof UnauthorizedWrite) {
        // Rights changed through another instance whose news did not arrive (Redis down): the
        // client authenticates again and gets what it may do now, or nothing.
        this.logger.info(
          { documentName, socketId: connection.socketId, userId: connection.context.actor.userId },
          'refused an edit its writer may no longer make',
        );
        throw Object.assign(new Error('may no longer write'), ACCESS_REVOKED);
      }
      this.logger.error({ err: error, documentName }, 'failed to store a collaboration update');
      // The client keeps the edit as unsynced and sends it again when it reconnects.
      throw new UpdateRefused('storage-failed');
    }
  }

  /**
   * Changes made on the server (not through `beforeSync`) are stored as they happen. Changes
   * relayed from another instance (Redis) were stored there, before they were applied.
   */
  onChange({ documentName, update, transactionOrigin }: onChangePayload): Promise<void> {
    if (parseDocumentName(documentName)?.kind !== 'section') return Promise.resolve();
    if (typeof transactionOrigin === 'object' && transactionOrigin && this.storedOrigins.has(transactionOrigin)) {
      return Promise.resolve();
    }
    if (isRelayed(transactionOrigin)) return Promise.resolve();
    const write = this.writer
      .append(documentName, update, serverEditAuthor(transactionOrigin))
      .catch((error: unknown) => {
        this.logger.error({ err: error, documentName }, 'failed to store document update');
      });
    this.track(documentName, write);
    return write;
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    if (parseDocumentName(documentName)?.kind !== 'section') return;
    await this.writer
      .compact(documentName, () => Y.encodeStateAsUpdate(document))
      .catch((error: unknown) => this.logger.error({ err: error, documentName }, 'failed to compact document'));
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.dropMirror(documentName);
  }

  /**
   * Brings this instance's live copy of a section up to everything stored (another instance's
   * edits may still be on their way through Redis): a command that froze the section reads the
   * text it decides on from here.
   */
  async catchUp(documentName: string, document: Document | undefined): Promise<void> {
    if (!document || document.isDestroyed) return;
    const state = await loadDocumentState(this.db, documentName);
    if (!state || document.isDestroyed) return;
    const origin = { source: 'storage' as const };
    this.storedOrigins.add(origin);
    Y.applyUpdate(document, state, origin);
  }

  /** Resolves once every update of the document that passed the check so far is stored and applied. */
  async settled(documentName: string): Promise<void> {
    await Promise.allSettled([...(this.inFlight.get(documentName) ?? [])]);
  }

  /** Resolves once every write queued so far has finished, and ends the writer's thread; on shutdown. */
  async flushed(): Promise<void> {
    await this.writer.close();
  }

  private check(document: Document, update: Uint8Array): Verdict {
    if (update.byteLength > SECTION_LIMITS.maxUpdateBytes) return 'too-large';
    try {
      Y.decodeUpdate(update);
    } catch {
      return 'malformed';
    }
    const mirror = this.mirrorOf(document);
    let changed = false;
    const onUpdate = () => (changed = true);
    mirror.doc.on('update', onUpdate);
    try {
      Y.applyUpdate(mirror.doc, update);
      // Structs waiting for ones the server never received: a cut or forged update.
      if (mirror.doc.store.pendingStructs || mirror.doc.store.pendingDs) {
        this.dropMirror(document.name);
        return 'incomplete';
      }
      if (!changed) return 'unchanged';
      const problem = sectionContentProblem(mirror.doc);
      if (problem) this.dropMirror(document.name);
      return problem ?? 'ok';
    } catch {
      // Whatever made a reader throw here would make every reader throw: refused, and the
      // mirror, which holds it now, is dropped.
      this.dropMirror(document.name);
      return 'invalid-content';
    } finally {
      mirror.doc.off('update', onUpdate);
    }
  }

  /** A copy of the document that follows every change of it; a refused update poisons it, so it is dropped. */
  private mirrorOf(document: Document): Mirror {
    const existing = this.mirrors.get(document.name);
    if (existing) return existing;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(document));
    const follow = (update: Uint8Array) => Y.applyUpdate(doc, update);
    document.on('update', follow);
    const mirror = {
      doc,
      detach: () => {
        document.off('update', follow);
        doc.destroy();
      },
    };
    this.mirrors.set(document.name, mirror);
    return mirror;
  }

  private dropMirror(documentName: string): void {
    this.mirrors.get(documentName)?.detach();
    this.mirrors.delete(documentName);
  }

  private track(documentName: string, write: Promise<void>): void {
    let set = this.inFlight.get(documentName);
    if (!set) this.inFlight.set(documentName, (set = new Set()));
    const entry = write.catch(() => undefined);
    set.add(entry);
    void entry.finally(() => {
      set.delete(entry);
      if (set.size === 0 && this.inFlight.get(documentName) === set) this.inFlight.delete(documentName);
    });
  }
}

/**
 * An update that is stored already and came from elsewhere: relayed by another instance through
 * Redis (Hocuspocus's Redis extension names it so), or read back from storage (a catch-up).
 */
export function isRelayed(origin: unknown): boolean {
  if (typeof origin !== 'object' || origin === null) return false;
  const source = (origin as { source?: unknown }).source;
  return source === 'redis' || source === 'storage';
}

function authorOf(context: CollabContext): EditAuthor {
  return { userId: context.actor.userId, partyId: context.actor.partyId };
}

/**
 * A change the server makes on someone's behalf (restoring a version) names them in its
 * transaction origin; any other server-side change is nobody's.
 */
export interface ServerEditOrigin {
  source: 'server-edit';
  author: EditAuthor;
}

function serverEditAuthor(origin: unknown): EditAuthor | null {
  const o = origin as Partial<ServerEditOrigin> | null;
  return typeof o === 'object' && o !== null && o.source === 'server-edit' && o.author ? o.author : null;
}

/** Whether an update holds anything the document does not (a read-only client's own edits). */
function changesDocument(document: Document, update: Uint8Array): boolean {
  try {
    return !Y.snapshotContainsUpdate(Y.snapshot(document), update);
  } catch {
    return true;
  }
}
