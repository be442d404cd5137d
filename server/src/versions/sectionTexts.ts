import { canonicalJson, type SectionContentView } from '@fellesplan/domain';
import type { Db } from '../storage/database.js';

/**
 * Keeps a section body by its revision. The revision is a hash of the body, so a row for it is
 * the same whoever writes it: a second write is a no-op, never a change.
 */
export async function storeSectionText(db: Db, sectionId: string, body: SectionContentView, at: string): Promise<void> {
  await db
    .insertInto('section_texts')
    .values({
      section_id: sectionId,
      revision: body.revision,
      json: canonicalJson(body.json),
      text: body.text,
      created_at: at,
    })
    .onConflict((oc) => oc.columns(['section_id', 'revision']).doNothing())
    .execute();
}

/** The body a section had at `revision`, if it was ever kept (a marker or a version was set on it). */
export async function loadSectionText(db: Db, sectionId: string, revision: string): Promise<SectionContentView | null> {
  const row = await db
    .selectFrom('section_texts')
    .select(['json', 'text'])
    .where('section_id', '=', sectionId)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return row ? { revision, json: JSON.parse(row.json) as unknown, text: row.text } : null;
}
