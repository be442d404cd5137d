import { Node } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { documentSchema } from './schema.js';
import type { TiptapJSON } from './ydoc.js';

/** Stands for an inline node that is not text (a line break), so a quote never matches across it. */
const INLINE_OBJECT = '\uFFFC';

export type ProposedWordingResult = { ok: true; json: TiptapJSON } | { ok: false; reason: 'quote_not_found' };

/**
 * A section body with a hearing remark's proposed wording put in. With a quote, the quoted
 * passage is replaced where it occurs exactly once in the body, inside one paragraph (or heading,
 * or cell), keeping the formatting of its first character; anywhere else it is not found, and the
 * owner edits by hand. Without a quote, the wording is added as new paragraphs at the end. Line
 * breaks in a wording that replaces a passage become spaces: the passage lies in one paragraph.
 */
export function applyProposedWording(json: TiptapJSON, quote: string | null, proposed: string): ProposedWordingResult {
  const schema = documentSchema();
  const doc = Node.fromJSON(schema, json);
  const paragraph = schema.nodes.paragraph;
  if (!paragraph) throw new Error('the section schema has no paragraph');
  if (!quote) {
    const paragraphs = proposed
      .replace(/\r\n?/g, '\n')
      .split(/\n\s*\n/)
      .map((block) => block.replace(/\s*\n\s*/g, ' ').trim())
      .filter((block) => block.length > 0)
      .map((block) => paragraph.create(null, schema.text(block)));
    const emptyOnly = doc.childCount === 1 && doc.firstChild?.isTextblock && doc.firstChild.content.size === 0;
    const transform = new Transform(doc);
    if (emptyOnly) transform.replaceWith(0, doc.content.size, paragraphs);
    else transform.insert(doc.content.size, paragraphs);
    return { ok: true, json: transform.doc.toJSON() as TiptapJSON };
  }
  const found: { from: number; to: number }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    let text = '';
    node.forEach((child) => {
      text += child.isText ? (child.text ?? '') : INLINE_OBJECT;
    });
    // Offsets in `text` are offsets in the block's content: every inline node is one character.
    for (let index = text.indexOf(quote); index !== -1; index = text.indexOf(quote, index + 1)) {
      found.push({ from: pos + 1 + index, to: pos + 1 + index + quote.length });
    }
    return false;
  });
  const only = found.length === 1 ? found[0] : undefined;
  if (!only) return { ok: false, reason: 'quote_not_found' };
  const wording = proposed.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  const marks = doc.resolve(only.from + 1).marks();
  const transform = new Transform(doc);
  if (wording) transform.replaceWith(only.from, only.to, schema.text(wording, marks));
  else transform.delete(only.from, only.to);
  return { ok: true, json: transform.doc.toJSON() as TiptapJSON };
}
