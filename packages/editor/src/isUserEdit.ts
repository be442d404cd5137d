import type { Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/** What the Yjs binding puts on the transactions it makes itself. */
interface YSyncMeta {
  isChangeOrigin?: boolean;
  isUndoRedoOperation?: boolean;
}

/**
 * Whether a ProseMirror transaction is an edit by the person at this editor: typing, pasting, a
 * toolbar command, or their undo and redo (which come back to ProseMirror from Yjs's undo
 * manager). What the binding renders from the shared document (the first sync, other people's
 * edits) is not, and neither is a transaction that leaves the text as it was.
 */
export function isUserEdit(transaction: Transaction): boolean {
  if (!transaction.docChanged) return false;
  const sync = transaction.getMeta(ySyncPluginKey) as YSyncMeta | undefined;
  return !sync?.isChangeOrigin || Boolean(sync.isUndoRedoOperation);
}
