import type { PlanView, SectionContentView } from '@fellesplan/domain';
import { planDocumentName, sectionDocumentName } from '@fellesplan/domain';
import { CONTENT_FIELD, readProjection } from '@fellesplan/editor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendDocumentUpdate } from '../storage/repositories/documents.js';
import { api, command, connectProvider, startTestServer, waitFor, type TestServer } from '../testing/index.js';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  token = await server.login('bruker@demo.no');
});
afterAll(() => server.destroy());

function paragraphWithText(doc: Y.Doc): Y.XmlText {
  const text = new Y.XmlText();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [text]);
  doc.getXmlFragment(CONTENT_FIELD).push([paragraph]);
  return text;
}

/** Old stored data the schema does not allow, written by hand as a Yjs update; by section index. */
const BROKEN: Record<number, { what: string; build: (doc: Y.Doc) => void; cut?: boolean }> = {
  2: { what: 'an unknown node', build: (d) => d.getXmlFragment(CONTENT_FIELD).push([new Y.XmlElement('bogus')]) },
  3: { what: 'a non-XML item', build: (d) => d.getArray(CONTENT_FIELD).push([42]) },
  4: { what: 'a Y.Map in content', build: (d) => d.getArray(CONTENT_FIELD).push([new Y.Map()]) },
  5: { what: 'another root type', build: (d) => d.getMap('other').set('x', 'y') },
  6: { what: 'an unknown mark', build: (d) => paragraphWithText(d).insert(0, 'Hei', { blink: {} }) },
  12: { what: 'an update cut by one byte', build: (d) => paragraphWithText(d).insert(0, 'Hei'), cut: true },
};
const BROKEN_INDICES = Object.keys(BROKEN).map(Number);

async function storeUpdate(index: number, build: (doc: Y.Doc) => void, cut = false): Promise<void> {
  const doc = new Y.Doc();
  build(doc);
  const update = Y.encodeStateAsUpdate(doc);
  await appendDocumentUpdate(
    server.db,
    sectionDocumentName(server.demo.sectionIds[index] ?? ''),
    cut ? update.slice(0, -1) : update,
  );
}

const planView = () => api<PlanView>(server.url, `/api/plans/${server.demo.planId}`, { token });
const content = (index: number, headers: Record<string, string> = {}) =>
  api<SectionContentView & { error?: { code: string; message: string } }>(
    server.url,
    `/api/sections/${server.demo.sectionIds[index] ?? ''}/content`,
    { token, headers },
  );

function expectOnlyBrokenFlagged(view: PlanView): void {
  view.sections.forEach((section, index) => {
    if (BROKEN_INDICES.includes(index)) {
      expect(section.contentError, `section ${index}`).toBe('unreadable');
      expect(section.revision).toMatch(/^unreadable-[0-9a-f]{32}$/);
    } else {
      expect(section.contentError, `section ${index}`).toBeUndefined();
      expect(section.revision).toMatch(/^[0-9a-f]{32}$/);
    }
  });
}

describe('[R2] an unreadable section is an error for that section only', () => {
  beforeAll(async () => {
    for (const [index, { build, cut }] of Object.entries(BROKEN)) await storeUpdate(Number(index), build, cut);
  });

  it('[R2] the plan API answers, with each broken section flagged and every other one as before', async () => {
    const res = await planView();
    expect(res.status).toBe(200);
    expectOnlyBrokenFlagged(res.body);
  });

  it.each(Object.entries(BROKEN).map(([index, { what }]) => [what, Number(index)] as const))(
    '[R2][I1] the content endpoint of a section with %s answers 409 section_unreadable in Norwegian',
    async (_what, index) => {
      const nb = await content(index);
      expect(nb.status).toBe(409);
      expect(nb.body.error).toEqual({
        code: 'section_unreadable',
        message: expect.stringContaining('kan ikke leses') as string,
      });
      const nn = await content(index, { 'accept-language': 'nn' });
      expect(nn.body.error?.message).toContain('kan ikkje lesast');
    },
  );

  it('[R2] every other section’s content endpoint keeps working', async () => {
    for (const index of [0, 1, 7, 8, 9]) {
      const res = await content(index);
      expect(res.status).toBe(200);
      expect(typeof res.body.text).toBe('string');
    }
    expect((await content(0)).body.text).toContain('helsefellesskap');
  });

  it('[R2][O2] the live plan projection loads over a raw provider, with the broken sections flagged', async () => {
    const client = connectProvider(server.url, token, planDocumentName(server.demo.planId));
    await client.synced();
    const projection = await waitFor(() => readProjection(client.doc));
    expectOnlyBrokenFlagged(projection);
    client.destroy();
  });

  it('[R2][C2] a body that turns unreadable gets a new revision, and another with each later change, so markers turn stale', async () => {
    const index = 10;
    const sectionId = server.demo.sectionIds[index] ?? '';
    const mark = await command(server.url, token, 'sections.mark', { sectionId, stance: 'abstain' });
    expect(mark.status).toBe(200);
    await storeUpdate(index, (d) => d.getArray(CONTENT_FIELD).push([42]));
    BROKEN_INDICES.push(index);
    const broken = (await planView()).body.sections[index];
    expect(broken?.revision).toMatch(/^unreadable-/);
    expect(broken?.markers.find((m) => m.partyId === server.demo.partyIds.bruker)?.stale).toBe(true);

    await storeUpdate(index, (d) => d.getArray(CONTENT_FIELD).push([43]));
    expect((await planView()).body.sections[index]?.revision).not.toBe(broken?.revision);
  });

  it('[R2][C1][L1] nobody takes a stance on, or locks, a body nobody can read (409 section_unreadable)', async () => {
    const sectionId = server.demo.sectionIds[3] ?? '';
    const mark = await command(server.url, token, 'sections.mark', { sectionId, stance: 'agree' });
    expect(mark.status).toBe(409);
    expect(mark.body.error?.code).toBe('section_unreadable');
    const lock = await command(server.url, await server.login('sekretariat@demo.no'), 'sections.lock', { sectionId });
    expect(lock.status).toBe(409);
    expect(lock.body.error?.code).toBe('section_unreadable');
  });

  it('[R2] a live connection to a broken section does not take the plan down', async () => {
    const owner = connectProvider(
      server.url,
      await server.login('kommune@demo.no'),
      sectionDocumentName(server.demo.sectionIds[4] ?? ''),
    );
    await owner.synced();
    const res = await planView();
    expect(res.status).toBe(200);
    expectOnlyBrokenFlagged(res.body);
    expect((await content(4)).status).toBe(409);
    owner.destroy();
  });

  it('[R2] after a restart the plan, its projection and the other sections still work', async () => {
    server = await server.restart();
    const res = await planView();
    expect(res.status).toBe(200);
    expectOnlyBrokenFlagged(res.body);
    expect((await content(0)).status).toBe(200);
    expect((await content(2)).status).toBe(409);
    const client = connectProvider(server.url, token, planDocumentName(server.demo.planId));
    await client.synced();
    expectOnlyBrokenFlagged(await waitFor(() => readProjection(client.doc)));
    client.destroy();
  });
});
