import { planDocumentName, sectionDocumentName } from '@fellesplan/domain';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { api, appendParagraph, command, rawCollabClient, useFixture, waitFor } from '../testing/index.js';

const f = useFixture();

const SYNC = 0;

/** A hand-made update appending one paragraph, as a client that ignores read-only would send it. */
function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  appendParagraph(doc, text);
  return Y.encodeStateAsUpdate(doc);
}

function sendUpdate(client: Awaited<ReturnType<typeof rawCollabClient>>, step: 1 | 2, update: Uint8Array) {
  client.send((e) => {
    encoding.writeVarUint(e, SYNC);
    encoding.writeVarUint(e, step);
    encoding.writeVarUint8Array(e, update);
  });
}

async function textOf(sectionId: string): Promise<string> {
  const res = await api<{ text: string }>(f.url, `/api/sections/${sectionId}/content`, { token: f.token('kommune') });
  return res.body.text;
}

describe('connection scope flips from raw clients', () => {
  it('[L1] an owner socket that ignores the lock cannot write, and writes again after the unlock', async () => {
    const plan = await f.plan();
    const view = await plan.view('kommune');
    const section = view.sections.find((s) => s.owners.includes(f.party('kommune')));
    if (!section) throw new Error('no section owned by kommune');
    const name = sectionDocumentName(section.id);
    const owner = await rawCollabClient(f.url, name, f.token('kommune'));
    const reader = await rawCollabClient(f.url, name, f.token('bruker'));
    await waitFor(() => owner.received.length > 0 && reader.received.length > 0);
    sendUpdate(owner, 2, paragraphUpdate('Før låsing.'));
    await waitFor(async () => (await textOf(section.id)).includes('Før låsing.'));
    const { replies } = await plan.agreeAll(section.title);
    for (const r of replies) expect(r.status).toBe(200);
    expect((await command(f.url, f.token('sekretariat'), 'sections.lock', { sectionId: section.id })).status).toBe(200);
    for (const step of [1, 2] as const) {
      sendUpdate(owner, step, paragraphUpdate(`Låst ${step}.`));
      sendUpdate(reader, step, paragraphUpdate(`Leser ${step}.`));
    }
    const unlocked = await command(f.url, f.token('sekretariat'), 'sections.unlock', {
      sectionId: section.id,
      reason: 'Mer',
    });
    expect(unlocked.status).toBe(200);
    sendUpdate(reader, 2, paragraphUpdate('Leser etter opplåsing.'));
    sendUpdate(owner, 2, paragraphUpdate('Etter opplåsing.'));
    await waitFor(async () => (await textOf(section.id)).includes('Etter opplåsing.'));
    const text = await textOf(section.id);
    expect(text).not.toMatch(/Låst|Leser/);
    owner.close();
    reader.close();
  });

  it('[O2] documents addressed by the wrong kind or malformed names are refused and break nothing', async () => {
    const plan = await f.plan();
    const section = plan.section('Innledning');
    const names = [
      planDocumentName(section.id),
      sectionDocumentName(plan.id),
      sectionDocumentName(f.other.section('Innledning').id),
      planDocumentName(f.other.plan.id),
      'section:',
      'plan:',
      `section:${section.id}\n`,
      `section:${section.id}:x`,
      `SECTION:${section.id}`,
      `section:${'a'.repeat(65)}`,
      `section:${'a'.repeat(100_000)}`,
      '__proto__',
      'section:__proto__',
      'plan:constructor',
    ];
    const clients = await Promise.all(names.map((n) => rawCollabClient(f.url, n, f.token('kommune'))));
    for (const client of clients) sendUpdate(client, 2, paragraphUpdate('Inntrenger.'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const health = await api(f.url, '/api/health');
    expect(health.status).toBe(200);
    expect(await textOf(section.id)).not.toContain('Inntrenger.');
    const otherText = await api<{ text: string }>(f.url, `/api/sections/${f.other.section('Innledning').id}/content`, {
      token: f.other.token('kommune'),
    });
    expect(otherText.body.text).not.toContain('Inntrenger.');
    for (const client of clients) client.close();
  });
});
