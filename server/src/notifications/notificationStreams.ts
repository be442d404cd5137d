/**
 * Open notification streams (server-sent events) by session, so logout can end them at once,
 * as it ends the session's collaboration connections.
 */
export class NotificationStreams {
  private readonly bySession = new Map<string, Set<() => void>>();

  /** Registers a stream's close; returns the unregister. */
  add(sessionId: string, close: () => void): () => void {
    const set = this.bySession.get(sessionId) ?? new Set();
    set.add(close);
    this.bySession.set(sessionId, set);
    return () => {
      set.delete(close);
      if (set.size === 0) this.bySession.delete(sessionId);
    };
  }

  /** Logout: ends every stream the session opened. Returns how many. */
  closeSession(sessionId: string): number {
    const set = this.bySession.get(sessionId);
    if (!set) return 0;
    this.bySession.delete(sessionId);
    for (const close of [...set]) close();
    return set.size;
  }

  closeAll(): void {
    for (const sessionId of [...this.bySession.keys()]) this.closeSession(sessionId);
  }
}
