import { CONTENT_FIELD } from '@fellesplan/domain';
import { Node } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment, updateYFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { documentSchema } from './schema.js';

export { CONTENT_FIELD };

export interface TiptapJSON {
  type: string;
  content?: TiptapJSON[];
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/** Replaces nothing: appends `json`'s content into an empty section document. */
export function writeJsonToYDoc(doc: Y.Doc, json: TiptapJSON): void {
  const fragment = doc.getXmlFragment(CONTENT_FIELD);
  // Validates against the schema first, so seed data can never store what the editor cannot show.
  checkDocumentJson(json);
  prosemirrorJSONToYXmlFragment(documentSchema(), json, fragment);
}

/**
 * Makes the document's content equal `json` with the smallest change y-prosemirror finds: text
 * both have keeps its Yjs items, so comment anchors and other people's cursors in it stay put.
 * Runs in one transaction with `origin`.
 */
export function replaceYDocContent(doc: Y.Doc, json: TiptapJSON, origin: unknown): void {
  checkDocumentJson(json);
  const node = Node.fromJSON(documentSchema(), json);
  doc.transact(() => {
    updateYFragment(doc, doc.getXmlFragment(CONTENT_FIELD), node, { mapping: new Map(), isOMark: new Map() });
  }, origin);
}

/** Throws unless `json` is a document the shared schema accepts (node names, nesting, marks, attributes). */
export function checkDocumentJson(json: TiptapJSON): void {
  Node.fromJSON(documentSchema(), json).check();
}

export function readJsonFromYDoc(doc: Y.Doc): TiptapJSON {
  const json = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(CONTENT_FIELD)) as TiptapJSON;
  // An untouched document has no paragraph yet; present it as the editor would.
  if (!json.content || json.content.length === 0) return { type: 'doc', content: [{ type: 'paragraph' }] };
  return json;
}

/** Plain text of a section body: blocks separated by blank lines, table cells by tabs. */
export function readTextFromYDoc(doc: Y.Doc): string {
  return jsonToText(readJsonFromYDoc(doc));
}

export function jsonToText(json: TiptapJSON): string {
  const node = Node.fromJSON(documentSchema(), json);
  const blocks: string[] = [];
  node.descendants((child) => {
    if (child.isTextblock) {
      blocks.push(child.textContent);
      return false;
    }
    return true;
  });
  return blocks.join('\n\n').trim();
}
