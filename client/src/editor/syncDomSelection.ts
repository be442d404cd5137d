import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/**
 * Makes the editor's selection the one the browser shows. ProseMirror reads a selection made
 * with Shift+arrows or Shift+Home on the `selectionchange` event, which can arrive after the
 * next keydown; a shortcut that moves focus out of the text (Ctrl+K, Alt+F10) would otherwise
 * leave with the old, often empty, selection and the link would land at the wrong place.
 */
export function syncDomSelection(view: EditorView): void {
  const dom = window.getSelection();
  if (!dom?.anchorNode || !dom.focusNode) return;
  if (!view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return;
  try {
    const anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
    const head = view.posAtDOM(dom.focusNode, dom.focusOffset);
    const { selection } = view.state;
    if (selection.anchor === anchor && selection.head === head) return;
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, anchor, head)));
  } catch {
    // A DOM position ProseMirror cannot map (inside a caret label): keep its own selection.
  }
}
