import { DomainError } from '@fellesplan/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { visiblePlan } from '../access/visibleTo.js';
import { loadHearingSummary } from '../hearingSummary/loadHearingSummary.js';
import { remarksCsv } from '../hearingSummary/remarksCsv.js';
import { requireActor } from '../http/authenticate.js';
import type { SessionUser } from '../auth/sessions.js';
import { findHearing } from '../storage/repositories/hearings.js';
import { exportDisposition } from '../wordExport/exportFilename.js';
import type { AppContext } from './context.js';
import { hearingParams } from './hearings.js';
/** `?public=1`: the summary as the public may read it (no withheld response, redacted text). */
export const summaryQuery = z.object({ public: z.enum(['0', '1']).optional() }).strict();

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The hearing's plan id, if the actor is a member of it; 404 for everyone else, as for a missing one. */
async function visibleHearingPlan(ctx: AppContext, actor: SessionUser, hearingId: string): Promise<string> {
  const row = await findHearing(ctx.db, hearingId);
  if (!row) throw new DomainError('not_found');
  return (await visiblePlan(ctx.db, actor, row.plan_id)).id;
}

/**
 * The høringsoppsummering for members of the plan: `summary.docx` (internal, or `?public=1`) and
 * `remarks.csv`, every remark one row, for analysis in a spreadsheet.
 */
export function hearingSummaryRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/hearings/:hearingId/summary.docx', async (request, reply) => {
    const actor = await requireActor(ctx.db, request);
    const { hearingId } = hearingParams.parse(request.params);
    const publicOnly = summaryQuery.parse(request.query).public === '1';
    await visibleHearingPlan(ctx, actor, hearingId);
    const doc = await loadHearingSummary(ctx.db, hearingId, { publicOnly, at: new Date().toISOString() });
    const file = await ctx.wordDocuments.exportSummaryDocx(doc, actor.userId);
    request.log.info({ hearingId, publicOnly, bytes: file.byteLength }, 'hearing summary exported');
    return reply
      .header('content-type', DOCX)
      .header('content-disposition', exportDisposition(`Høringsoppsummering ${doc.title}`, 'docx'))
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(file.buffer, file.byteOffset, file.byteLength));
  });

  app.get('/api/hearings/:hearingId/remarks.csv', async (request, reply) => {
    const actor = await requireActor(ctx.db, request);
    const { hearingId } = hearingParams.parse(request.params);
    const publicOnly = summaryQuery.parse(request.query).public === '1';
    await visibleHearingPlan(ctx, actor, hearingId);
    const doc = await loadHearingSummary(ctx.db, hearingId, { publicOnly, at: new Date().toISOString() });
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', exportDisposition(`Innspill ${doc.title}`, 'csv'))
      .header('cache-control', 'private, no-store')
      .send(remarksCsv(doc));
  });
}
