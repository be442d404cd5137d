import fastifyMultipart from '@fastify/multipart';
import { adminRefusal, COMMANDS, DomainError, IMPORT_LIMITS, type ImportPreview } from '@fellesplan/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { plansImport } from '../commands/plansCreate.js';
import { requireActor } from '../http/authenticate.js';
import { TOO_LARGE_PARAMS } from '../wordImport/docxPackage.js';
import type { AppContext } from './context.js';

export const importQuery = z.object({ preview: z.enum(['1', 'true', '0', 'false']).optional() }).strict();

/** Form fields beside the file; repeated names (`partyIds`, `ownerIds`) make lists. */
const FIELD_NAMES = new Set(['title', 'forum', 'period', 'partyIds', 'ownerIds']);
const MAX_FIELDS = 2 * 200 + 3;

interface Upload {
  file: Buffer | null;
  fields: Map<string, string[]>;
}

/**
 * `POST /api/plans/import` (multipart: `file`, a .docx; `title`, `forum`, `period`, `partyIds`,
 * `ownerIds`): a plan made from a Word file by `plans.create`'s own rules. With `?preview=1`
 * only the proposed sections, nothing created. Multipart is parsed only on this route.
 */
export async function planImportRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: {
        fileSize: IMPORT_LIMITS.maxFileBytes,
        files: 1,
        fields: MAX_FIELDS,
        fieldSize: 4_096,
        parts: MAX_FIELDS + 1,
        headerPairs: 100,
      },
    });
    scope.post('/api/plans/import', async (request): Promise<ImportPreview | { id: string }> => {
      const actor = await requireActor(ctx.db, request);
      const refusal = adminRefusal(actor);
      if (refusal) throw new DomainError(refusal);
      const preview = ['1', 'true'].includes(importQuery.parse(request.query).preview ?? '');
      const { file, fields } = await readUpload(request);
      const one = (name: string) => fields.get(name)?.[0]?.trim() || undefined;
      const planInput = {
        title: one('title'),
        forum: one('forum'),
        period: one('period'),
        template: 'blank',
        partyIds: fields.get('partyIds') ?? [],
      };
      // Checked before the file is read, so a form that cannot become a plan costs no work.
      if (!preview) COMMANDS['plans.create'].input.parse(planInput);
      if (!file || file.length === 0) throw new DomainError('import_invalid_file');

      const read = await ctx.wordDocuments.importDocx(new Uint8Array(file.buffer, file.byteOffset, file.byteLength));
      if (!read.ok) throw new DomainError(read.code, read.params);
      request.log.info({ bytes: file.length, sections: read.sections.length, warnings: read.warnings }, 'docx read');
      if (preview) {
        return { sections: read.sections.map(({ body: _body, ...section }) => section), warnings: read.warnings };
      }
      const owners = fields.get('ownerIds') ?? [actor.partyId];
      const created = await plansImport({ sections: read.sections, owners }).run(ctx, actor, planInput);
      return created as { id: string };
    });
  });
}

async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw new DomainError('import_invalid_file');
  const upload: Upload = { file: null, fields: new Map() };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || upload.file) {
          part.file.resume();
          throw new DomainError('import_invalid_file');
        }
        upload.file = await part.toBuffer();
      } else if (FIELD_NAMES.has(part.fieldname) && typeof part.value === 'string') {
        upload.fields.set(part.fieldname, [...(upload.fields.get(part.fieldname) ?? []), part.value]);
      }
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const code = (error as { code?: string }).code;
    request.log.info({ code }, 'upload refused');
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
      throw new DomainError('import_too_large', TOO_LARGE_PARAMS);
    }
    throw new DomainError('import_invalid_file');
  }
  return upload;
}
