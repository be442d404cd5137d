import { createHash } from 'node:crypto';
import { canonicalJson } from '@fellesplan/domain';
import { readJsonFromYDoc } from '@fellesplan/editor';
import type * as Y from 'yjs';

/**
 * [C2] The content revision: a hash of the body as Tiptap JSON. It depends only on the content,
 * not on Yjs client ids or history, so every instance computes the same value for the same text.
 */
export function contentRevision(doc: Y.Doc): string {
  return createHash('sha256')
    .update(canonicalJson(readJsonFromYDoc(doc)))
    .digest('hex')
    .slice(0, 32);
}
