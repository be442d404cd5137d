import type { Editor } from '@tiptap/core';
import { useEffect } from 'react';
import { findPassage } from './findPassage.js';
import { passageShown, usePendingPassage } from './passageTarget.js';

const HIGHLIGHT = 'search-passage';

/** Marks the range with the CSS Custom Highlight API: visible without moving focus or the selection. */
function highlight(range: Range): void {
  if (typeof Highlight === 'undefined' || !('highlights' in CSS)) return;
  CSS.highlights.set(HIGHLIGHT, new Highlight(range));
}

/**
 * Shows a passage waiting for this section once its editor has synced: the matched text is
 * highlighted and scrolled to the middle of the view; a thread is made the active one (its
 * card and its anchored text come into view). A passage not found (edited away) leaves the
 * section itself in view.
 */
export function usePassageReveal(
  sectionId: string,
  editor: Editor | null,
  synced: boolean,
  activateThread: (threadId: string) => void,
): void {
  const target = usePendingPassage(sectionId);
  useEffect(() => {
    if (!target || !editor || editor.isDestroyed || !synced) return;
    if (target.kind === 'comment' && target.threadId) {
      activateThread(target.threadId);
      passageShown(target);
      return;
    }
    if (target.kind !== 'text' || !target.query) {
      passageShown(target);
      return;
    }
    const found = findPassage(editor.state.doc, target.query, target.occurrence ?? 0);
    if (found) {
      const start = editor.view.domAtPos(found.from);
      const end = editor.view.domAtPos(found.to);
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      highlight(range);
      const element = start.node instanceof Element ? start.node : start.node.parentElement;
      element?.scrollIntoView({ block: 'center' });
    }
    passageShown(target);
  }, [target, editor, synced, activateThread]);
}
