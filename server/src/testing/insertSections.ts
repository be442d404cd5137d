import { randomUUID } from 'node:crypto';
import { sectionDocumentName } from '@fellesplan/domain';
import { plainTextToDoc, writeJsonToYDoc } from '@fellesplan/editor';
import * as Y from 'yjs';
import type { Db } from '../storage/database.js';
import { appendDocumentUpdates } from '../storage/repositories/documents.js';

export interface NewSections {
  planId: string;
  titles: readonly string[];
  owners: readonly string[];
  requiredParties: readonly string[];
  /** Every section's opening text. */
  body: string;
}

/**
 * Adds sections at the end of a plan straight into the database, as seeding does, without a
 * second partnership (whose users would each cost a password hash). Returns their ids.
 */
export async function insertSections(db: Db, spec: NewSections): Promise<string[]> {
  const at = new Date().toISOString();
  const last = await db
    .selectFrom('sections')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('plan_id', '=', spec.planId)
    .executeTakeFirst();
  const first = Number(last?.position ?? -1) + 1;
  const ids = spec.titles.map(() => randomUUID());
  const doc = new Y.Doc();
  writeJsonToYDoc(doc, plainTextToDoc(spec.body));
  const body = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  await db.transaction().execute(async (trx) => {
    for (const [index, id] of ids.entries()) {
      const title = spec.titles[index] ?? '';
      await trx
        .insertInto('sections')
        .values({ id, plan_id: spec.planId, position: first + index, title, locked: 0, created_at: at })
        .execute();
      if (spec.owners.length > 0)
        await trx
          .insertInto('section_owners')
          .values(spec.owners.map((party_id) => ({ section_id: id, party_id })))
          .execute();
      if (spec.requiredParties.length > 0)
        await trx
          .insertInto('section_required_parties')
          .values(spec.requiredParties.map((party_id) => ({ section_id: id, party_id })))
          .execute();
      await appendDocumentUpdates(trx, [{ documentName: sectionDocumentName(id), update: body }]);
    }
  });
  return ids;
}
