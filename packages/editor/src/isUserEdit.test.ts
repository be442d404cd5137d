import { EditorState, TextSelection } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { isUserEdit } from './isUserEdit.js';
import { documentSchema } from './schema.js';

const schema = documentSchema();

function state(): EditorState {
  const doc = schema.nodeFromJSON({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Vi skal samarbeide.' }] }],
  });
  return EditorState.create({ schema, doc });
}

describe('isUserEdit', () => {
  it('counts typing, and undo or redo coming back from the Yjs undo manager', () => {
    expect(isUserEdit(state().tr.insertText(' Mer.', 20))).toBe(true);
    const undo = state().tr.insertText('', 1, 4);
    undo.setMeta(ySyncPluginKey, { isChangeOrigin: true, isUndoRedoOperation: true });
    expect(isUserEdit(undo)).toBe(true);
  });

  it('does not count what the binding renders from the shared document', () => {
    const remote = state().tr.insertText('Andre skrev dette. ', 1);
    remote.setMeta(ySyncPluginKey, { isChangeOrigin: true, isUndoRedoOperation: false });
    expect(isUserEdit(remote)).toBe(false);
  });

  it('does not count a transaction that leaves the text as it was', () => {
    const meta = state().tr.setMeta('commentThreads', []);
    expect(isUserEdit(meta)).toBe(false);
    const before = state();
    expect(isUserEdit(before.tr.setSelection(TextSelection.create(before.doc, 3, 8)))).toBe(false);
  });
});
