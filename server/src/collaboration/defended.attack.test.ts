import { sectionDocumentName } from '@fellesplan/domain';
import { CONTENT_FIELD } from '@fellesplan/editor';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { api, connectProvider, waitFor, rawCollabClient, useFixture } from '../testing/index.js';

const f = useFixture();

const SYNC = 0;

const rawClient = (documentName: string, token: string) => rawCollabClient(f.url, documentName, token);

describe('adversarial sync messages', () => {
  it('[I1] a read-only member sending a malformed SyncStep2 closes at most its own connection', async () => {
    const name = f.section('Nasjonale og lokale føringer').documentName;
    const owner = connectProvider(f.url, f.token('kommune'), name);
    await owner.synced();
    const reader = await rawClient(name, f.token('bruker'));
    for (const bytes of [new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]), new Uint8Array([1, 200, 1, 7])]) {
      reader.send((e) => {
        encoding.writeVarUint(e, SYNC);
        encoding.writeVarUint(e, 1); // step 2
        encoding.writeVarUint8Array(e, bytes);
      });
    }
    const health = await api(f.url, '/api/health');
    expect(health.status).toBe(200);
    const other = connectProvider(f.url, f.token('helseforetak'), name);
    await other.synced();
    reader.close();
    other.destroy();
    owner.destroy();
  });

  it.each([
    ['an overlapping link mark name', 'link--a1b2', 'javascript:alert(1)'],
    ['a javascript: link with a tab', 'link', 'java\tscript:alert(1)'],
    ['a relative link', 'link', '//evil.example/x'],
    ['a data: link', 'link', 'data:text/html,<script>alert(1)</script>'],
  ])('[K1] %s is not stored or served', async (_label, key, href) => {
    const plan = await f.plan();
    const sectionId = plan.section('Skrøpelige eldre').id;
    const name = sectionDocumentName(sectionId);
    const attacker = connectProvider(f.url, f.token('kommune'), name);
    await attacker.synced();
    const reasons: string[] = [];
    attacker.provider.on('close', ({ event }: { event: { reason: string } }) => reasons.push(event.reason));
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, 'Klikk', { [key]: { href, target: null, rel: null, class: null } });
    paragraph.insert(0, [text]);
    attacker.doc.getXmlFragment(CONTENT_FIELD).insert(0, [paragraph]);
    await waitFor(() => reasons.length > 0 || !attacker.provider.hasUnsyncedChanges);
    attacker.destroy();
    const served = await api(f.url, `/api/sections/${sectionId}/content`, { token: f.token('bruker') });
    expect(served.status).toBe(200);
    expect(JSON.stringify(served.body)).not.toContain(href.slice(0, 6));
  });
});
