/**
 * How many notification streams one person may hold open on an instance. A browser opens one
 * per tab (and HTTP/1.1 allows six connections to a host), so this leaves room for several
 * devices; beyond it the person's oldest stream ends (its tab reconnects when it is used again),
 * so a script opening streams in a loop holds sockets and timers only up to this many.
 */
export const MAX_STREAMS_PER_USER = 12;

interface Stream {
  sessionId: string;
  userId: string;
  close: () => void;
}

/**
 * Open notification streams (server-sent events) by session, so logout, sign-out everywhere and
 * deactivation can end them at once, as they end the session's collaboration connections.
 */
export class NotificationStreams {
  private readonly bySession = new Map<string, Set<Stream>>();
  /** Each person's streams, oldest first. */
  private readonly byUser = new Map<string, Stream[]>();

  constructor(private readonly maxPerUser = MAX_STREAMS_PER_USER) {}

  /** Registers a stream's close; returns the unregister. Ends the person's oldest stream beyond the cap. */
  add(sessionId: string, userId: string, close: () => void): () => void {
    const stream: Stream = { sessionId, userId, close };
    const set = this.bySession.get(sessionId) ?? new Set();
    set.add(stream);
    this.bySession.set(sessionId, set);
    const own = this.byUser.get(userId) ?? [];
    own.push(stream);
    this.byUser.set(userId, own);
    for (let oldest = own[0]; own.length > this.maxPerUser && oldest; oldest = own[0]) {
      this.remove(oldest);
      oldest.close();
    }
    return () => this.remove(stream);
  }

  /** How many streams are open (all, or the person's). */
  count(userId?: string): number {
    if (userId !== undefined) return this.byUser.get(userId)?.length ?? 0;
    let total = 0;
    for (const own of this.byUser.values()) total += own.length;
    return total;
  }

  /** Logout: ends every stream the session opened. Returns how many. */
  closeSession(sessionId: string): number {
    const set = this.bySession.get(sessionId);
    if (!set) return 0;
    const streams = [...set];
    for (const stream of streams) {
      this.remove(stream);
      stream.close();
    }
    return streams.length;
  }

  closeAll(): void {
    for (const sessionId of [...this.bySession.keys()]) this.closeSession(sessionId);
  }

  private remove(stream: Stream): void {
    const set = this.bySession.get(stream.sessionId);
    if (set?.delete(stream) && set.size === 0) this.bySession.delete(stream.sessionId);
    const own = this.byUser.get(stream.userId);
    const at = own?.indexOf(stream) ?? -1;
    if (!own || at === -1) return;
    own.splice(at, 1);
    if (own.length === 0) this.byUser.delete(stream.userId);
  }
}
