import { MAX_AWARENESS_STATE_BYTES, sectionDocumentName } from '@fellesplan/domain';
import { CONTENT_FIELD } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { api, connectProvider, waitFor, rawCollabClient, useFixture } from '../testing/index.js';

const f = useFixture();

const rawClient = (documentName: string, token: string) => rawCollabClient(f.url, documentName, token);

describe('adversarial presence', () => {
  it('[PR1] one awareness message naming the same id twice (large state first, newer clock) cannot relay a large state', async () => {
    const name = f.section('Barn og unge').documentName;
    const observer = connectProvider(f.url, f.token('kommune'), name);
    await observer.synced();
    const attacker = await rawClient(name, f.token('bruker'));
    // The scratch awareness keeps the entry with the higher clock (the large one); the size
    // check reads the last entry of the message (the small one).
    attacker.announceMany([
      [616161, 10, { padding: 'x'.repeat(MAX_AWARENESS_STATE_BYTES * 64), marker: 'large' }],
      [616161, 5, { marker: 'small' }],
    ]);
    attacker.announceMany([[717171, 1, { marker: 'done' }]]);
    // The second id is refused (one id per connection), so wait on a fresh attacker socket's marker.
    const probe = await rawClient(name, f.token('fastlege'));
    probe.announceMany([[818181, 1, { marker: 'probe' }]]);
    await waitFor(() => observer.provider.awareness?.getStates().get(818181)?.marker === 'probe');
    const relayed = observer.provider.awareness?.getStates().get(616161);
    expect(JSON.stringify(relayed ?? {}).length).toBeLessThan(MAX_AWARENESS_STATE_BYTES);
    attacker.close();
    probe.close();
    observer.destroy();
  });

  it('[PR1] a member who saw a colleague’s client id cannot take it over while the colleague reconnects', async () => {
    const name = f.section('Personer med alvorlige psykiske lidelser og rusproblemer').documentName;
    const observer = connectProvider(f.url, f.token('fastlege'), name);
    const victimDoc = new Y.Doc();
    let victim = connectProvider(f.url, f.token('helseforetak'), name, victimDoc);
    await Promise.all([observer.synced(), victim.synced()]);
    victim.provider.setAwarenessField('marker', 'victim');
    await waitFor(() => observer.provider.awareness?.getStates().get(victimDoc.clientID)?.marker === 'victim');

    // The victim's connection drops (network blip, server restart); the attacker, who learnt the
    // id from awareness or from the client ids in the section's updates, claims it first.
    victim.destroy();
    await waitFor(() => !observer.provider.awareness?.getStates().has(victimDoc.clientID));
    const attacker = await rawClient(name, f.token('bruker'));
    attacker.announceMany([[victimDoc.clientID, 100, { marker: 'kapret' }]]);
    // Once its own id shows, the attempt on the victim's id was handled: it must not show.
    attacker.announceMany([[777_777, 1, { marker: 'angriper' }]]);
    await waitFor(() => observer.provider.awareness?.getStates().get(777_777)?.marker === 'angriper');
    expect(observer.provider.awareness?.getStates().get(victimDoc.clientID)?.marker).not.toBe('kapret');

    victim = connectProvider(f.url, f.token('helseforetak'), name, victimDoc);
    await victim.synced();
    // A new provider on the same doc starts its awareness clock again; observers ignore clocks
    // they have passed, so move it past the old one, as a long-lived client's would be.
    for (let i = 0; i < 10; i++) victim.provider.setAwarenessField('marker', `victim again ${i}`);
    victim.provider.setAwarenessField('marker', 'victim again');
    // Safe: the victim is seen again, as itself.
    await waitFor(() => observer.provider.awareness?.getStates().get(victimDoc.clientID)?.marker === 'victim again', {
      timeout: 3000,
    });
    expect(observer.provider.awareness?.getStates().get(victimDoc.clientID)?.user).toMatchObject({
      name: 'Ola Hansen',
    });
    attacker.close();
    victim.destroy();
    observer.destroy();
  });
});

describe('adversarial table cells', () => {
  it.each([
    ['colspan', 'Skrøpelige eldre', { colspan: 50_000_000, rowspan: 1, colwidth: null }],
    ['rowspan', 'Personer med flere kroniske lidelser', { colspan: 1, rowspan: 50_000_000, colwidth: null }],
    ['colwidth', 'Akuttmedisinsk kjede', { colspan: 1, rowspan: 1, colwidth: 'not an array' }],
  ] as const)(
    '[I2] a table cell with a hostile %s is refused (readers build a table map from it)',
    async (_label, title, attrs) => {
      const plan = await f.plan();
      const sectionId = plan.section(title).id;
      const name = sectionDocumentName(sectionId);
      const attacker = connectProvider(f.url, f.token('kommune'), name);
      await attacker.synced();
      const reasons: string[] = [];
      attacker.provider.on('close', ({ event }: { event: { reason: string } }) => reasons.push(event.reason));
      const table = new Y.XmlElement('table');
      const row = new Y.XmlElement('tableRow');
      const cell = new Y.XmlElement('tableCell');
      for (const [key, value] of Object.entries(attrs)) cell.setAttribute(key, value as string);
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      text.insert(0, 'celle');
      paragraph.insert(0, [text]);
      cell.insert(0, [paragraph]);
      row.insert(0, [cell]);
      table.insert(0, [row]);
      attacker.doc.getXmlFragment(CONTENT_FIELD).insert(0, [table]);
      await waitFor(() => reasons.length > 0 || !attacker.provider.hasUnsyncedChanges);
      attacker.destroy();
      const served = await api<{ json: unknown }>(f.url, `/api/sections/${sectionId}/content`, {
        token: f.token('bruker'),
      });
      expect(JSON.stringify(served.body)).not.toContain('50000000');
      expect(JSON.stringify(served.body)).not.toContain('not an array');
    },
  );
});

describe('adversarial sockets', () => {
  it('[RS2] idle anonymous sockets from an address do not lock a logged-in user there out', async () => {
    const idle: WebSocket[] = [];
    for (let i = 0; i < 25; i++) {
      const ws = new WebSocket(`${f.url.replace('http', 'ws')}/collab`);
      ws.on('error', () => undefined);
      idle.push(ws);
    }
    await waitFor(() => idle.every((ws) => ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CLOSED));
    const honest = connectProvider(f.url, f.token('helseforetak'), f.section('Innledning og mandat').documentName);
    try {
      await expect(
        Promise.race([honest.synced().then(() => 'synced'), waitFor(() => false, { timeout: 4000 })]),
      ).resolves.toBe('synced');
    } finally {
      honest.destroy();
      for (const ws of idle) ws.terminate();
    }
  });
});
