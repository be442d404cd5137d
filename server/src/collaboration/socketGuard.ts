import type { Duplex } from 'node:stream';
import type { WebSocketLike } from '@hocuspocus/server';
import type { Logger } from 'pino';
import type WebSocket from 'ws';

/** What one collaboration socket, and one address, may hold on this server ([RS1]–[RS4]). */
export interface SocketLimits {
  /** Bytes a socket may send before any document on it has authenticated. */
  maxBytesBeforeAuth: number;
  /** How long a socket may stay open without authenticating a document. */
  authTimeoutMs: number;
  /** Open sockets per client address, and how many of them may wait to authenticate (the oldest gives way). */
  maxSocketsPerAddress: number;
  maxUnauthenticatedPerAddress: number;
  /** Document connections on one socket, and to one document on one socket. */
  maxDocumentsPerSocket: number;
  maxConnectionsPerDocument: number;
  /** Unsent bytes at which a socket is closed at once (it is not reading). */
  maxBufferedBytes: number;
  /** A backlog over this that lasts longer than the grace period also closes the socket. */
  backlogBytes: number;
  backlogGraceMs: number;
}

export const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  maxBytesBeforeAuth: 64 * 1024,
  authTimeoutMs: 10_000,
  // A kommune's office may put many people behind one address; the unauthenticated cap is what
  // stops a flood from there.
  maxSocketsPerAddress: 500,
  maxUnauthenticatedPerAddress: 20,
  // A plan page opens the plan and its sections (lazily); 100 leaves room for large plans.
  maxDocumentsPerSocket: 100,
  // A provider reopening a document briefly overlaps its old connection.
  maxConnectionsPerDocument: 3,
  maxBufferedBytes: 64 * 1024 * 1024,
  backlogBytes: 8 * 1024 * 1024,
  backlogGraceMs: 15_000,
};

/** Per-socket bookkeeping, shared by every document connection on the socket (Hocuspocus context). */
export class SocketState {
  authenticated = false;
  readonly documents = new Map<string, number>();
  private onAuthenticated: (() => void) | undefined;

  constructor(readonly address: string) {}

  whenAuthenticated(callback: () => void): void {
    this.onAuthenticated = callback;
  }

  markAuthenticated(): void {
    if (this.authenticated) return;
    this.authenticated = true;
    this.onAuthenticated?.();
    this.onAuthenticated = undefined;
  }

  get documentCount(): number {
    let total = 0;
    for (const count of this.documents.values()) total += count;
    return total;
  }
}

/**
 * Keeps one client from holding the server's memory: limits before authentication (bytes,
 * time, sockets per address), documents per socket, and slow readers.
 */
export class SocketGuard {
  /** Open sockets per address, and those not yet authenticated, oldest first. */
  private readonly addresses = new Map<string, { open: number; waiting: Duplex[] }>();

  constructor(
    readonly limits: SocketLimits,
    private readonly logger: Logger,
  ) {}

  /** Accepts a new socket from `address`, or returns why not. */
  admit(address: string): 'too-many-sockets' | null {
    const counts = this.addresses.get(address) ?? { open: 0, waiting: [] };
    if (counts.open >= this.limits.maxSocketsPerAddress) return 'too-many-sockets';
    counts.open += 1;
    this.addresses.set(address, counts);
    return null;
  }

  /**
   * Watches the raw socket until a document authenticates: counts every byte it sends (ws
   * would otherwise buffer a frame of up to its size limit first) and closes it at the deadline.
   */
  watch(socket: Duplex, state: SocketState, head: Buffer): void {
    let received = head.byteLength;
    const onData = (chunk: Buffer) => {
      received += chunk.byteLength;
      if (received <= this.limits.maxBytesBeforeAuth) return;
      this.logger.warn(
        { address: state.address, received },
        'closed a socket that sent too much before authenticating',
      );
      socket.destroy();
    };
    const deadline = setTimeout(() => {
      this.logger.info({ address: state.address }, 'closed a socket that did not authenticate in time');
      socket.destroy();
    }, this.limits.authTimeoutMs);
    deadline.unref();
    socket.on('data', onData);
    // Past the cap, the oldest socket still waiting to authenticate makes room: idle anonymous
    // sockets cannot lock out a colleague behind the same address, who authenticates at once.
    const waiting = this.addresses.get(state.address)?.waiting;
    waiting?.push(socket);
    if (waiting && waiting.length > this.limits.maxUnauthenticatedPerAddress) {
      this.logger.info({ address: state.address }, 'closed the oldest unauthenticated socket of an address');
      waiting.shift()?.destroy();
    }
    const leaveWaiting = () => {
      const list = this.addresses.get(state.address)?.waiting;
      const at = list?.indexOf(socket) ?? -1;
      if (list && at >= 0) list.splice(at, 1);
    };
    state.whenAuthenticated(() => {
      clearTimeout(deadline);
      socket.off('data', onData);
      leaveWaiting();
    });
    socket.once('close', () => {
      clearTimeout(deadline);
      leaveWaiting();
      this.release(state);
    });
  }

  /**
   * The socket as Hocuspocus sees it. A reader that stopped reading is closed: at once when its
   * unsent data passes the hard limit, or when a backlog over the soft limit has not drained for
   * a while. One large message (a big plan's first sync) passes; a backlog that stays does not.
   */
  guardSend(ws: WebSocket, state: SocketState): WebSocketLike {
    const { maxBufferedBytes, backlogBytes, backlogGraceMs } = this.limits;
    const logger = this.logger;
    let backlogSince: number | null = null;
    return {
      get readyState() {
        return ws.readyState;
      },
      send(data) {
        const buffered = ws.bufferedAmount;
        const stuck = backlogSince !== null && buffered > backlogBytes && Date.now() - backlogSince > backlogGraceMs;
        if (buffered > maxBufferedBytes || stuck) {
          logger.warn({ address: state.address, buffered }, 'closed a socket that stopped reading');
          ws.terminate();
          return;
        }
        backlogSince = buffered > backlogBytes ? (backlogSince ?? Date.now()) : null;
        ws.send(data as Buffer);
      },
      close(code, reason) {
        ws.close(code, reason);
      },
    };
  }

  /** Counts a document connection on the socket, or returns why it may not open. */
  openDocument(state: SocketState, documentName: string): 'too-many-documents' | null {
    const current = state.documents.get(documentName) ?? 0;
    if (current >= this.limits.maxConnectionsPerDocument || state.documentCount >= this.limits.maxDocumentsPerSocket) {
      this.logger.warn({ address: state.address, documentName }, 'refused a document connection over the socket limit');
      return 'too-many-documents';
    }
    state.documents.set(documentName, current + 1);
    state.markAuthenticated();
    return null;
  }

  closeDocument(state: SocketState, documentName: string): void {
    const current = state.documents.get(documentName) ?? 0;
    if (current <= 1) state.documents.delete(documentName);
    else state.documents.set(documentName, current - 1);
  }

  private release(state: SocketState): void {
    const counts = this.addresses.get(state.address);
    if (!counts) return;
    counts.open -= 1;
    if (counts.open <= 0) this.addresses.delete(state.address);
  }
}
