import { DOMParser, DOMSerializer, Node } from '@tiptap/pm/model';
import { documentSchema } from './schema.js';
import type { TiptapJSON } from './ydoc.js';

/**
 * A section body read from an HTML element by the schema's own parse rules: anything without a
 * rule (images, scripts, unknown elements) is not kept, only its text. The element may come from
 * a server-side DOM (happy-dom), so the type is structural.
 */
export function jsonFromDom(element: unknown): { json: TiptapJSON; text: string } {
  const node = DOMParser.fromSchema(documentSchema()).parse(element as Parameters<DOMParser['parse']>[0]);
  return { json: node.toJSON() as TiptapJSON, text: node.textContent };
}

/**
 * Appends a section body to `target` as DOM nodes of `document`, by the schema's own render rules:
 * text goes in as text nodes, so nothing in it becomes markup. Structural types as for `jsonFromDom`.
 */
export function appendJsonToDom(json: TiptapJSON, document: unknown, target: unknown): void {
  const node = Node.fromJSON(documentSchema(), json);
  // The DOM types of the server's DOM (happy-dom) are not the lib's; ProseMirror only uses the standard calls.
  type SerializeOptions = Parameters<DOMSerializer['serializeFragment']>[1];
  type Target = Parameters<DOMSerializer['serializeFragment']>[2];
  DOMSerializer.fromSchema(documentSchema()).serializeFragment(
    node.content,
    { document } as SerializeOptions,
    target as Target,
  );
}
