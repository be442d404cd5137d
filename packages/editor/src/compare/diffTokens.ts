import type { Node } from '@tiptap/pm/model';

/** A piece of a document as the diff compares it, with where it lies in the document. */
export interface DiffToken {
  key: string;
  from: number;
  to: number;
  /** The words of a whole text block, when the block is one token. */
  words?: string[];
}

const PIECES = /[\p{L}\p{N}_]+|\s+|[^\p{L}\p{N}_\s]/gu;

/**
 * The document as words, runs of spaces, single other characters and node boundaries (by type,
 * without attributes or marks), covering every position of its content once. With `wholeBlocks`,
 * each text block is one token of its type and text instead, so whole paragraphs are matched
 * first and a word is never matched to the same word in an unrelated paragraph.
 */
export function diffTokens(doc: Node, wholeBlocks: boolean): DiffToken[] {
  const tokens: DiffToken[] = [];
  const walk = (node: Node, pos: number) => {
    node.forEach((child, offset) => {
      const from = pos + offset;
      if (child.isText) {
        for (const match of (child.text ?? '').matchAll(PIECES)) {
          tokens.push({ key: match[0], from: from + match.index, to: from + match.index + match[0].length });
        }
      } else if (child.isLeaf) {
        tokens.push({ key: `<${child.type.name}/>`, from, to: from + 1 });
      } else if (wholeBlocks && child.isTextblock) {
        const words = child.textContent.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
        tokens.push({ key: `<${child.type.name}>${child.textContent}`, from, to: from + child.nodeSize, words });
      } else {
        tokens.push({ key: `<${child.type.name}>`, from, to: from + 1 });
        walk(child, from + 1);
        tokens.push({ key: `</${child.type.name}>`, from: from + child.nodeSize - 1, to: from + child.nodeSize });
      }
    });
  };
  walk(doc, 0);
  return tokens;
}
