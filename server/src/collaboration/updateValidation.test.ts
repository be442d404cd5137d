import { sectionDocumentName } from '@fellesplan/domain';
import { CONTENT_FIELD, readTextFromYDoc } from '@fellesplan/editor';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { loadDocumentState } from '../storage/repositories/documents.js';
import {
  api,
  appendParagraph,
  closeReasons,
  connectProvider,
  waitFor,
  useFixture,
  type FixturePlan,
} from '../testing/index.js';

const f = useFixture();

/** The stored document's state vector: it changes if anything of an update was kept. */
async function storedStateVector(sectionId: string): Promise<string> {
  const doc = new Y.Doc();
  const state = await loadDocumentState(f.db, sectionDocumentName(sectionId));
  if (state) Y.applyUpdate(doc, state);
  return Buffer.from(Y.encodeStateVector(doc)).toString('base64');
}

async function expectPlanReadable(plan: FixturePlan): Promise<void> {
  const view = await api(f.url, `/api/plans/${plan.id}`, { token: f.token('bruker') });
  expect(view.status).toBe(200);
  for (const { id: sectionId } of plan.sections) {
    const content = await api(f.url, `/api/sections/${sectionId}/content`, { token: f.token('bruker') });
    expect(content.status, sectionId).toBe(200);
  }
}

const fragmentOf = (doc: Y.Doc) => doc.getXmlFragment(CONTENT_FIELD);
/** Yjs accepts any value here at runtime; the point is to send what the types forbid. */
const insertRaw = (doc: Y.Doc, values: unknown[]) => fragmentOf(doc).insert(0, values as Y.XmlElement[]);

const hostileEdits: [string, string, (doc: Y.Doc) => void][] = [
  ['a number in content', 'foreign-type', (doc) => insertRaw(doc, [42])],
  ['a Y.Map in content', 'foreign-type', (doc) => insertRaw(doc, [new Y.Map()])],
  ['a Y.Array in content', 'foreign-type', (doc) => insertRaw(doc, [new Y.Array()])],
  ['another root type', 'foreign-type', (doc) => doc.getMap('annet').set('x', 'y')],
  [
    'a keyed entry on the content fragment',
    'foreign-type',
    (doc) => {
      // Another client's view of `content` as a map; the provider forwards whatever its doc applies.
      const other = new Y.Doc();
      other.getMap(CONTENT_FIELD).set('x', 'y');
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    },
  ],
  ['an unknown node', 'invalid-content', (doc) => insertRaw(doc, [new Y.XmlElement('script')])],
  [
    'a paragraph inside a paragraph',
    'invalid-content',
    (doc) => {
      const outer = new Y.XmlElement('paragraph');
      outer.insert(0, [new Y.XmlElement('paragraph')]);
      insertRaw(doc, [outer]);
    },
  ],
  [
    'a heading level the schema does not offer',
    'invalid-content',
    (doc) => {
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('level', 1 as unknown as string);
      heading.insert(0, [new Y.XmlText('Overskrift')]);
      insertRaw(doc, [heading]);
    },
  ],
  [
    'an unknown mark',
    'invalid-content',
    (doc) => {
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      text.insert(0, 'blinkende', { blink: {} });
      paragraph.insert(0, [text]);
      insertRaw(doc, [paragraph]);
    },
  ],
  [
    'an embed in text',
    'invalid-content',
    (doc) => {
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      text.insertEmbed(0, { image: 'x' });
      paragraph.insert(0, [text]);
      insertRaw(doc, [paragraph]);
    },
  ],
  [
    'a javascript: link',
    'unsafe-link',
    (doc) => {
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      text.insert(0, 'Klikk her', { link: { href: 'javascript:alert(1)', target: null, rel: null, class: null } });
      paragraph.insert(0, [text]);
      insertRaw(doc, [paragraph]);
    },
  ],
];

describe('every incoming update is checked before it is applied or stored', () => {
  it.each(hostileEdits)(
    '[I2] refuses %s from an owner: nothing applied or stored, connection closed, plan readable',
    async (_label, reason, edit) => {
      const plan = await f.plan();
      const sectionId = plan.section('Kunnskapsgrunnlag og utfordringsbilde').id;
      const name = sectionDocumentName(sectionId);
      const before = await storedStateVector(sectionId);
      const witness = connectProvider(f.url, f.token('helseforetak'), name);
      const attacker = connectProvider(f.url, f.token('kommune'), name);
      await Promise.all([witness.synced(), attacker.synced()]);
      const textBefore = readTextFromYDoc(witness.doc);
      const reasons = closeReasons(attacker);

      edit(attacker.doc);
      await waitFor(() => reasons.length > 0);
      expect(reasons[0]).toBe(`update-refused:${reason}`);

      // An honest edit from the witness still goes through, and the refused one never arrives.
      appendParagraph(witness.doc, `Ærlig endring etter ${_label}.`);
      await waitFor(() => !witness.provider.hasUnsyncedChanges);
      expect(readTextFromYDoc(witness.doc)).toBe(`${textBefore}\n\nÆrlig endring etter ${_label}.`);
      attacker.destroy();
      witness.destroy();
      await expectPlanReadable(plan);
      const served = await api<{ text: string }>(f.url, `/api/sections/${sectionId}/content`, {
        token: f.token('bruker'),
      });
      expect(served.body.text).toBe(`${textBefore}\n\nÆrlig endring etter ${_label}.`);
      // Only the witness's own edit was stored.
      expect(await storedStateVector(sectionId)).not.toBe(before);
      const stored = new Y.Doc();
      Y.applyUpdate(stored, (await loadDocumentState(f.db, name)) ?? new Uint8Array());
      expect(stored.share.has('annet')).toBe(false);
      expect([...Y.decodeStateVector(Y.encodeStateVector(stored)).keys()]).not.toContain(attacker.doc.clientID);
    },
  );

  it('[I2] refuses an update cut by one byte: nothing of it is applied or stored', async () => {
    const plan = await f.plan();
    const sectionId = plan.section('Samarbeidsstruktur og organisering').id;
    const name = sectionDocumentName(sectionId);
    const before = await storedStateVector(sectionId);
    const owner = connectProvider(f.url, f.token('kommune'), name);
    await owner.synced();
    const textBefore = readTextFromYDoc(owner.doc);
    owner.destroy();

    // Build a real update against the stored state, then send all of it but the last byte.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, (await loadDocumentState(f.db, name)) ?? new Uint8Array());
    const stateVector = Y.encodeStateVector(copy);
    appendParagraph(copy, 'Et langt avsnitt som blir kuttet i overføringen, med litt ekstra tekst.');
    const update = Y.encodeStateAsUpdate(copy, stateVector);
    const cut = update.slice(0, update.length - 1);

    const ws = new WebSocket(`${f.url.replace('http', 'ws')}/collab`);
    await new Promise((resolve, reject) => ws.on('open', resolve).on('error', reject));
    const frame = (write: (encoder: encoding.Encoder) => void) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, name);
      write(encoder);
      ws.send(encoding.toUint8Array(encoder));
    };
    const received: Buffer[] = [];
    ws.on('message', (data: Buffer) => received.push(data));
    frame((e) => {
      encoding.writeVarUint(e, 2); // auth
      encoding.writeVarUint(e, 0); // token
      encoding.writeVarString(e, f.token('kommune'));
    });
    frame((e) => {
      encoding.writeVarUint(e, 0); // sync
      encoding.writeVarUint(e, 2); // update
      encoding.writeVarUint8Array(e, cut);
    });
    // The server answers a refused update by closing the document with the reason.
    await waitFor(() => received.some((data) => data.toString('latin1').includes('update-refused')));
    ws.close();

    expect(await storedStateVector(sectionId)).toBe(before);
    const after = await api<{ text: string }>(f.url, `/api/sections/${sectionId}/content`, {
      token: f.token('bruker'),
    });
    expect(after.body.text).toBe(textBefore);
    await expectPlanReadable(plan);
  });
});
