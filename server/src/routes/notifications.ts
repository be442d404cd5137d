import { DomainError, markNotificationsReadInput, type NotificationsView } from '@fellesplan/domain';
import type { FastifyInstance } from 'fastify';
import { requireActor, requestToken } from '../http/authenticate.js';
import { findSessionUser } from '../auth/sessions.js';
import { loadNotifications, markNotificationsRead } from '../notifications/notificationsView.js';
import type { AppContext } from './context.js';

/** How often an open stream checks its session is still valid (expired, removed on another instance). */
const STREAM_CHECK_MS = 25_000;

export function notificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/notifications', async (request): Promise<NotificationsView> => {
    const actor = await requireActor(ctx.db, request);
    return loadNotifications(ctx.db, actor);
  });

  app.post('/api/notifications/read', async (request): Promise<{ ok: true; read: number }> => {
    const actor = await requireActor(ctx.db, request);
    const input = markNotificationsReadInput.parse(request.body);
    const read = await markNotificationsRead(ctx.db, actor, input, new Date().toISOString());
    return { ok: true, read };
  });

  /**
   * Server-sent events: `changed` whenever the person has news (the client reads the list again),
   * a comment line as keep-alive. The stream ends on logout, when the session lapses, or on close.
   */
  app.get('/api/notifications/stream', async (request, reply) => {
    const token = requestToken(request);
    const actor = token ? await findSessionUser(ctx.db, token) : null;
    if (!actor || !token) throw new DomainError('unauthenticated');
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // Proxies (nginx) must pass events through as they come.
      'x-accel-buffering': 'no',
    });
    raw.write('retry: 5000\nevent: ready\ndata: {}\n\n');
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(check);
      unsubscribe();
      unregister();
      raw.end();
    };
    const unsubscribe = ctx.notifications.subscribe(actor.userId, () => {
      if (!closed) raw.write('event: changed\ndata: {}\n\n');
    });
    const unregister = ctx.notificationStreams.add(actor.session.id, actor.userId, close);
    const check = setInterval(() => {
      findSessionUser(ctx.db, token)
        .then((still) => (still ? raw.write(': keep-alive\n\n') : close()))
        .catch((error: unknown) => {
          ctx.logger.error({ err: error }, 'notification stream session check failed');
          close();
        });
    }, STREAM_CHECK_MS);
    check.unref();
    request.raw.on('close', close);
  });
}
