import { SESSION_ENDED } from '@fellesplan/domain';
import type { Hocuspocus } from '@hocuspocus/server';
import type { CollabContext } from './context.js';

/**
 * Closes every open collaboration connection whose context matches (logout, expiry, and later
 * deactivation all come here). Each document connection is closed, then the sockets that carried
 * only matching connections, so the provider reconnects, re-authenticates and is refused.
 * Returns how many document connections were closed.
 */
export function closeSessionConnections(hocuspocus: Hocuspocus, matches: (context: CollabContext) => boolean): number {
  return closeConnectionsWhere(hocuspocus, matches, SESSION_ENDED);
}

/** Closes matching connections with the given close event (session ended, or access revoked). */
export function closeConnectionsWhere(
  hocuspocus: Hocuspocus,
  matches: (context: CollabContext) => boolean,
  event: { code: number; reason: string },
): number {
  const connections = [...hocuspocus.documents.values()].flatMap((document) => document.getConnections());
  const isMatch = (connection: (typeof connections)[number]) => {
    const context = connection.context as Partial<CollabContext>;
    return context.session !== undefined && matches(context as CollabContext);
  };
  const closing = connections.filter(isMatch);
  if (closing.length === 0) return 0;
  // A socket also carrying documents of another session stays open for those.
  const keepOpen = new Set(connections.filter((c) => !isMatch(c)).map((c) => c.socketId));
  const sockets = new Map(closing.map((c) => [c.socketId, c.webSocket]));
  for (const connection of closing) {
    // Writes stop before the close frame is even sent.
    connection.readOnly = true;
    connection.close(event);
  }
  for (const [socketId, webSocket] of sockets) {
    if (!keepOpen.has(socketId)) webSocket.close(event.code, event.reason);
  }
  return closing.length;
}
