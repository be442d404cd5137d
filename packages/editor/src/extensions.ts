import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { isAllowedHref } from './links.js';

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
      // The same check as stored content gets on the server, so the editor never holds a link the
      // read-out would strip. Autolinking then needs the scheme typed out (https://…).
      link: { openOnClick: false, autolink: true, defaultProtocol: 'https', isAllowedUri: isAllowedHref },
    }),
    TableKit.configure({ table: { resizable: false } }),
  ];
}
