import { parseDocumentName } from '@fellesplan/domain';
import type { Extension, onChangePayload } from '@hocuspocus/server';
import type { SessionUser } from '../auth/sessions.js';
import type { CollabContext } from './context.js';

type Editor = Pick<SessionUser, 'userId' | 'partyId'>;

/**
 * Tells the decision log when edits make consensus markers stale ([A5]). Edits gather for a
 * moment per section, then one check runs with the last person who edited. Only an edit that came
 * in on this instance's own connection has a person; the same update relayed from another
 * instance is checked there.
 */
export class StaleMarkersExtension implements Extension {
  readonly extensionName = 'StaleMarkers';
  private readonly pending = new Map<string, { editor: Editor; timer: NodeJS.Timeout }>();
  private readonly running = new Set<Promise<void>>();
  private destroyed = false;

  constructor(
    private readonly check: (sectionId: string, editor: Editor) => Promise<void>,
    private readonly debounceMs = 300,
  ) {}

  onChange({ documentName, context }: onChangePayload): Promise<void> {
    const ref = parseDocumentName(documentName);
    const actor = (context as Partial<CollabContext>).actor;
    if (ref?.kind !== 'section' || !actor || this.destroyed) return Promise.resolve();
    const editor = { userId: actor.userId, partyId: actor.partyId };
    const existing = this.pending.get(ref.id);
    if (existing) {
      existing.editor = editor;
      return Promise.resolve();
    }
    const timer = setTimeout(() => this.runPending(ref.id), this.debounceMs);
    timer.unref();
    this.pending.set(ref.id, { editor, timer });
    return Promise.resolve();
  }

  /** Resolves once every check scheduled so far has run (tests; shutdown). */
  async settled(): Promise<void> {
    while (this.pending.size > 0 || this.running.size > 0) {
      await Promise.allSettled([...this.running]);
      if (this.pending.size > 0) await new Promise((resolve) => setTimeout(resolve, this.debounceMs));
    }
  }

  /** On shutdown, edits still gathering are checked now rather than forgotten. */
  async onDestroy(): Promise<void> {
    for (const [sectionId, { timer }] of [...this.pending]) {
      clearTimeout(timer);
      this.runPending(sectionId);
    }
    this.destroyed = true;
    await Promise.allSettled([...this.running]);
  }

  private runPending(sectionId: string): void {
    const entry = this.pending.get(sectionId);
    this.pending.delete(sectionId);
    if (!entry || this.destroyed) return;
    const run = this.check(sectionId, entry.editor);
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }
}
