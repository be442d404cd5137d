import { parseDocumentName, planDocumentName, type PlanProjection } from '@fellesplan/domain';
import { writeProjection } from '@fellesplan/editor';
import type { Extension, Hocuspocus, onChangePayload, onLoadDocumentPayload } from '@hocuspocus/server';
import type { Logger } from 'pino';

/**
 * Keeps `plan:<id>` documents a read-only projection of the database (DESIGN 2): built when the
 * document loads, rewritten after every command. Never stored: it is derived data.
 */
export class ProjectionExtension implements Extension {
  readonly extensionName = 'Projection';
  private instance: Hocuspocus | undefined;
  private readonly scheduled = new Map<string, NodeJS.Timeout>();
  private destroyed = false;

  constructor(
    private readonly loadView: (planId: string) => Promise<PlanProjection | null>,
    private readonly planOfSection: (sectionId: string) => Promise<string | null>,
    private readonly logger: Logger,
    /** How long edits to a body gather before revisions and stale markers are re-projected. */
    private readonly editDebounceMs = 300,
  ) {}

  /**
   * An edit changes the section's revision, which can make markers stale (C2): re-project.
   * Hocuspocus neither awaits nor catches `onChange`, so a rejection here would be unhandled and
   * end the process: a failed lookup (database down, or closed at shutdown) is logged instead.
   */
  async onChange({ documentName, instance }: onChangePayload): Promise<void> {
    this.instance = instance;
    const ref = parseDocumentName(documentName);
    if (ref?.kind !== 'section' || this.destroyed) return;
    try {
      const planId = await this.planOfSection(ref.id);
      if (planId && !this.destroyed) this.schedule(planId);
    } catch (error) {
      if (!this.destroyed)
        this.logger.error({ err: error, documentName }, 'could not find the plan of an edited section');
    }
  }

  async onDestroy(): Promise<void> {
    this.destroyed = true;
    for (const timer of this.scheduled.values()) clearTimeout(timer);
    this.scheduled.clear();
  }

  private schedule(planId: string): void {
    if (this.scheduled.has(planId)) return;
    const timer = setTimeout(() => {
      this.scheduled.delete(planId);
      this.refresh(planId).catch((error: unknown) =>
        this.logger.error({ err: error, planId }, 'projection refresh failed'),
      );
    }, this.editDebounceMs);
    timer.unref();
    this.scheduled.set(planId, timer);
  }

  async onLoadDocument({ documentName, document, instance }: onLoadDocumentPayload): Promise<void> {
    this.instance = instance;
    const ref = parseDocumentName(documentName);
    if (ref?.kind !== 'plan') return;
    const view = await this.loadView(ref.id);
    if (view) writeProjection(document, view);
  }

  /** Rewrites the projection of a plan if this instance has it loaded; a no-op otherwise. */
  async refresh(planId: string): Promise<void> {
    const document = this.instance?.documents.get(planDocumentName(planId));
    if (!document || document.isLoading) return;
    const view = await this.loadView(planId);
    if (!view) return;
    document.transact(() => writeProjection(document, view), { source: 'local', skipStoreHooks: true });
    this.logger.debug({ planId }, 'projection refreshed');
  }
}
