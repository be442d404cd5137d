import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { linearizePmDoc, linearToPmPos, resolveAnchor, type Anchor } from '@fellesplan/editor';
import type * as Y from 'yjs';

export interface HighlightThread {
  id: string;
  anchor: Anchor;
  quote: string | null;
}

export interface HighlightRange {
  from: number;
  to: number;
}

export interface CommentHighlightsOptions {
  /** @default null */
  ydoc: Y.Doc | null;
  /** @default null */
  fragment: Y.XmlFragment | null;
  /** Called with the editor positions of every resolvable thread after each recompute. */
  onRanges: (ranges: Map<string, HighlightRange>) => void;
  /** Called when the user clicks highlighted text. */
  onActivate: (threadId: string) => void;
}

interface HighlightState {
  decorations: DecorationSet;
  ranges: Map<string, HighlightRange>;
}

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    commentHighlights: {
      /** Shows these threads (the active one emphasised) and recomputes their ranges. */
      setCommentThreads: (threads: HighlightThread[], activeId: string | null) => ReturnType;
    };
  }
}

/**
 * Highlights commented ranges. Ranges come from the anchors (resolved in Yjs) mapped onto the
 * editor through the linear text. Between recomputes, local edits just map the decorations;
 * after any change of the document, a recompute runs once Yjs and the editor agree again.
 */
export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: 'commentHighlights',

  addOptions() {
    return { ydoc: null, fragment: null, onRanges: () => undefined, onActivate: () => undefined };
  },

  addStorage() {
    return { threads: [] as HighlightThread[], activeId: null as string | null };
  },

  addCommands() {
    return {
      setCommentThreads:
        (threads, activeId) =>
        ({ tr, state, dispatch }) => {
          this.storage.threads = threads;
          this.storage.activeId = activeId;
          if (dispatch) tr.setMeta(commentHighlightsKey, compute(state, this.options, threads, activeId));
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    // Commands replace the fields of this object; the plugin reads them at recompute time.
    const storage = this.storage as { threads: HighlightThread[]; activeId: string | null };
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: () => ({ decorations: DecorationSet.empty, ranges: new Map() }),
          apply(tr, old) {
            const next = tr.getMeta(commentHighlightsKey) as HighlightState | undefined;
            if (next) return next;
            if (!tr.docChanged) return old;
            const ranges = new Map<string, HighlightRange>();
            for (const [id, range] of old.ranges) {
              const from = tr.mapping.map(range.from, 1);
              const to = tr.mapping.map(range.to, -1);
              if (from < to) ranges.set(id, { from, to });
            }
            return { decorations: old.decorations.map(tr.mapping, tr.doc), ranges };
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
          handleClick(view, pos) {
            const state = commentHighlightsKey.getState(view.state);
            for (const [id, range] of state?.ranges ?? []) {
              if (pos >= range.from && pos <= range.to) {
                options.onActivate(id);
                return false;
              }
            }
            return false;
          },
        },
        view() {
          let scheduled = false;
          return {
            update(view: EditorView, previous: EditorState) {
              if (view.state.doc === previous.doc || scheduled) return;
              scheduled = true;
              queueMicrotask(() => {
                scheduled = false;
                if (view.isDestroyed) return;
                const next = compute(view.state, options, storage.threads, storage.activeId);
                view.dispatch(view.state.tr.setMeta(commentHighlightsKey, next));
              });
            },
          };
        },
      }),
    ];
  },
});

function compute(
  state: EditorState,
  options: CommentHighlightsOptions,
  threads: HighlightThread[],
  activeId: string | null,
): HighlightState {
  const ranges = resolveRanges(state.doc, options, threads);
  const decorations: Decoration[] = [];
  for (const [id, { from, to }] of ranges) {
    decorations.push(
      Decoration.inline(from, to, {
        class: id === activeId ? 'comment-highlight comment-highlight--active' : 'comment-highlight',
        'data-thread-id': id,
      }),
    );
  }
  queueMicrotask(() => options.onRanges(ranges));
  return { decorations: DecorationSet.create(state.doc, decorations), ranges };
}

export function resolveRanges(
  doc: PmNode,
  options: Pick<CommentHighlightsOptions, 'ydoc' | 'fragment'>,
  threads: HighlightThread[],
) {
  const ranges = new Map<string, HighlightRange>();
  if (!options.ydoc || !options.fragment) return ranges;
  const linear = linearizePmDoc(doc);
  for (const thread of threads) {
    const range = resolveAnchor(options.ydoc, options.fragment, thread.anchor, thread.quote);
    if (!range) continue;
    const from = linearToPmPos(linear, range.start);
    const to = linearToPmPos(linear, range.end);
    if (from !== null && to !== null && from < to) ranges.set(thread.id, { from, to });
  }
  return ranges;
}
