import { parseDocumentName, planDocumentName, type PlanView } from '@fellesplan/domain';
import { writeProjection } from '@fellesplan/editor';
import type { Extension, Hocuspocus, onLoadDocumentPayload } from '@hocuspocus/server';
import type { Logger } from 'pino';

/**
 * Keeps `plan:<id>` documents a read-only projection of the database (DESIGN 2): built when the
 * document loads, rewritten after every command. Never stored: it is derived data.
 */
export class ProjectionExtension implements Extension {
  readonly extensionName = 'Projection';
  private instance: Hocuspocus | undefined;

  constructor(
    private readonly loadView: (planId: string) => Promise<PlanView | null>,
    private readonly logger: Logger,
  ) {}

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
