import type {
  beforeHandleMessagePayload,
  connectedPayload,
  Extension,
  Hocuspocus,
  onDisconnectPayload,
} from '@hocuspocus/server';
import type { Logger } from 'pino';
import type { CollabContext } from '../collaboration/context.js';
import type { ServerMetrics } from './metrics.js';

/**
 * Counts collaboration messages for the metrics and logs each document connection opening and
 * closing with its socket id (shared by every document of one browser tab), so a socket's lines
 * can be followed through the log. Never logs a message's content.
 */
export class CollabObserverExtension implements Extension {
  readonly extensionName = 'CollabObserver';

  constructor(
    private readonly metrics: ServerMetrics,
    private readonly logger: Logger,
  ) {}

  beforeHandleMessage(_payload: beforeHandleMessagePayload): Promise<void> {
    this.metrics.messagesReceived.inc();
    return Promise.resolve();
  }

  connected({ socketId, documentName, context, connection }: connectedPayload): Promise<void> {
    const { actor } = context as CollabContext;
    this.logger.info(
      { socketId, documentName, userId: actor.userId, partyId: actor.partyId, readOnly: connection.readOnly },
      'collaboration connection opened',
    );
    return Promise.resolve();
  }

  onDisconnect({ socketId, documentName, clientsCount }: onDisconnectPayload): Promise<void> {
    this.logger.info({ socketId, documentName, clientsCount }, 'collaboration connection closed');
    return Promise.resolve();
  }
}

/**
 * Adds an extension to a Hocuspocus that is already assembled. Hocuspocus reads its extension
 * list at every hook, so this takes effect at once; it runs after the assembled ones, which is
 * right for an observer. (The scale-out work owns collaboration.ts; this keeps out of it.)
 */
export function addObserver(hocuspocus: Hocuspocus, extension: Extension): void {
  hocuspocus.configuration.extensions.push(extension);
}
