import { sectionDocumentName } from '@fellesplan/domain';
import { CONTENT_FIELD } from '@fellesplan/editor';
import type { Extension } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  api,
  appendParagraph,
  connectProvider,
  useTestServer,
  waitFor,
  type DemoTokens,
  type TestProvider,
  type TestServer,
} from '../testing/index.js';

let server: TestServer;
let tokens: DemoTokens;
useTestServer((started, loggedIn) => {
  server = started;
  tokens = loggedIn;
});

function closeReasons(client: TestProvider): string[] {
  const reasons: string[] = [];
  client.provider.on('close', ({ event }: { event: { reason: string } }) => reasons.push(event.reason));
  return reasons;
}

async function contentText(sectionId: string): Promise<string> {
  const content = await api<{ text?: string }>(server.url, `/api/sections/${sectionId}/content`, {
    token: tokens.bruker,
  });
  return content.body.text ?? '';
}

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
    const sectionId = server.demo.sectionIds[3] ?? '';
    const name = sectionDocumentName(sectionId);
    const attacker = connectProvider(server.url, tokens.kommune, name);
    const colleague = connectProvider(server.url, tokens.hf, name);
    await Promise.all([attacker.synced(), colleague.synced()]);
    const reasons = closeReasons(attacker);
    nestBlockquotes(attacker.doc, 3000);
    await waitFor(() => reasons.length > 0);
    attacker.destroy();

    // The colleague's own edit must still be accepted and stored.
    const colleagueReasons = closeReasons(colleague);
    appendParagraph(colleague.doc, 'Kollegaens avsnitt etter angrepet');
    await waitFor(
      async () => colleagueReasons.length > 0 || (await contentText(sectionId)).includes('Kollegaens avsnitt'),
    );
    expect(colleagueReasons).toEqual([]);
    expect(await contentText(sectionId)).toContain('Kollegaens avsnitt etter angrepet');
    expect((await api(server.url, '/api/health')).status).toBe(200);
    colleague.destroy();
  });

  it('[P1] one 10 MB paragraph from an owner is refused, not stored', async () => {
    const sectionId = server.demo.sectionIds[4] ?? '';
    const name = sectionDocumentName(sectionId);
    const attacker = connectProvider(server.url, tokens.kommune, name);
    await attacker.synced();
    const reasons = closeReasons(attacker);
    const marker = 'STORMARKOR';
    appendParagraph(attacker.doc, marker + 'x'.repeat(10 * 1024 * 1024));
    await waitFor(async () => reasons.length > 0 || (await contentText(sectionId)).includes(marker), {
      timeout: 20_000,
      interval: 200,
    });
    attacker.destroy();
    expect((await api(server.url, '/api/health')).status).toBe(200);
    expect((await contentText(sectionId)).includes(marker)).toBe(false);
  }, 30_000);
});

describe('sessions', () => {
  it('[S3] a document whose authentication is under way when its session logs out does not become writable', async () => {
    const sectionId = server.demo.sectionIds[5] ?? '';
    const name = sectionDocumentName(sectionId);
    const token = await server.login('kommune@demo.no');
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
    server.collaboration.hocuspocus.configuration.extensions.push(gateExtension);
    try {
      const attacker = connectProvider(server.url, token, name);
      const reasons = closeReasons(attacker);
      await loading;
      const logout = await api(server.url, '/api/session', { method: 'DELETE', token });
      expect(logout.status).toBe(200);
      release();
      await waitFor(() => reasons.length > 0 || attacker.provider.isSynced);
      appendParagraph(attacker.doc, 'Skrevet etter utlogging');
      await waitFor(
        async () => reasons.length > 0 || (await contentText(sectionId)).includes('Skrevet etter utlogging'),
      );
      expect((await contentText(sectionId)).includes('Skrevet etter utlogging')).toBe(false);
      attacker.destroy();
    } finally {
      release();
      const extensions = server.collaboration.hocuspocus.configuration.extensions;
      extensions.splice(extensions.indexOf(gateExtension), 1);
    }
  });
});
