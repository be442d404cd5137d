import { CONTENT_FIELD, type PresenceUser } from '@fellesplan/domain';
import { documentExtensions, isUserEdit } from '@fellesplan/editor';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import type { Editor } from '@tiptap/core';
import { useEffect, useRef, type ReactNode } from 'react';
import type { CollabDocument } from '../collab/CollabClient.js';
import { caretSelectionAttributes } from './caretSelection.js';
import { CommentHighlights, type HighlightRange, type HighlightThread } from './commentHighlights.js';
import { EditorToolbar } from './EditorToolbar.js';

/** The server overwrites this in every awareness state; the client's copy is only a first guess. */
export type EditorUser = PresenceUser;

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
  threads,
  activeThreadId,
  onActivateThread,
  onRanges,
  onEditor,
  fallback,
}: {
  collab: CollabDocument;
  mayEdit: boolean;
  label: string;
  user: EditorUser;
  threads: HighlightThread[];
  activeThreadId: string | null;
  onActivateThread: (id: string) => void;
  onRanges: (ranges: Map<string, HighlightRange>) => void;
  onEditor: (editor: Editor | null) => void;
  /** Shown instead of the (still empty) editor until the document's first sync is done. */
  fallback?: ReactNode;
}) {
  const editable = mayEdit && collab.scope === 'read-write' && collab.synced;
  // The editor is built once per document; callbacks reach the current props through refs.
  const callbacks = useRef({ onActivateThread, onRanges });
  callbacks.current = { onActivateThread, onRanges };
  const editor = useEditor(
    {
      extensions: [
        ...documentExtensions(),
        Collaboration.configure({ document: collab.doc, field: CONTENT_FIELD }),
        CollaborationCaret.configure({ provider: collab.provider, user, selectionRender: caretSelectionAttributes }),
        CommentHighlights.configure({
          ydoc: collab.doc,
          fragment: collab.doc.getXmlFragment(CONTENT_FIELD),
          onActivate: (id) => callbacks.current.onActivateThread(id),
          onRanges: (ranges) => callbacks.current.onRanges(ranges),
        }),
      ],
      editable: false,
      // Only the person's own edits make leaving ask first: what the editor renders or sets up
      // by itself must not (CollabClient.userEdits).
      onTransaction: ({ transaction }) => {
        if (isUserEdit(transaction)) collab.userEdited();
      },
      // Tiptap's injected <style> breaks our CSP; main.tsx loads ProseMirror's stylesheets instead.
      injectCSS: false,
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
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  // Threads arrive as a new array on every render of the page; only a real change re-highlights.
  const threadsKey = threads.map((t) => `${t.id}:${t.anchor.start}:${t.anchor.end}`).join('|');
  const latestThreads = useRef(threads);
  latestThreads.current = threads;
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.commands.setCommentThreads(latestThreads.current, activeThreadId);
  }, [editor, threadsKey, activeThreadId, collab.synced]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setEditable(editable);
    editor.view.dom.setAttribute('aria-readonly', String(!editable));
  }, [editor, editable]);

  if (!editor) return fallback ?? null;
  // The editor stays mounted while hidden, so its document syncs behind the stored text.
  const waiting = !collab.synced && fallback !== undefined;
  return (
    <>
      {waiting && fallback}
      <div
        hidden={waiting}
        className="section-editor"
        data-editable={editable}
        data-synced={collab.synced}
        data-scope={collab.scope ?? 'pending'}
      >
        {editable && <EditorToolbar editor={editor} />}
        <EditorContent editor={editor} />
      </div>
    </>
  );
}
