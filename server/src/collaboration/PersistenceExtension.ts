import { parseDocumentName } from '@fellesplan/domain';
import type { Extension, onChangePayload, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { Db } from '../storage/database.js';
import { appendDocumentUpdate, compactDocument, loadDocumentState } from '../storage/repositories/documents.js';

/**
 * Stores section bodies. Every applied update is appended as it arrives (not only on the
 * debounced store), so an acknowledged edit is on disk within one write; the debounced store
 * then compacts the appended rows into one. Plan documents are projections and never stored.
 */
export class PersistenceExtension implements Extension {
  readonly extensionName = 'Persistence';
  private readonly pending = new Map<string, Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
  ) {}

  async onLoadDocument({ documentName }: onLoadDocumentPayload): Promise<Uint8Array | undefined> {
    if (parseDocumentName(documentName)?.kind !== 'section') return undefined;
    return (await loadDocumentState(this.db, documentName)) ?? undefined;
  }

  onChange({ documentName, update }: onChangePayload): Promise<void> {
    if (parseDocumentName(documentName)?.kind !== 'section') return Promise.resolve();
    return this.enqueue(documentName, () => appendDocumentUpdate(this.db, documentName, update));
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    if (parseDocumentName(documentName)?.kind !== 'section') return;
    await this.enqueue(documentName, () => compactDocument(this.db, documentName, Y.encodeStateAsUpdate(document)));
  }

  /** Resolves once every write queued so far has finished; used on shutdown. */
  async flushed(): Promise<void> {
    await Promise.all([...this.pending.values()]);
  }

  // Writes per document run one after another, so a compaction never races an append.
  private enqueue(documentName: string, write: () => Promise<void>): Promise<void> {
    const previous = this.pending.get(documentName) ?? Promise.resolve();
    const next = previous.then(write).catch((error: unknown) => {
      this.logger.error({ err: error, documentName }, 'failed to store document update');
    });
    this.pending.set(documentName, next);
    void next.finally(() => {
      if (this.pending.get(documentName) === next) this.pending.delete(documentName);
    });
    return next;
  }
}
