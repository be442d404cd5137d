import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';

/**
 * The document schema of a section body, shared by the browser editor and the server (which
 * seeds, exports and reads content with it). The client adds Collaboration and carets on top.
 * Undo/redo is off because the collaboration extension brings its own per-user history.
 */
export function documentExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      heading: { levels: [2, 3, 4] },
      link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
    }),
    TableKit.configure({ table: { resizable: false } }),
  ];
}
