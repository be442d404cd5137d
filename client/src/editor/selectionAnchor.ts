import type { Editor } from '@tiptap/core';
import { createAnchor, linearizePmDoc, pmPosToLinear, type Anchor } from '@fellesplan/editor';
import type * as Y from 'yjs';

export interface EditorRange {
  from: number;
  to: number;
}

/**
 * The text the user has selected in this editor, read from the DOM selection: a read-only
 * editor (a non-owner, a locked section) has no editable selection, yet people comment there.
 */
export function selectedRange(editor: Editor): EditorRange | null {
  const view = editor.view;
  const selection = window.getSelection();
  if (selection && selection.rangeCount > 0 && !selection.isCollapsed) {
    const range = selection.getRangeAt(0);
    if (view.dom.contains(range.startContainer) && view.dom.contains(range.endContainer)) {
      const from = view.posAtDOM(range.startContainer, range.startOffset);
      const to = view.posAtDOM(range.endContainer, range.endOffset);
      if (from < to) return { from, to };
    }
  }
  const { from, to, empty } = editor.state.selection;
  return empty ? null : { from, to };
}

/** An anchor and the quoted text for a range of the editor, or null if it holds no text. */
export function anchorForRange(
  editor: Editor,
  fragment: Y.XmlFragment,
  range: EditorRange,
): { anchor: Anchor; quote: string } | null {
  const linear = linearizePmDoc(editor.state.doc);
  const start = pmPosToLinear(linear, range.from);
  const end = pmPosToLinear(linear, range.to);
  const quote = linear.text.slice(start, end).trim();
  if (!quote) return null;
  const anchor = createAnchor(fragment, start, end);
  return anchor ? { anchor, quote: linear.text.slice(start, end) } : null;
}

/** The section's non-empty textblocks, for choosing a paragraph to comment on without a mouse. */
export function paragraphRanges(editor: Editor): (EditorRange & { text: string })[] {
  const linear = linearizePmDoc(editor.state.doc);
  return linear.blocks
    .map((block) => ({
      from: block.pmStart,
      to: block.pmStart + block.size,
      text: linear.text.slice(block.linearStart, block.linearStart + block.size),
    }))
    .filter((block) => block.text.trim().length > 0);
}
