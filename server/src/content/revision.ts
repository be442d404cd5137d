import { createHash } from 'node:crypto';
import { canonicalJson } from '@fellesplan/domain';
import { readSectionBody, type SectionBody } from '@fellesplan/editor';
import * as Y from 'yjs';

/**
 * [C2][R1] The content revision: a hash of the body as Tiptap JSON. It depends only on the
 * content, not on Yjs client ids or history, so every instance computes the same value for the
 * same text.
 */
export function contentRevision(doc: Y.Doc): string {
  return bodyRevision(readSectionBody(doc), doc);
}

/**
 * [R2] An unreadable body has no JSON to hash; its revision is then a hash of which updates the
 * document holds (state vector and delete set, both canonical), so it still changes with every
 * change and is equal on every instance, and markers set on it cannot silently stay current.
 */
export function bodyRevision(body: SectionBody, doc: Y.Doc): string {
  if (body.readable) return sha256(canonicalJson(body.json));
  return `unreadable-${sha256(Y.encodeSnapshot(Y.snapshot(doc)))}`;
}

/** [R2] Stored updates that do not even decode: a hash of the bytes themselves, length-prefixed. */
export function undecodableRevision(updates: readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const update of updates) hash.update(`${update.length}:`).update(update);
  return `unreadable-${hash.digest('hex').slice(0, 32)}`;
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 32);
}
