import { DomainError, idSchema } from '@fellesplan/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../http/authenticate.js';
import { visiblePlan } from '../access/visibleTo.js';
import { currentExportDocument, versionExportDocument } from '../wordExport/currentExportDocument.js';
import { loadVersionView } from '../versions/versionStore.js';
import type { ExportDocument } from '../wordExport/exportDocument.js';
import { exportDisposition } from '../wordExport/exportFilename.js';
import type { AppContext } from './context.js';

const exportParams = z.object({ planId: idSchema });
export const exportQuery = z.object({ version: idSchema.optional() }).strict();

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/**
 * `GET /api/plans/:planId/export.docx|pdf[?version=<id>]`: for the plan's readers, as the plan
 * page shows it. Packing and printing happen off the event loop, a few at a time.
 */
export function planExportRoutes(app: FastifyInstance, ctx: AppContext): void {
  for (const format of ['docx', 'pdf'] as const) {
    app.get(`/api/plans/:planId/export.${format}`, async (request, reply) => {
      const actor = await requireActor(ctx.db, request);
      const plan = await visiblePlan(ctx.db, actor, exportParams.parse(request.params).planId);
      const { version } = exportQuery.parse(request.query);
      const doc = await exportDocument(ctx, plan.id, version);
      const file =
        format === 'docx'
          ? await ctx.wordDocuments.exportDocx(doc, actor.userId)
          : await ctx.wordDocuments.exportPdf(doc, actor.userId);
      request.log.info({ planId: plan.id, format, version: version ?? null, bytes: file.byteLength }, 'plan exported');
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', exportDisposition(doc.title, format))
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(file.buffer, file.byteOffset, file.byteLength));
    });
  }
}

async function exportDocument(ctx: AppContext, planId: string, versionId: string | undefined): Promise<ExportDocument> {
  if (versionId === undefined) return currentExportDocument(ctx, planId);
  const version = await loadVersionView(ctx.db, versionId);
  // A version of another plan is as unknown here as one that does not exist.
  if (!version || version.id !== planId) throw new DomainError('version_not_found');
  return versionExportDocument(version);
}
