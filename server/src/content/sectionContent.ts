import { DomainError, isBlankText, sectionDocumentName, type SectionContentView } from '@fellesplan/domain';
import {
  jsonToText,
  readSectionBody,
  replaceYDocContent,
  stripDisallowedLinks,
  type TiptapJSON,
} from '@fellesplan/editor';
import type { Hocuspocus } from '@hocuspocus/server';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { ServerEditOrigin } from '../collaboration/PersistenceExtension.js';
import type { Db } from '../storage/database.js';
import {
  appendDocumentUpdates,
  loadDocumentState,
  loadDocumentUpdates,
  storedUpdateIds,
} from '../storage/repositories/documents.js';
import { bodyRevision, undecodableRevision } from './revision.js';

/** What the plan view needs of a body: its revision, and whether it can be read at all. */
export interface SectionContentState {
  revision: string;
  /** [R2] The stored body is not valid under the schema; it is shown as an error. */
  unreadable: boolean;
  /** [C5] The body holds no text; an unreadable body is not empty (its problem is another). */
  empty: boolean;
}

/**
 * Reads section bodies: from the live document when this instance has it loaded (it holds edits
 * not yet compacted), otherwise from storage, which holds every applied update.
 */
export class SectionContent {
  /**
   * [R1] Revisions are recomputed for every section each time the plan projection refreshes
   * (every few hundred ms while anyone types), so they are cached, and a cached one must never
   * outlive its content. A live document's entry is dropped on its every `update` event: Yjs
   * emits one for each transaction that changes anything (inserts, deletions, formats,
   * attributes), while the state vector alone misses deletions.
   */
  private readonly live = new WeakMap<Y.Doc, SectionContentState>();
  private readonly watched = new WeakSet<Y.Doc>();
  /**
   * Stored bodies are keyed by the ids of the rows read: rows are immutable and ids never reused.
   * Least recently used first, and bounded: every plan page and projection of every plan fills
   * it, and unbounded it would come to hold every section ever read until the process ends.
   */
  private readonly stored = new Map<string, { key: string; state: SectionContentState }>();
  /**
   * Views of stored bodies (what plan pages fetch for every section), keyed like `stored` and
   * bounded by their text: a view holds the body twice (JSON and text), so far fewer are kept.
   */
  private readonly views = new Map<string, { key: string; view: SectionContentView; weight: number }>();
  private viewsWeight = 0;

  constructor(
    private readonly db: Db,
    private readonly hocuspocus: Hocuspocus,
    private readonly logger: Logger,
    /** Sections whose stored state is kept; well above those of the plans open at once. */
    private readonly storedLimit = 5000,
    /** Characters of body text whose views are kept (about 3 bytes of memory each, JSON included). */
    private readonly viewsLimit = 4_000_000,
  ) {}

  /** How many views are kept, and their weight in characters (tests: the bound holds). */
  get viewsKept(): { views: number; weight: number } {
    return { views: this.views.size, weight: this.viewsWeight };
  }

  /** How many stored states are kept (tests: bounded however many sections are read). */
  get storedStatesKept(): number {
    return this.stored.size;
  }

  async withDocument<T>(sectionId: string, read: (doc: Y.Doc) => T): Promise<T> {
    const live = this.liveDocument(sectionId);
    if (live) return read(live);
    const updates = await loadDocumentUpdates(this.db, sectionDocumentName(sectionId));
    // Stored bytes that do not decode read as an empty body here (anchors then detach); the plan
    // view and the content endpoint report them as unreadable.
    const doc = decodeUpdates(updates) ?? new Y.Doc();
    try {
      return read(doc);
    } finally {
      doc.destroy();
    }
  }

  /** `db` may be a transaction: a command reading inside its own (on SQLite, another read would wait for it). */
  async revision(sectionId: string, db: Db = this.db): Promise<string> {
    return (await this.state(sectionId, db)).revision;
  }

  async state(sectionId: string, db: Db = this.db): Promise<SectionContentState> {
    const live = this.liveDocument(sectionId);
    if (live) return this.liveState(live);
    return this.storedState(sectionId, db);
  }

  /**
   * The revision a command decides on inside its transaction: this instance's live copy (which may
   * hold a server edit still on its way to storage) brought up to everything stored, read through
   * `trx` (another instance may have stored edits whose relay has not arrived, or cannot: Redis down).
   */
  async revisionAtCommit(sectionId: string, trx: Db): Promise<string> {
    const live = this.liveDocument(sectionId);
    if (!live) return (await this.storedState(sectionId, trx)).revision;
    const stored = await loadDocumentState(trx, sectionDocumentName(sectionId));
    // Stored already: applied under an origin storage and the other instances leave alone.
    if (stored) Y.applyUpdate(live, stored, { source: 'storage' });
    return this.liveState(live).revision;
  }

  /**
   * The body as stored, whatever this instance's live copy holds. Another instance may have
   * stored edits its relay (Redis) has not brought here yet, or could not (Redis down): a lock
   * decides on this, inside its transaction, where no further edit can commit.
   */
  async storedState(sectionId: string, db: Db = this.db): Promise<SectionContentState> {
    const name = sectionDocumentName(sectionId);
    const cached = this.stored.get(sectionId);
    if (cached && cached.key === (await storedUpdateIds(db, name)).join(',')) {
      this.keepStored(sectionId, cached);
      return cached.state;
    }
    const updates = await loadDocumentUpdates(db, name);
    const doc = decodeUpdates(updates);
    try {
      const state = doc
        ? readState(doc)
        : { revision: undecodableRevision(updates.map((u) => u.data)), unreadable: true, empty: false };
      this.keepStored(sectionId, { key: updates.map((u) => u.id).join(','), state });
      return state;
    } finally {
      doc?.destroy();
    }
  }

  /** Marks an entry most recently used (a Map iterates in insertion order) and drops the oldest over the limit. */
  private keepStored(sectionId: string, entry: { key: string; state: SectionContentState }): void {
    this.stored.delete(sectionId);
    this.stored.set(sectionId, entry);
    for (const oldest of this.stored.keys()) {
      if (this.stored.size <= this.storedLimit) break;
      this.stored.delete(oldest);
    }
  }

  /**
   * The body as users see it: links with disallowed targets stripped. An unreadable body is a
   * clear refusal for this section only, never a crash.
   */
  async view(sectionId: string): Promise<SectionContentView> {
    const live = this.liveDocument(sectionId);
    if (live) return this.present(sectionId, live);
    const doc = decodeUpdates(await loadDocumentUpdates(this.db, sectionDocumentName(sectionId)));
    if (!doc) return this.unreadable(sectionId, 'stored updates do not decode');
    try {
      return this.present(sectionId, doc);
    } finally {
      doc.destroy();
    }
  }

  /**
   * `view`, shared: the same frozen object for every reader until the stored rows change (ids
   * never reused, rows immutable, so the ids read are exactly what a view is a function of).
   * For readers that only pass the view on (the plan page's bodies, search); a body being edited
   * on this instance is read from its live document every time.
   */
  async sharedView(sectionId: string): Promise<SectionContentView> {
    if (this.liveDocument(sectionId)) return this.view(sectionId);
    const name = sectionDocumentName(sectionId);
    const cached = this.views.get(sectionId);
    if (cached && cached.key === (await storedUpdateIds(this.db, name)).join(',')) {
      this.keepView(sectionId, cached);
      return cached.view;
    }
    const updates = await loadDocumentUpdates(this.db, name);
    const doc = decodeUpdates(updates);
    if (!doc) return this.unreadable(sectionId, 'stored updates do not decode');
    try {
      const view = deepFreeze(this.present(sectionId, doc));
      this.keepView(sectionId, { key: updates.map((u) => u.id).join(','), view, weight: view.text.length + 100 });
      return view;
    } finally {
      doc.destroy();
    }
  }

  private keepView(sectionId: string, entry: { key: string; view: SectionContentView; weight: number }): void {
    const previous = this.views.get(sectionId);
    if (previous) {
      this.views.delete(sectionId);
      this.viewsWeight -= previous.weight;
    }
    this.views.set(sectionId, entry);
    this.viewsWeight += entry.weight;
    for (const [oldest, { weight }] of this.views) {
      if (this.viewsWeight <= this.viewsLimit) break;
      this.views.delete(oldest);
      this.viewsWeight -= weight;
    }
  }

  /**
   * Holds a section's live document open, loaded, so a command can change it inside its
   * transaction without reading storage there (on SQLite that read would wait for the transaction).
   */
  async open(sectionId: string): Promise<LiveBody> {
    const connection = await this.hocuspocus.openDirectConnection(sectionDocumentName(sectionId));
    const doc = connection.document;
    if (!doc) throw new Error('section document did not load');
    return {
      replace(json, author) {
        const origin: ServerEditOrigin = { source: 'server-edit', author };
        replaceYDocContent(doc, json, origin);
        return readState(doc).revision;
      },
      async replaceStored(json, author, trx) {
        const before = Y.encodeStateVector(doc);
        const origin: ServerEditOrigin = { source: 'server-edit', author };
        replaceYDocContent(doc, json, origin);
        // Also stored (with its author) by the persistence hook; a second copy of an update is harmless.
        await appendDocumentUpdates(trx, [
          { documentName: sectionDocumentName(sectionId), update: Y.encodeStateAsUpdate(doc, before) },
        ]);
        return readState(doc).revision;
      },
      close: () => connection.disconnect(),
    };
  }

  private present(sectionId: string, doc: Y.Doc): SectionContentView {
    const body = readSectionBody(doc);
    if (!body.readable) return this.unreadable(sectionId, body.problem);
    const json = stripDisallowedLinks(body.json);
    return { revision: bodyRevision(body, doc), json, text: jsonToText(json) };
  }

  private unreadable(sectionId: string, problem: string): never {
    this.logger.error({ sectionId, problem }, 'section body is unreadable');
    throw new DomainError('section_unreadable');
  }

  private liveDocument(sectionId: string): Y.Doc | undefined {
    const live = this.hocuspocus.documents.get(sectionDocumentName(sectionId));
    return live && !live.isLoading ? live : undefined;
  }

  private liveState(doc: Y.Doc): SectionContentState {
    if (!this.watched.has(doc)) {
      this.watched.add(doc);
      doc.on('update', () => this.live.delete(doc));
    }
    let state = this.live.get(doc);
    if (!state) {
      state = readState(doc);
      this.live.set(doc, state);
    }
    return state;
  }
}

/** A section body held open for a server-side edit (see `SectionContent.open`). */
export interface LiveBody {
  /**
   * Makes the body `json` as an edit by `author`, through the live document, so open editors get
   * it at once and it is stored and recorded like every edit. Returns the new revision.
   */
  replace(json: TiptapJSON, author: { userId: string; partyId: string }): string;
  /**
   * `replace`, with the edit also stored through `trx`: committed with the command, so a command
   * on another instance that decides on the stored text after this one commits sees it.
   */
  replaceStored(json: TiptapJSON, author: { userId: string; partyId: string }, trx: Db): Promise<string>;
  close(): Promise<void>;
}

/** Frozen through and through: a view shared between readers must not be changed by one of them. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Stored updates merged into a fresh document; null if their bytes do not decode (old, cut data). */
function decodeUpdates(updates: readonly { data: Uint8Array }[]): Y.Doc | null {
  const doc = new Y.Doc();
  try {
    if (updates.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(updates.map((u) => u.data)));
    return doc;
  } catch {
    doc.destroy();
    return null;
  }
}

function readState(doc: Y.Doc): SectionContentState {
  const body = readSectionBody(doc);
  const empty = body.readable && isBlankText(jsonToText(body.json));
  return { revision: bodyRevision(body, doc), unreadable: !body.readable, empty };
}
