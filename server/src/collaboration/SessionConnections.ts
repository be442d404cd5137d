import type { Hocuspocus } from '@hocuspocus/server';
import type { Logger } from 'pino';
import type { Db } from '../storage/database.js';
import { closeSessionConnections } from './closeSessionConnections.js';
import type { CollabContext } from './context.js';

// Bounded IN lists: SQLite and PostgreSQL both cap the number of bound parameters.
const LOOKUP_CHUNK = 500;
const ENDED_MEMORY_MS = 60 * 60 * 1000;

/**
 * Ends open collaboration connections when their session ends ([S3]): at once on logout (or a
 * person's deactivation), and by a periodic sweep for sessions that expired or were removed
 * elsewhere (another instance, the database).
 */
export class SessionConnections {
  private timer: NodeJS.Timeout | undefined;
  /** A one-shot sweep at the next expiry among open connections, when it comes before the next sweep. */
  private expiryTimer: NodeJS.Timeout | undefined;
  private intervalMs = 0;
  /**
   * Sessions ended here, with when: a connection whose authentication was under way at logout is
   * attached after the logout closed the others, and must still find its session ended.
   */
  private readonly ended = new Map<string, number>();
  /**
   * People whose rights changed here (moved to another party, demoted), with when: a connection
   * whose authentication read them before the change and joined its document after the change
   * closed the others must still be sent to authenticate again.
   */
  private readonly changedUsers = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly hocuspocus: Hocuspocus,
    private readonly logger: Logger,
  ) {}

  start(intervalMs: number): void {
    this.stop();
    this.intervalMs = intervalMs;
    this.timer = setInterval(() => this.sweepLogged(), intervalMs);
    // The sweep must never keep the process alive on its own.
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    clearTimeout(this.expiryTimer);
    this.timer = undefined;
    this.expiryTimer = undefined;
    this.intervalMs = 0;
  }

  private sweepLogged(): void {
    this.sweep().catch((error: unknown) => this.logger.error({ err: error }, 'session sweep failed'));
  }

  /** Told when a session ends here, so other instances close its connections too (Redis). */
  announceEnded: (sessionId: string) => void = () => undefined;

  /** Logout: closes the connections this session opened, here and on every other instance. */
  closeSession(sessionId: string): number {
    this.announceEnded(sessionId);
    return this.closeSessionHere(sessionId);
  }

  /** Closes the connections this session opened on this instance. */
  closeSessionHere(sessionId: string): number {
    this.ended.set(sessionId, Date.now());
    return this.close((context) => context.session.id === sessionId, { sessionId: sessionId.slice(0, 8) });
  }

  /** Deactivation: closes every connection of the person, whatever the session. */
  closeUser(userId: string): number {
    return this.close((context) => context.actor.userId === userId, { userId });
  }

  /** Remembers that the person's rights changed now (before their open connections are closed). */
  userChanged(userId: string): void {
    this.changedUsers.set(userId, Date.now());
  }

  /** Whether the person's rights changed since the connection's authentication began reading them. */
  hasChanged(context: CollabContext): boolean {
    const changedAt = this.changedUsers.get(context.actor.userId);
    return changedAt !== undefined && changedAt >= context.authenticatedAt;
  }

  /** Whether the connection's session ended (logout here, or expiry) since it authenticated. */
  hasEnded(context: CollabContext, now = new Date()): boolean {
    return this.ended.has(context.session.id) || context.session.expiresAt <= now.toISOString();
  }

  /** Closes connections whose session has expired or no longer exists. */
  async sweep(now = new Date()): Promise<number> {
    // An authentication under way takes moments; an hour is ample before forgetting a logout.
    for (const [id, at] of this.ended) if (now.getTime() - at > ENDED_MEMORY_MS) this.ended.delete(id);
    for (const [id, at] of this.changedUsers) if (now.getTime() - at > ENDED_MEMORY_MS) this.changedUsers.delete(id);
    const open = new Set<string>();
    for (const document of this.hocuspocus.documents.values()) {
      for (const connection of document.getConnections()) {
        const session = (connection.context as Partial<CollabContext>).session;
        if (session) open.add(session.id);
      }
    }
    if (open.size === 0) return 0;
    const nowIso = now.toISOString();
    const live = new Set<string>();
    const ids = [...open];
    for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
      const rows = await this.db
        .selectFrom('sessions')
        .select('token_hash')
        .where('token_hash', 'in', ids.slice(i, i + LOOKUP_CHUNK))
        .where('expires_at', '>', nowIso)
        .execute();
      for (const row of rows) live.add(row.token_hash);
    }
    const closed = this.close((context) => context.session.expiresAt <= nowIso || !live.has(context.session.id), {
      sweep: true,
    });
    this.scheduleNextExpiry(now);
    return closed;
  }

  /** So a socket stops at its session's expiry, not up to one sweep interval later. */
  private scheduleNextExpiry(now: Date): void {
    clearTimeout(this.expiryTimer);
    this.expiryTimer = undefined;
    if (this.intervalMs === 0) return;
    let next: string | undefined;
    for (const document of this.hocuspocus.documents.values()) {
      for (const connection of document.getConnections()) {
        const expiresAt = (connection.context as Partial<CollabContext>).session?.expiresAt;
        if (expiresAt && (!next || expiresAt < next)) next = expiresAt;
      }
    }
    const delay = next ? Date.parse(next) - now.getTime() : Infinity;
    if (delay >= this.intervalMs) return;
    this.expiryTimer = setTimeout(() => this.sweepLogged(), Math.max(delay, 0));
    this.expiryTimer.unref();
  }

  private close(matches: (context: CollabContext) => boolean, details: Record<string, unknown>): number {
    const closed = closeSessionConnections(this.hocuspocus, matches);
    if (closed > 0) this.logger.info({ ...details, closed }, 'closed connections of an ended session');
    return closed;
  }
}
