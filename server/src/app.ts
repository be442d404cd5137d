import { availableParallelism } from 'node:os';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import { DomainError } from '@fellesplan/domain';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { AuditHeadSigner } from './audit/headSigner.js';
import { FairQueue } from './auth/fairQueue.js';
import { signLegacyHeads } from './audit/signLegacyHeads.js';
import { loadSigningKey } from './audit/signingKey.js';
import { logStaleMarkersSafely } from './audit/logStaleMarkers.js';
import { createCollaboration, type Collaboration } from './collaboration.js';
import type { SocketLimits } from './collaboration/socketGuard.js';
import type { ServerConfig } from './config.js';
import { SectionContent } from './content/sectionContent.js';
import { createCommandLimits } from './http/commandLimits.js';
import { createHearingLimits, DEFAULT_HEARING_LIMITS, type HearingLimitsConfig } from './http/hearingLimits.js';
import { installErrorHandler } from './http/errors.js';
import { installSecurityHeaders } from './http/securityHeaders.js';
import { serveClient } from './http/serveClient.js';
import { createMailer } from './mail/mailer.js';
import { requestLogSerializer } from './http/redactUrl.js';
import { proxyTrust } from './http/trustProxy.js';
import { loadProjectionBasis, reproject } from './queries/planView.js';
import { auditRoutes } from './routes/audit.js';
import { authMethodsRoutes } from './routes/authMethods.js';
import { commandRoutes } from './routes/commands.js';
import type { AppContext } from './routes/context.js';
import { healthRoutes } from './routes/health.js';
import { oidcRoutes } from './routes/oidc.js';
import { openApiRoutes } from './routes/openapi.js';
import { oidcMethod } from './auth/oidc/oidcConfig.js';
import { planRoutes } from './routes/plans.js';
import { adoptionRoutes } from './routes/adoptions.js';
import { hearingSummaryRoutes } from './routes/hearingSummary.js';
import { notificationRoutes } from './routes/notifications.js';
import { compareRoutes } from './routes/compare.js';
import { searchRoutes } from './routes/search.js';
import { versionRoutes } from './routes/versions.js';
import { hearingRoutes } from './routes/hearings.js';
import { publicHearingRoutes } from './routes/publicHearings.js';
import { ClusterNotificationFeed, LocalNotificationFeed } from './notifications/notificationFeed.js';
import { SingleInstance, type Cluster } from './scaleOut/cluster.js';
import { clusterHandlers } from './scaleOut/clusterHandlers.js';
import { NotificationStreams } from './notifications/notificationStreams.js';
import { SectionSearch } from './search/sectionSearch.js';
import { WordDocuments } from './documentWork/wordDocuments.js';
import { planExportRoutes } from './routes/planExport.js';
import { planImportRoutes } from './routes/planImport.js';
import { invitationRoutes } from './routes/invitations.js';
import { partnershipRoutes } from './routes/partnership.js';
import { profileRoutes } from './routes/profile.js';
import { sessionRoutes } from './routes/session.js';
import { setupRoutes } from './routes/setup.js';
import { openDatabase, type Db } from './storage/database.js';
import { timeStoreWrites } from './storage/storeTimings.js';
import { addObserver, CollabObserverExtension } from './observability/CollabObserverExtension.js';
import { ServerMetrics } from './observability/metrics.js';
import { metricsRoutes } from './observability/metricsRoute.js';
import { REQUEST_ID_HEADER, requestIdGenerator } from './observability/requestId.js';

export interface FellesplanServer {
  url: string;
  port: number;
  db: Db;
  app: FastifyInstance;
  collaboration: Collaboration;
  context: AppContext;
  close(): Promise<void>;
}

export interface StartOptions extends ServerConfig {
  logger?: Logger;
  /** Runs after migrations, before anything else is assembled (test fixtures that seed rows directly). */
  beforeListen?: (db: Db, logger: Logger) => Promise<void>;
  /** Runs once the context exists, before the server listens: seeding through commands (the demo). */
  afterContext?: (context: AppContext) => Promise<void>;
  /** Overrides of the collaboration socket limits (tests use small ones). */
  socketLimits?: Partial<SocketLimits>;
  /** How often open connections are checked for expired or removed sessions (default 15 s). */
  sessionSweepMs?: number;
  /** The time commands and hearing deadlines go by; real time unless a test sets its own. */
  clock?: () => Date;
  /** Limits on public hearing responses other than the defaults (tests reach them with small ones). */
  hearingLimits?: Partial<HearingLimitsConfig>;
}

/** Opens storage, assembles HTTP API + Hocuspocus on one port and starts listening. */
export async function startServer(options: StartOptions): Promise<FellesplanServer> {
  const logger = options.logger ?? pino({ level: options.logLevel });
  const db = await openDatabase({ dataDir: options.dataDir, databaseUrl: options.databaseUrl, logger });
  const metrics = new ServerMetrics();
  timeStoreWrites(db, (operation, write) => metrics.measureStore(operation, write));
  await options.beforeListen?.(db, logger);
  const signingKey = loadSigningKey(options.dataDir, options.signingKey);
  const auditSigner = new AuditHeadSigner(signingKey);
  logger.info({ source: signingKey.source, fingerprint: auditSigner.fingerprint }, 'decision log signing key');
  await signLegacyHeads(db, auditSigner, logger);

  const app: FastifyInstance = Fastify({
    // Request logs name the URL: link tokens in it are masked first.
    loggerInstance: logger.child({}, { serializers: { req: requestLogSerializer } }) as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    forceCloseConnections: true,
    trustProxy: proxyTrust(options.trustProxy),
    // Every log line of a request carries `reqId`; the response names it in X-Request-Id.
    genReqId: requestIdGenerator(options.trustProxy),
  });
  app.addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  let content: SectionContent | undefined;
  const clock = options.clock ?? (() => new Date());
  const redis = options.redisUrl ? { url: options.redisUrl, prefix: options.redisPrefix ?? 'fellesplan' } : null;
  if (redis && !options.databaseUrl) {
    logger.warn('REDIS_URL is set with SQLite storage: instances on one SQLite file share it, but use PostgreSQL');
  }
  // Loaded only when used: the Redis client and extension are tens of MB of a server's memory.
  const cluster: Cluster = redis
    ? new (await import('./scaleOut/redisCluster.js')).RedisCluster({ ...redis, logger })
    : new SingleInstance();
  const sectionRedis = redis
    ? new (await import('./scaleOut/SectionRedis.js')).SectionRedis({ ...redis, logger })
    : null;
  const collaboration = createCollaboration({
    cluster,
    redis: sectionRedis,
    db,
    logger,
    storeDebounceMs: options.storeDebounceMs,
    socketLimits: options.socketLimits,
    allowedHosts: options.allowedHosts,
    trustProxy: options.trustProxy,
    projectionViews: {
      load: (planId) => loadProjectionBasis(db, sectionContent(), planId, clock()),
      reproject: (basis, edited) => reproject(db, sectionContent(), basis, edited),
    },
    checkStaleMarkers: (sectionId, editor) => checkStaleMarkers(sectionId, editor),
  });
  metrics.watchCollaboration(collaboration.hocuspocus);
  addObserver(collaboration.hocuspocus, new CollabObserverExtension(metrics, logger.child({ component: 'collab' })));
  const sectionContent = () => (content ??= new SectionContent(db, collaboration.hocuspocus, logger));
  const checkStaleMarkers = logStaleMarkersSafely({ db, content: sectionContent(), auditSigner, logger });
  const localNotifications = new LocalNotificationFeed();
  const context: AppContext = {
    db,
    content: sectionContent(),
    projection: collaboration.projection,
    access: collaboration.access,
    logger,
    loginAttemptsPerMinute: options.loginAttemptsPerMinute,
    commandLimits: createCommandLimits(options.commandLimits),
    loginAttemptsPerAddressPerMinute: options.loginAttemptsPerAddressPerMinute,
    auditSigner,
    sessions: collaboration.sessions,
    accessChanges: collaboration.accessChanges,
    // scrypt is the expensive part of a login: a few at a time, taken in turn per address, so a
    // flood from one place queues behind itself and real users elsewhere get the next free slot.
    passwordWork: new FairQueue({
      concurrency: Math.max(1, Math.min(4, availableParallelism())),
      maxWaitingPerKey: 16,
      maxWaiting: 256,
    }),
    localPasswords: options.localPasswords ?? true,
    oidcMethod: oidcMethod(options.oidc),
    publicUrl: options.publicUrl ?? null,
    mailer: createMailer({ smtpUrl: options.smtpUrl, from: options.mailFrom, logger }),
    notifications: new ClusterNotificationFeed(localNotifications, cluster),
    notificationStreams: new NotificationStreams(),
    search: new SectionSearch(sectionContent()),
    wordDocuments: new WordDocuments({ logger }),
    clock,
    hearingLimits: createHearingLimits({ ...DEFAULT_HEARING_LIMITS, ...options.hearingLimits }),
    cluster,
    metrics,
  };
  context.sessions.start(options.sessionSweepMs ?? 15_000);
  context.sessions.announceEnded = (sessionId) => void cluster.broadcast({ type: 'session-ended', sessionId });
  await cluster.start(clusterHandlers({ context, collaboration, localNotifications }));

  await installSecurityHeaders(app, options.allowedHosts);
  await app.register(fastifyCookie);
  // Only routes that opt in are limited (login); the answer is our usual Norwegian error.
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (request, context) =>
      Object.assign(new DomainError('too_many_attempts'), { statusCode: context.statusCode }),
  });
  installErrorHandler(app);
  healthRoutes(app, context);
  metricsRoutes(app, metrics, options.metricsToken ?? null);
  openApiRoutes(app);
  sessionRoutes(app, context);
  oidcRoutes(app, context, options.oidc);
  setupRoutes(app, context);
  authMethodsRoutes(app, context);
  invitationRoutes(app, context);
  profileRoutes(app, context);
  partnershipRoutes(app, context);
  planRoutes(app, context);
  await planImportRoutes(app, context);
  planExportRoutes(app, context);
  searchRoutes(app, context);
  versionRoutes(app, context);
  adoptionRoutes(app, context);
  hearingSummaryRoutes(app, context);
  hearingRoutes(app, context);
  publicHearingRoutes(app, context);
  compareRoutes(app, context);
  notificationRoutes(app, context);
  commandRoutes(app, context);
  auditRoutes(app, context);
  serveClient(app, options.clientDist, logger);
  collaboration.attach(app.server);

  try {
    await options.afterContext?.(context);
    await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    context.sessions.stop();
    await collaboration.close();
    await cluster.close();
    await app.close();
    await context.wordDocuments.close();
    await db.destroy();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    db,
    app,
    collaboration,
    context,
    close() {
      closing ??= (async () => {
        context.sessions.stop();
        context.mailer?.close();
        // Open event streams would hold app.close() until their clients go.
        context.notificationStreams.closeAll();
        await collaboration.close();
        await cluster.close();
        await app.close();
        await context.wordDocuments.close();
        await db.destroy();
      })();
      return closing;
    },
  };
}
