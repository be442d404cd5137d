import type WebSocket from 'ws';
import { connectProvider, type TestProvider } from './connectProvider.js';

type Scope = 'read-write' | 'read-only';

/**
 * A collaborator with a real provider whose network the test controls: its outgoing messages
 * can be held back and released in order (incoming ones wait in the socket meanwhile), and it
 * can drop off and come back. It behaves like the app's `CollabClient`: it edits only while
 * the editor would be editable (synced, writable), and when the server makes it read-only
 * while edits of it are unconfirmed, it starts over from the server's copy ([L2]).
 */
export class RaceEditor {
  /** The scope the server last told this client (at authentication or by an `access` message). */
  scope: Scope | undefined;
  /** Times it started over because the server refused edits of it. */
  restarts = 0;
  private client: TestProvider;
  private holding = false;
  private held: unknown[] = [];
  private offline = false;
  private closed: Promise<unknown> = Promise.resolve();

  constructor(
    readonly name: string,
    private readonly url: string,
    private readonly token: string,
    private readonly documentName: string,
    /** Told what happened to this client's connection (for the failure trace). */
    private readonly log: (line: string) => void = () => undefined,
  ) {
    this.client = this.open();
  }

  get doc() {
    return this.client.doc;
  }

  get provider() {
    return this.client.provider;
  }

  get isHolding(): boolean {
    return this.holding;
  }

  get isOffline(): boolean {
    return this.offline;
  }

  /** As `SectionEditor`: editable while synced and writable (the server decides what is kept). */
  get canEdit(): boolean {
    return !this.offline && this.scope === 'read-write' && this.provider.isSynced;
  }

  /** Settled: connected, synced, nothing held back and nothing unconfirmed. */
  get isSettled(): boolean {
    return !this.offline && !this.holding && this.provider.isSynced && !this.provider.hasUnsyncedChanges;
  }

  hold(): void {
    if (this.offline || this.holding) return;
    this.holding = true;
    this.socket()?.pause();
  }

  release(): void {
    if (!this.holding) return;
    this.holding = false;
    this.socket()?.resume();
    const held = this.held;
    this.held = [];
    const websocketProvider = this.provider.configuration.websocketProvider;
    for (const message of held) websocketProvider.send(message);
  }

  disconnect(): void {
    if (this.offline) return;
    const websocketProvider = this.provider.configuration.websocketProvider;
    // connect() does nothing until the old socket has closed, so reconnecting waits for that.
    this.closed = new Promise<void>((resolve) => {
      const closed = () => {
        websocketProvider.off('disconnect', closed);
        resolve();
      };
      websocketProvider.on('disconnect', closed);
    });
    // What was held back is lost with the connection, as unsent bytes are; the provider sends
    // its changes again when it syncs after reconnecting.
    this.held = [];
    this.holding = false;
    this.socket()?.resume();
    this.offline = true;
    websocketProvider.disconnect();
  }

  reconnect(): void {
    if (!this.offline) return;
    this.offline = false;
    const client = this.client;
    void this.closed.then(() => {
      if (this.client === client && !this.offline) void client.provider.configuration.websocketProvider.connect();
    });
  }

  destroy(): void {
    this.client.destroy();
  }

  private socket(): WebSocket | undefined {
    return (this.provider.configuration.websocketProvider.webSocket ?? undefined) as WebSocket | undefined;
  }

  private open(): TestProvider {
    const client = connectProvider(this.url, this.token, this.documentName);
    const { provider } = client;
    this.scope = undefined;
    provider.on('authenticated', ({ scope }: { scope: string }) => {
      if (this.client !== client) return;
      this.scope = scope === 'readonly' ? 'read-only' : 'read-write';
      this.log(`${this.name} authenticated ${this.scope}, unsynced ${provider.unsyncedChanges}`);
    });
    provider.on('stateless', ({ payload }: { payload: string }) => this.receiveStateless(client, payload));
    const websocketProvider = provider.configuration.websocketProvider;
    const send = websocketProvider.send.bind(websocketProvider);
    websocketProvider.send = (message: unknown) => {
      if (this.holding && this.client === client) this.held.push(message);
      else send(message);
    };
    return client;
  }

  /** Mirrors `CollabClient.receiveStateless`. */
  private receiveStateless(client: TestProvider, payload: string): void {
    if (this.client !== client) return;
    let message: { type?: unknown; readOnly?: unknown };
    try {
      message = JSON.parse(payload) as typeof message;
    } catch {
      return;
    }
    if (message.type !== 'access' || typeof message.readOnly !== 'boolean') return;
    this.scope = message.readOnly ? 'read-only' : 'read-write';
    this.log(`${this.name} told ${this.scope}, unsynced ${client.provider.unsyncedChanges}`);
    if (message.readOnly && client.provider.unsyncedChanges > 0) {
      this.restarts += 1;
      this.held = [];
      this.holding = false;
      client.destroy();
      this.client = this.open();
    }
  }
}
