import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { ACCESS_REVOKED, SESSION_ENDED } from '@fellesplan/domain';
import proxyAddr from '@fastify/proxy-addr';
import { Hocuspocus, type Connection, type WebSocketLike, type connectedPayload } from '@hocuspocus/server';
import type { Logger } from 'pino';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { AccessControl } from './collaboration/AccessControl.js';
import { ClusterAccessChanges, LocalAccessChanges, type AccessChanges } from './collaboration/accessChanges.js';
import { AuthenticationExtension } from './collaboration/AuthenticationExtension.js';
import type { CollabContext } from './collaboration/context.js';
import { SectionScopes } from './collaboration/sectionScopes.js';
import { SessionConnections } from './collaboration/SessionConnections.js';
import { PersistenceExtension } from './collaboration/PersistenceExtension.js';
import { PresenceExtension } from './collaboration/PresenceExtension.js';
import { ProjectionExtension, type ProjectionViews } from './collaboration/ProjectionExtension.js';
import { SocketGuard, SocketState, DEFAULT_SOCKET_LIMITS, type SocketLimits } from './collaboration/socketGuard.js';
import { SocketLimitsExtension } from './collaboration/SocketLimitsExtension.js';
import { StaleMarkersExtension } from './collaboration/StaleMarkersExtension.js';
import { YJS_PATH_PREFIX, YWebsocketBridge, yWebsocketDocumentName } from './collaboration/yWebsocket.js';
import { refuseForeignHostUpgrade } from './http/allowedHosts.js';
import { proxyTrust, type TrustProxy } from './http/trustProxy.js';
import type { Db } from './storage/database.js';
import { findSection } from './storage/repositories/plans.js';
import type { Cluster } from './scaleOut/cluster.js';
import type { SectionRedis } from './scaleOut/SectionRedis.js';
import { MAX_DEBOUNCE_FACTOR } from './config.js';

export const COLLAB_PATH = '/collab';
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

export interface Collaboration {
  hocuspocus: Hocuspocus;
  /** Re-decides write access of open connections (locks, unlocks, owner changes). */
  access: AccessControl;
  /** Versions of each section's write scope; a connection decided at an older one decides again. */
  scopes: SectionScopes;
  /** Ends open connections when their session ends. */
  sessions: SessionConnections;
  /** Where a command says whose rights changed; open connections follow at once, on every instance. */
  accessChanges: AccessChanges;
  /** The same, on this instance only (a change another instance announced). */
  localAccessChanges: AccessChanges;
  persistence: PersistenceExtension;
  projection: ProjectionExtension;
  /** Logs text changes that made markers stale (A5). */
  staleMarkers: StaleMarkersExtension;
  /** Routes WebSocket upgrades on `/collab` and `/yjs/<documentName>` of the given HTTP server to Hocuspocus. */
  attach(server: HttpServer): void;
  close(): Promise<void>;
}

/** The one place Hocuspocus is assembled; extensions run in this order. */
export function createCollaboration(options: {
  db: Db;
  logger: Logger;
  storeDebounceMs: number;
  /** Host names the upgrade must name (DNS rebinding defence), as for HTTP requests. */
  allowedHosts: readonly string[];
  /** Whom to believe about X-Forwarded-For, as for HTTP requests (limits count the real client). */
  trustProxy: TrustProxy;
  /** How plan projections are built, and re-derived after edits. */
  projectionViews: ProjectionViews;
  /** Checks whether a person's edits to a section made markers stale, and logs it (A5). */
  checkStaleMarkers: (sectionId: string, editor: { userId: string; partyId: string }) => Promise<void>;
  socketLimits?: Partial<SocketLimits>;
  /** The other instances; a single instance has none. */
  cluster: Cluster;
  /** What shares section documents through Redis (`REDIS_URL`), or none. */
  redis: SectionRedis | null;
}): Collaboration {
  const logger = options.logger.child({ component: 'collab' });
  const trustedHop = proxyTrust(options.trustProxy);
  const guard = new SocketGuard({ ...DEFAULT_SOCKET_LIMITS, ...options.socketLimits }, logger);
  const scopes = new SectionScopes();
  // AccessControl needs Hocuspocus, and Persistence (its gate) needs AccessControl: bound late.
  const late: { access?: AccessControl; sessions?: SessionConnections } = {};
  const scope = {
    confirmScope: (connection: Connection<CollabContext>) => late.access?.confirmScope(connection) ?? Promise.resolve(),
    scopeIsCurrent: (connection: Connection<CollabContext>) => late.access?.scopeIsCurrent(connection) ?? false,
    sessionEnded: (connection: Connection<CollabContext>) => late.sessions?.hasEnded(connection.context) ?? false,
    rightsChanged: (connection: Connection<CollabContext>) => late.sessions?.hasChanged(connection.context) ?? false,
    tellReadOnly: (connection: Connection<CollabContext>) => late.access?.tellReadOnly(connection),
  };
  // Clustered, an instance that cannot hear the others (Redis down) authorizes every edit at commit.
  const persistence = new PersistenceExtension(
    options.db,
    logger,
    scope,
    options.redis ? () => options.cluster.health() !== 'ok' : undefined,
  );
  const projection = new ProjectionExtension(
    options.projectionViews,
    // Remembered by the extension while the section is loaded.
    async (sectionId) => (await findSection(options.db, sectionId))?.planId ?? null,
    logger,
    (planId, sections) =>
      options.cluster.broadcast({ type: 'projection', planId, sections: sections ? [...sections] : undefined }),
  );
  const staleMarkers = new StaleMarkersExtension(options.checkStaleMarkers);
  const sectionRedis = options.redis;
  const hocuspocus = new Hocuspocus({
    quiet: true,
    debounce: options.storeDebounceMs,
    // Under steady typing a document is compacted this often at most.
    maxDebounce: options.storeDebounceMs * MAX_DEBOUNCE_FACTOR,
    extensions: [
      ...(sectionRedis ? [sectionRedis] : []),
      new AuthenticationExtension(options.db, logger, scopes),
      new SocketLimitsExtension(guard),
      persistence,
      projection,
      staleMarkers,
      new PresenceExtension(logger),
      {
        extensionName: 'SessionEnd',
        // A connection attached after its session ended (authentication was under way at logout).
        connected: async ({ connection }: connectedPayload) => {
          const context = connection.context as CollabContext;
          if (late.sessions?.hasEnded(context)) connection.close(SESSION_ENDED);
          // Moved or demoted while authenticating: authenticate again as what the person is now.
          else if (late.sessions?.hasChanged(context)) connection.close(ACCESS_REVOKED);
          // Rights on the document changed while authenticating (a party taken out of the plan, the
          // section deleted): decided again now, not only before a write, so a reader stops too.
          else await late.access?.confirmScope(connection);
        },
      },
    ],
  });
  const access = new AccessControl(
    options.db,
    hocuspocus,
    logger,
    (name) => persistence.settled(name),
    scopes,
    options.cluster,
    // On one instance its copy holds everything stored already.
    options.redis ? (name) => persistence.catchUp(name, hocuspocus.documents.get(name)) : undefined,
  );
  late.access = access;
  const sessions = new SessionConnections(options.db, hocuspocus, logger);
  late.sessions = sessions;
  const localAccessChanges = new LocalAccessChanges(hocuspocus, access, logger, sessions);
  const accessChanges = new ClusterAccessChanges(localAccessChanges, options.cluster);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (refuseForeignHostUpgrade(request, socket, options.allowedHosts, logger)) return;
    const url = new URL(request.url ?? '/', 'http://localhost');
    const isYjs = url.pathname.startsWith(YJS_PATH_PREFIX);
    if (url.pathname !== COLLAB_PATH && !isYjs) {
      socket.destroy();
      return;
    }
    const address = proxyAddr(request, trustedHop) || 'unknown';
    if (guard.admit(address)) {
      logger.warn({ address }, 'refused a collaboration socket over the per-address limit');
      socket.end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const state = new SocketState(address);
    guard.watch(socket, state, head);
    wss.handleUpgrade(request, socket, head, (ws) => {
      const guarded = guard.guardSend(ws, state);
      if (!isYjs) {
        serve(ws, guarded, request, state, (data) => data);
        return;
      }
      const documentName = yWebsocketDocumentName(url.pathname);
      if (!documentName) {
        logger.warn({ path: url.pathname.slice(0, 100) }, 'refused a y-websocket socket for no known document');
        ws.close(4400, 'invalid-document');
        return;
      }
      const bridge = new YWebsocketBridge(guarded, documentName, logger);
      const client = serve(ws, bridge.socket, request, state, (data) => bridge.fromClient(data));
      // A y-websocket client sends no Auth message; the token comes in the query (cookie if none).
      client.handleMessage(bridge.authMessage(url.searchParams.get('token') ?? ''));
    });
  }

  /** Hands a socket to Hocuspocus; `incoming` turns each frame into Hocuspocus's framing, or drops it. */
  function serve(
    ws: WebSocket,
    socket: WebSocketLike,
    request: IncomingMessage,
    state: SocketState,
    incoming: (data: Uint8Array) => Uint8Array | null,
  ): ReturnType<Hocuspocus['handleConnection']> {
    const headers = new Headers();
    for (const [key, value] of Object.entries(request.headers)) {
      if (typeof value === 'string') headers.set(key, value);
      else if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    }
    const fetchRequest = new Request(new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`), {
      headers,
    });
    const client = hocuspocus.handleConnection(socket, fetchRequest, { socket: state });
    ws.on('message', (data: RawData) => {
      try {
        const message = incoming(toUint8Array(data));
        if (message) client.handleMessage(message);
      } catch (error) {
        // Hocuspocus closes the socket itself on malformed messages; this only keeps us alive.
        logger.warn({ err: error }, 'malformed collaboration message');
      }
    });
    ws.on('close', (code, reason) => client.handleClose({ code, reason: reason.toString() }));
    ws.on('error', (error) => logger.warn({ err: error }, 'websocket error'));
    return client;
  }

  return {
    hocuspocus,
    access,
    scopes,
    sessions,
    accessChanges,
    localAccessChanges,
    persistence,
    projection,
    staleMarkers,
    attach(server) {
      server.on('upgrade', handleUpgrade);
    },
    async close() {
      for (const ws of wss.clients) ws.terminate();
      await projection.onDestroy();
      await staleMarkers.onDestroy();
      hocuspocus.flushPendingStores();
      // Stores run through the persistence queue; wait for them and any appends in flight.
      await new Promise((resolve) => setTimeout(resolve, 0));
      await persistence.flushed();
      await sectionRedis?.onDestroy();
      wss.close();
    },
  };
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
