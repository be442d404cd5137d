import type { Node as PmNode, Schema } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { documentSchema } from '../schema.js';

/**
 * One plain-text view of a section body that Yjs and ProseMirror agree on, so an offset means
 * the same character on both sides: the text of each textblock, textblocks joined by "\n",
 * inline leaves (hard breaks) as U+FFFC. Comment anchors and quotes are expressed in it.
 */
export const OBJECT_CHAR = '\uFFFC';

export interface YTextSegment {
  type: Y.XmlText;
  /** Offset of the segment's first character in the linear text. */
  start: number;
  length: number;
}

export interface YLinearText {
  text: string;
  segments: YTextSegment[];
}

export function linearizeYFragment(fragment: Y.XmlFragment, schema: Schema = documentSchema()): YLinearText {
  let text = '';
  let firstBlock = true;
  const segments: YTextSegment[] = [];

  const visit = (node: Y.XmlElement | Y.XmlText | Y.XmlHook): void => {
    if (node instanceof Y.XmlText) {
      let content = '';
      for (const op of node.toDelta() as { insert: unknown }[])
        content += typeof op.insert === 'string' ? op.insert : OBJECT_CHAR;
      segments.push({ type: node, start: text.length, length: content.length });
      text += content;
      return;
    }
    if (!(node instanceof Y.XmlElement)) return;
    const spec = schema.nodes[node.nodeName];
    if (spec?.isTextblock) {
      if (!firstBlock) text += '\n';
      firstBlock = false;
      node.toArray().forEach(visit);
      return;
    }
    if (spec?.isInline && spec.isLeaf) {
      text += OBJECT_CHAR;
      return;
    }
    node.toArray().forEach(visit);
  };
  fragment.toArray().forEach(visit);
  return { text, segments };
}

export interface PmLinearText {
  text: string;
  /** Each textblock: where its content starts in the linear text and in the document. */
  blocks: { linearStart: number; pmStart: number; size: number }[];
}

export function linearizePmDoc(doc: PmNode): PmLinearText {
  let text = '';
  const blocks: PmLinearText['blocks'] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (blocks.length > 0) text += '\n';
    blocks.push({ linearStart: text.length, pmStart: pos + 1, size: node.content.size });
    node.forEach((child) => {
      text += child.isText ? (child.text ?? '') : OBJECT_CHAR;
    });
    return false;
  });
  return { text, blocks };
}

/** Linear offset → ProseMirror position (inside the textblock that holds the offset). */
export function linearToPmPos(linear: PmLinearText, offset: number): number | null {
  for (let i = linear.blocks.length - 1; i >= 0; i--) {
    const block = linear.blocks[i];
    if (block && offset >= block.linearStart) return block.pmStart + Math.min(offset - block.linearStart, block.size);
  }
  return null;
}

/** ProseMirror position → linear offset (positions between blocks snap to the nearest block). */
export function pmPosToLinear(linear: PmLinearText, pos: number): number {
  let result = 0;
  for (const block of linear.blocks) {
    if (pos < block.pmStart) return result;
    result = block.linearStart + Math.min(pos - block.pmStart, block.size);
  }
  return result;
}
