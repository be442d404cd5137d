import { documentExtensions } from '@fellesplan/editor';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect } from 'react';
import type { CollabDocument } from '../collab/CollabClient.js';
import { EditorToolbar } from './EditorToolbar.js';

export interface EditorUser {
  name: string;
  color: string;
  party: string;
}

/**
 * A Tiptap editor bound to one section document. It is editable only when the policy allows it
 * AND the server granted a writable connection AND the first sync is done: a read-only
 * provider keeps local edits forever, so the editor itself must refuse input.
 */
export function SectionEditor({
  collab,
  mayEdit,
  label,
  user,
}: {
  collab: CollabDocument;
  mayEdit: boolean;
  label: string;
  user: EditorUser;
}) {
  const editable = mayEdit && collab.scope === 'read-write' && collab.synced;
  const editor = useEditor(
    {
      extensions: [
        ...documentExtensions(),
        Collaboration.configure({ document: collab.doc, field: 'content' }),
        CollaborationCaret.configure({ provider: collab.provider, user }),
      ],
      editable: false,
      editorProps: {
        attributes: {
          'aria-label': label,
          'aria-multiline': 'true',
          role: 'textbox',
          class: 'section-editor__content',
          'data-testid': 'section.editor',
        },
      },
    },
    [collab],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setEditable(editable);
    editor.view.dom.setAttribute('aria-readonly', String(!editable));
  }, [editor, editable]);

  if (!editor) return null;
  return (
    <div
      className="section-editor"
      data-editable={editable}
      data-synced={collab.synced}
      data-scope={collab.scope ?? 'pending'}
    >
      {editable && <EditorToolbar editor={editor} />}
      <EditorContent editor={editor} />
    </div>
  );
}
