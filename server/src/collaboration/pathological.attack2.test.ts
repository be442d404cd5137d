import { sectionDocumentName } from '@fellesplan/domain';
import { CONTENT_FIELD } from '@fellesplan/editor';
import type { Extension } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { api, appendParagraph, closeReasons, connectProvider, waitFor, useFixture } from '../testing/index.js';

const f = useFixture();

/** Nested blockquotes built top-down, so neither side recurses while building them. */
function nestBlockquotes(doc: Y.Doc, depth: number): void {
  doc.transact(() => {
    let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment(CONTENT_FIELD);
    for (let i = 0; i < depth; i++) {
      const quote = new Y.XmlElement('blockquote');
      parent.insert(0, [quote]);
      parent = quote;
    }
    const paragraph = new Y.XmlElement('paragraph');
    parent.insert(0, [paragraph]);
    paragraph.insert(0, [new Y.XmlText('dypt')]);
  });
}

describe('pathological updates from an owner', () => {
  it('[P1] a refused deeply nested update (3,000 blockquotes) does not stop colleagues editing the section', async () => {
    const plan = await f.plan();
    const sectionId = plan.section('Samarbeidsstruktur og organisering').id;
    const name = sectionDocumentName(sectionId);
    const attacker = connectProvider(f.url, f.token('kommune'), name);
    const colleague = connectProvider(f.url, f.token('helseforetak'), name);
    await Promise.all([attacker.synced(), colleague.synced()]);
    const reasons = closeReasons(attacker);
    nestBlockquotes(attacker.doc, 3000);
    await waitFor(() => reasons.length > 0);
    attacker.destroy();

    // The colleague's own edit must still be accepted and stored.
    const colleagueReasons = closeReasons(colleague);
    appendParagraph(colleague.doc, 'Kollegaens avsnitt etter angrepet');
    await waitFor(
      async () => colleagueReasons.length > 0 || (await f.storedText(sectionId)).includes('Kollegaens avsnitt'),
    );
    expect(colleagueReasons).toEqual([]);
    expect(await f.storedText(sectionId)).toContain('Kollegaens avsnitt etter angrepet');
    expect((await api(f.url, '/api/health')).status).toBe(200);
    colleague.destroy();
  });

  it('[P1] one 10 MB paragraph from an owner is refused, not stored', async () => {
    const plan = await f.plan();
    const sectionId = plan.section('Barn og unge').id;
    const name = sectionDocumentName(sectionId);
    const attacker = connectProvider(f.url, f.token('kommune'), name);
    await attacker.synced();
    const reasons = closeReasons(attacker);
    const marker = 'STORMARKOR';
    appendParagraph(attacker.doc, marker + 'x'.repeat(10 * 1024 * 1024));
    await waitFor(async () => reasons.length > 0 || (await f.storedText(sectionId)).includes(marker), {
      timeout: 20_000,
      interval: 200,
    });
    attacker.destroy();
    expect((await api(f.url, '/api/health')).status).toBe(200);
    expect((await f.storedText(sectionId)).includes(marker)).toBe(false);
  }, 30_000);
});

describe('sessions', () => {
  it('[S3] a document whose authentication is under way when its session logs out does not become writable', async () => {
    const plan = await f.plan();
    const sectionId = plan.section('Personer med alvorlige psykiske lidelser og rusproblemer').id;
    const name = sectionDocumentName(sectionId);
    const token = await f.server.login('kommune@demo.no');
    // Hold the document's first load until logout has answered: the connection then authenticated
    // with a session that no longer exists by the time it is established.
    let reached!: () => void;
    const loading = new Promise<void>((resolve) => (reached = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const gateExtension: Extension = {
      extensionName: 'attack2-gate',
      async onLoadDocument({ documentName }) {
        if (documentName !== name) return;
        reached();
        await gate;
      },
    };
    f.server.collaboration.hocuspocus.configuration.extensions.push(gateExtension);
    try {
      const attacker = connectProvider(f.url, token, name);
      const reasons = closeReasons(attacker);
      await loading;
      const logout = await api(f.url, '/api/session', { method: 'DELETE', token });
      expect(logout.status).toBe(200);
      release();
      await waitFor(() => reasons.length > 0 || attacker.provider.isSynced);
      appendParagraph(attacker.doc, 'Skrevet etter utlogging');
      await waitFor(
        async () => reasons.length > 0 || (await f.storedText(sectionId)).includes('Skrevet etter utlogging'),
      );
      expect((await f.storedText(sectionId)).includes('Skrevet etter utlogging')).toBe(false);
      attacker.destroy();
    } finally {
      release();
      const extensions = f.server.collaboration.hocuspocus.configuration.extensions;
      extensions.splice(extensions.indexOf(gateExtension), 1);
    }
  });
});
