import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendParagraph, useFixture } from '../../testing/index.js';
import { KNOWN_HISTORY_LIMIT, recordSectionEdits } from './sectionEdits.js';

const f = useFixture();

/**
 * The document writer (the SQLite writer thread, or the server itself on PostgreSQL) remembers
 * which sections have history so it need not ask again. It remembered every section ever edited
 * for as long as the process ran: memory that grew with every new section anyone touched.
 */
describe('the sections known to have history are bounded', () => {
  it('a section edited when the limit is reached is remembered, and the one known longest is forgotten', async () => {
    const plan = await f.plan();
    const section = plan.section('Samarbeidsstruktur og organisering');
    const known = new Set(Array.from({ length: KNOWN_HISTORY_LIMIT }, (_, i) => `earlier-${i}`));
    const doc = new Y.Doc();
    appendParagraph(doc, 'Ny setning.');
    const update = Y.encodeStateAsUpdate(doc);
    await f.db
      .transaction()
      .execute((trx) =>
        recordSectionEdits(trx, [{ documentName: section.documentName, update }], new Date().toISOString(), known),
      );
    expect(known.size).toBe(KNOWN_HISTORY_LIMIT);
    expect(known.has(section.id)).toBe(true);
    expect(known.has('earlier-0')).toBe(false);
    // Forgotten only means asked again: the baseline and the edit are both there, once.
    const rows = await f.db.selectFrom('section_edits').select('id').where('section_id', '=', section.id).execute();
    expect(rows).toHaveLength(2);
  });
});
