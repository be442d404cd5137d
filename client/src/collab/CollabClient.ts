import { parseServerMessage } from '@fellesplan/domain';
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import * as Y from 'yjs';

export type Scope = 'read-write' | 'read-only';

export interface CollabDocument {
  name: string;
  doc: Y.Doc;
  provider: HocuspocusProvider;
  scope: Scope | undefined;
  synced: boolean;
  /** Set when the server refused the document (reason from the server). */
  refused: string | null;
  /**
   * The user changed the text (not the editor on its own): from now until the server has
   * acknowledged everything sent so far, the document holds edits that exist only in this tab.
   */
  userEdited(): void;
}

export interface ConnectionSnapshot {
  status: 'connected' | 'connecting' | 'disconnected';
  /**
   * Changes the user made in writable documents that the server has not confirmed yet: a
   * document's own first sync (and whatever its editor writes on its own) is not counted.
   */
  unsynced: number;
}

interface Entry {
  document: CollabDocument;
  refs: number;
  /** Bumped whenever what a viewer of this document sees changes (scope, sync, refusal, replacement). */
  version: number;
}

/**
 * One multiplexed WebSocket per tab (DESIGN 2) and the documents opened over it, shared by
 * every component that shows them and closed when the last one lets go.
 */
export class CollabClient {
  readonly socket: HocuspocusProviderWebsocket;
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  /**
   * Documents with user edits not yet acknowledged. The provider's own count cannot tell: it
   * also counts its handshake (one unacknowledged message from the moment a document starts to
   * sync until the server confirms the client's state), so an editor mounting late, when the
   * reader scrolls or the browser is idle, made an untouched page ask before closing.
   */
  private readonly userEdits = new Set<CollabDocument>();
  private status: ConnectionSnapshot['status'] = 'connecting';
  private snapshot: ConnectionSnapshot = { status: 'connecting', unsynced: 0 };

  constructor(url: string) {
    this.socket = new HocuspocusProviderWebsocket({
      url,
      // Keep trying with backoff: a laptop lid closing must not lose anyone's text.
      maxAttempts: 0,
      maxDelay: 10_000,
      onStatus: ({ status }) => {
        this.status =
          status === WebSocketStatus.Connected
            ? 'connected'
            : status === WebSocketStatus.Connecting
              ? 'connecting'
              : 'disconnected';
        this.emit();
      },
    });
  }

  open(name: string): CollabDocument {
    const existing = this.entries.get(name);
    if (existing) {
      existing.refs += 1;
      return existing.document;
    }
    const document = this.create(name);
    this.entries.set(name, { document, refs: 1, version: 0 });
    this.emit();
    return document;
  }

  /** The document as it is now (it is replaced when local edits had to be discarded). */
  current(name: string): CollabDocument | null {
    return this.entries.get(name)?.document ?? null;
  }

  /**
   * Changes exactly when `current(name)` or its scope, sync state or refusal does: components
   * showing one document compare it so that another document's events do not re-render them
   * (a plan page opening 60 sections would otherwise render every card for each of their events).
   */
  documentVersion(name: string): number {
    return this.entries.get(name)?.version ?? -1;
  }

  private changed(name: string, document: CollabDocument): void {
    const entry = this.entries.get(name);
    if (entry?.document === document) entry.version += 1;
    this.emit();
  }

  private create(name: string): CollabDocument {
    const doc = new Y.Doc();
    const document = { name, doc, scope: undefined, synced: false, refused: null } as unknown as CollabDocument;
    document.userEdited = () => {
      if (this.userEdits.has(document)) return;
      this.userEdits.add(document);
      this.emit();
    };
    document.provider = new HocuspocusProvider({
      name,
      document: doc,
      // The server reads the httpOnly session cookie of the upgrade request; no token in JS.
      token: 'cookie',
      websocketProvider: this.socket,
      // Each provider gets its own address on the shared socket: a document reopened after a
      // lock must not have its first messages routed to the old connection, which the server
      // may not have closed yet when they arrive in the same read.
      sessionAwareness: true,
      onAuthenticated: ({ scope }) => {
        document.scope = scope === 'readonly' ? 'read-only' : 'read-write';
        document.refused = null;
        this.changed(name, document);
      },
      onAuthenticationFailed: ({ reason }) => {
        document.refused = reason;
        this.changed(name, document);
      },
      onSynced: ({ state }) => {
        document.synced = state;
        this.changed(name, document);
      },
      // Every message sent so far is acknowledged, and so is every edit in them (the server answers
      // a connection's messages in order).
      onUnsyncedChanges: ({ number }) => {
        if (number === 0) {
          this.userEdits.delete(document);
          // Kept open only for those edits (release): now they are saved, let it go.
          if (this.closeIfUnused(name, document)) return;
        }
        this.emit();
      },
      onStateless: ({ payload }) => this.receiveStateless(name, document, payload),
    });
    document.provider.attach();
    return document;
  }

  /**
   * The server changed this connection's scope (a lock, an unlock). Edits the server refused
   * would stay in our copy forever and it would silently diverge: start over from the server's.
   */
  private receiveStateless(name: string, document: CollabDocument, payload: string): void {
    const message = parseServerMessage(payload);
    if (!message) return;
    document.scope = message.readOnly ? 'read-only' : 'read-write';
    const entry = this.entries.get(name);
    // Kept open only for edits the server now refuses: nobody shows it, nothing more can be saved.
    if (message.readOnly && entry?.document === document && entry.refs === 0) {
      this.closeIfUnused(name, document);
      return;
    }
    if (message.readOnly && document.provider.unsyncedChanges > 0 && entry?.document === document) {
      // The old provider must leave the shared socket before a new one of the same name joins.
      document.provider.destroy();
      document.doc.destroy();
      this.userEdits.delete(document);
      entry.document = this.create(name);
      entry.version += 1;
    }
    this.changed(name, document);
  }

  /**
   * The last viewer let go (a section scrolled out of a view, a page left within the app). A
   * document holding the user's edits that the server has not confirmed stays open (and counted
   * in `unsynced`) until it has: closing it would throw those edits away, offline for good.
   */
  release(name: string): void {
    const entry = this.entries.get(name);
    if (!entry || entry.refs === 0) return;
    entry.refs -= 1;
    if (entry.refs > 0) return;
    if (this.userEdits.has(entry.document) && entry.document.scope === 'read-write') return;
    this.closeIfUnused(name, entry.document);
  }

  private closeIfUnused(name: string, document: CollabDocument): boolean {
    const entry = this.entries.get(name);
    if (!entry || entry.refs > 0 || entry.document !== document) return false;
    this.entries.delete(name);
    document.provider.destroy();
    document.doc.destroy();
    this.userEdits.delete(document);
    this.emit();
    return true;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ConnectionSnapshot => this.snapshot;

  destroy(): void {
    for (const name of [...this.entries.keys()]) {
      const entry = this.entries.get(name);
      entry?.document.provider.destroy();
      entry?.document.doc.destroy();
    }
    this.entries.clear();
    this.socket.destroy();
  }

  private emit(): void {
    let unsynced = 0;
    for (const { document } of this.entries.values()) {
      // A read-only connection is never acknowledged, and its editor takes no input anyway.
      if (document.scope === 'read-write' && this.userEdits.has(document))
        unsynced += document.provider.unsyncedChanges;
    }
    if (unsynced !== this.snapshot.unsynced || this.status !== this.snapshot.status) {
      this.snapshot = { status: this.status, unsynced };
    }
    for (const listener of this.listeners) listener();
  }
}

export function collabUrl(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}
