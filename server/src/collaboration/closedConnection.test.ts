import type { Connection } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendParagraph, connectProvider, storedSectionText, useFixture, waitFor } from '../testing/index.js';
import type { CollabContext } from './context.js';

/**
 * [L2][P1] A message that waited (behind a lock, a slow write) while its socket closed is not
 * stored: its client sends it again when it reconnects, or dropped it when told it may only read.
 * Stored anyway, text appears that its writer saw vanish, after everyone agreed on the text.
 */
const f = useFixture();
const TITLE = 'Samarbeidsstruktur og organisering';
const SYNC_UPDATE = 2;

describe('updates from a closed connection', () => {
  it('[L2][L5] an update handled after its socket closed is neither stored nor applied', async () => {
    const plan = await f.plan();
    const { id: sectionId, documentName } = plan.section(TITLE);
    const client = connectProvider(f.url, f.token('kommune'), documentName);
    await client.synced();
    const document = f.server.collaboration.hocuspocus.documents.get(documentName);
    if (!document) throw new Error('the section is not loaded');
    const [connection] = [...document.getConnections()] as Connection<CollabContext>[];
    if (!connection) throw new Error('no connection');
    // A second reader keeps the document loaded once the writer has gone.
    const reader = connectProvider(f.url, f.token('helseforetak'), documentName);
    await reader.synced();

    // The client's edit, as the message it had sent before going away.
    const edit = new Y.Doc();
    Y.applyUpdate(edit, Y.encodeStateAsUpdate(client.doc));
    const before = Y.encodeStateVector(edit);
    appendParagraph(edit, 'Sendt før klienten ga seg.');
    const payload = Y.encodeStateAsUpdate(edit, before);
    client.destroy();
    await waitFor(() => !document.hasConnection(connection));

    await f.server.collaboration.persistence.beforeSync({
      type: SYNC_UPDATE,
      payload,
      connection,
      document,
      documentName,
    } as Parameters<typeof f.server.collaboration.persistence.beforeSync>[0]);

    expect(connection.readOnly).toBe(true);
    expect(await storedSectionText(f.db, sectionId)).not.toContain('Sendt før klienten ga seg.');
    reader.destroy();
  });
});
