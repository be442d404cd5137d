import type { Extension, onAuthenticatePayload, onDisconnectPayload } from '@hocuspocus/server';
import { CollabRefusal, type CollabContext } from './context.js';
import type { SocketGuard } from './socketGuard.js';

/** Counts document connections per socket ([RS3]); runs after authentication succeeded. */
export class SocketLimitsExtension implements Extension {
  readonly extensionName = 'SocketLimits';
  readonly priority = 900;

  constructor(private readonly guard: SocketGuard) {}

  async onAuthenticate({ context, documentName }: onAuthenticatePayload<Partial<CollabContext>>): Promise<void> {
    if (!context.socket) return;
    const refusal = this.guard.openDocument(context.socket, documentName);
    if (refusal) throw new CollabRefusal(refusal);
  }

  async onDisconnect({ context, documentName }: onDisconnectPayload<Partial<CollabContext>>): Promise<void> {
    if (context.socket) this.guard.closeDocument(context.socket, documentName);
  }
}
