import { MAX_AWARENESS_STATE_BYTES, planViewingSchema } from '@fellesplan/domain';
import type {
  Connection,
  Extension,
  beforeHandleAwarenessPayload,
  beforeHandleMessagePayload,
  afterUnloadDocumentPayload,
} from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import type { Logger } from 'pino';
import type { CollabContext } from './context.js';
import { isRelayed } from './PersistenceExtension.js';

/**
 * Ties awareness (carets, «Her nå») to the person behind the connection ([PR1]). A connection
 * speaks for one awareness client id — the first it announces that no other connection holds —
 * and its `user` (name, party, colour) is set from the session, so nobody can appear as someone
 * else, overwrite another person's presence, or relay large states to everyone.
 */
export class PresenceExtension implements Extension {
  readonly extensionName = 'Presence';
  /** Which connection, and so which person, speaks for an awareness client id, per document. */
  private readonly holders = new Map<string, Map<number, Holder>>();
  private readonly clientOf = new WeakMap<Connection, number>();
  /**
   * Client ids whose presence another instance relays (Redis), per document: held there, by
   * someone connected there, for as long as their state is here.
   */
  private readonly remote = new Map<string, Set<number>>();
  /** Client ids and state sizes of the awareness message a connection is about to apply. */
  private readonly announced = new WeakMap<Connection, Map<number, number>>();

  constructor(private readonly logger: Logger) {}

  /**
   * Hocuspocus decodes an awareness message into a scratch awareness whose own empty state
   * shows up among the states handed to `beforeHandleAwareness`; reading the message here
   * tells which client ids it really announces, and how large each state is.
   */
  async beforeHandleMessage({ connection, update }: beforeHandleMessagePayload): Promise<void> {
    this.announced.set(connection, announcedStates(update) ?? new Map());
  }

  async beforeHandleAwareness({
    states,
    connection,
    documentName,
    document,
    transactionOrigin,
  }: beforeHandleAwarenessPayload<CollabContext>): Promise<void> {
    if (!connection) {
      // Presence another instance checked and relays: its ids are not free for anyone here.
      if (isRelayed(transactionOrigin)) this.noteRemote(documentName, states);
      return; // otherwise the server's own awareness changes
    }
    const context = connection.context;
    let holders = this.holders.get(documentName);
    if (!holders) this.holders.set(documentName, (holders = new Map()));
    const announced = this.announced.get(connection) ?? new Map<number, number>();
    this.announced.delete(connection);
    for (const [clientId, state] of states) {
      const size = announced.get(clientId);
      if (size === undefined) {
        states.delete(clientId);
        continue;
      }
      const heldElsewhere =
        this.remote.get(documentName)?.has(clientId) === true && document.awareness.getStates().has(clientId);
      const own = !heldElsewhere && this.claim(holders, connection, clientId);
      // Only an object can carry the session's `user`: an array, a string or a number would be
      // relayed without anyone's name (or make the checks below throw and drop the connection).
      const object = typeof state === 'object' && state !== null && !Array.isArray(state);
      if (!own || size > MAX_AWARENESS_STATE_BYTES || !object) {
        states.delete(clientId);
        const reason = !own ? 'not-own' : !object ? 'not-an-object' : 'too-large';
        this.logger.warn(
          { documentName, userId: context.actor.userId, clientId, size, reason },
          'dropped an awareness state',
        );
        continue;
      }
      // Where someone is in the plan is shown to everyone: only the agreed shape is relayed.
      if ('viewing' in state && !planViewingSchema.safeParse(state.viewing).success) {
        this.logger.warn({ documentName, userId: context.actor.userId, clientId }, 'dropped a malformed viewing field');
        delete state.viewing;
      }
      state.user = { ...context.presence };
    }
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.holders.delete(documentName);
    this.remote.delete(documentName);
  }

  private noteRemote(documentName: string, states: Map<number, unknown>): void {
    let remote = this.remote.get(documentName);
    if (!remote) this.remote.set(documentName, (remote = new Set()));
    const holders = this.holders.get(documentName);
    for (const [clientId, state] of states) {
      // An id a connection here speaks for is that person's, whatever another instance relays.
      const holder = holders?.get(clientId);
      if (holder && isOpen(holder.connection)) {
        states.delete(clientId);
        this.logger.warn({ documentName, clientId }, 'dropped relayed presence for an id held here');
        continue;
      }
      if (state === null || state === undefined) remote.delete(clientId);
      else remote.add(clientId);
    }
  }

  /**
   * An id belongs to the person who first used it in this document, for as long as the server
   * has the document: their own reconnect takes it back, nobody else's connection can.
   */
  private claim(holders: Map<number, Holder>, connection: Connection<CollabContext>, clientId: number): boolean {
    const mine = this.clientOf.get(connection);
    if (mine !== undefined) return mine === clientId;
    const holder = holders.get(clientId);
    const userId = connection.context.actor.userId;
    if (holder && holder.connection !== connection && (isOpen(holder.connection) || holder.userId !== userId)) {
      return false;
    }
    holders.set(clientId, { connection, userId });
    this.clientOf.set(connection, clientId);
    return true;
  }
}

function isOpen(connection: Connection): boolean {
  return connection.document.hasConnection(connection);
}

interface Holder {
  connection: Connection;
  userId: string;
}

const AWARENESS_MESSAGE = 1;

/** Client id → state size (bytes of JSON) of an awareness message; null for any other message. */
function announcedStates(message: Uint8Array): Map<number, number> | null {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== AWARENESS_MESSAGE) return null;
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const states = new Map<number, number>();
    for (let count = decoding.readVarUint(update); count > 0; count--) {
      const clientId = decoding.readVarUint(update);
      decoding.readVarUint(update);
      // An id named twice is measured by its largest state: the scratch awareness keeps the newer one.
      const size = Buffer.byteLength(decoding.readVarString(update));
      states.set(clientId, Math.max(size, states.get(clientId) ?? 0));
    }
    return states;
  } catch {
    return null; // Hocuspocus refuses the malformed message itself.
  }
}
