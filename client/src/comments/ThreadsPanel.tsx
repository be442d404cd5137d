import type { MemberView, Party, ThreadView } from '@fellesplan/domain';
import type { Editor } from '@tiptap/core';
import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import type { HighlightRange } from '../editor/commentHighlights.js';
import { ThreadCard } from './ThreadCard.js';

const GAP = 8;

/**
 * The threads of one section in document order (whole-section threads first, detached last),
 * each placed level with its text where there is room, pushed down where cards would overlap.
 */
export function ThreadsPanel({
  threads,
  ranges,
  editor,
  container,
  activeId,
  onActivate,
  members,
  parties,
  me,
  composer,
  readOnly = false,
}: {
  threads: readonly ThreadView[];
  ranges: Map<string, HighlightRange>;
  editor: Editor | null;
  container: HTMLElement | null;
  activeId: string | null;
  onActivate: (id: string) => void;
  members: readonly MemberView[];
  parties: readonly Party[];
  me: { userId: string };
  composer: ReactNode;
  /** An archived plan: threads are shown, no reply, resolve, edit or delete is offered. */
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const cards = useRef(new Map<string, HTMLElement>());
  const [tops, setTops] = useState<Map<string, number> | null>(null);
  const [height, setHeight] = useState(0);

  const ordered = [...threads].sort((a, b) => rank(a, ranges) - rank(b, ranges));

  const list = useRef<HTMLDivElement>(null);
  const orderKey = ordered.map((th) => th.id).join('|');
  const latest = useRef({ ordered, ranges });
  latest.current = { ordered, ranges };

  const layout = useCallback(() => {
    if (!editor || editor.isDestroyed || !container || window.matchMedia('(max-width: 60rem)').matches) {
      setTops(null);
      return;
    }
    // Measured from the list itself: a new-comment form above it shifts where cards start.
    const base = (list.current ?? container).getBoundingClientRect().top;
    const next = new Map<string, number>();
    let bottom = 0;
    for (const thread of latest.current.ordered) {
      const card = cards.current.get(thread.id);
      if (!card) continue;
      const range = latest.current.ranges.get(thread.id);
      let desired = bottom;
      if (range) {
        try {
          desired = editor.view.coordsAtPos(range.from).top - base;
        } catch {
          desired = bottom;
        }
      }
      const top = Math.max(desired, bottom);
      next.set(thread.id, top);
      bottom = top + card.offsetHeight + GAP;
    }
    setHeight(bottom);
    setTops((previous) => (previous && sameTops(previous, next) ? previous : next));
  }, [editor, container]);

  useLayoutEffect(layout, [layout, orderKey, ranges]);

  // Cards grow (a reply box opens) and text reflows (the window narrows): lay out again.
  useLayoutEffect(() => {
    const observer = new ResizeObserver(() => layout());
    if (list.current) observer.observe(list.current);
    for (const card of cards.current.values()) observer.observe(card);
    if (container) observer.observe(container);
    return () => observer.disconnect();
  }, [layout, orderKey, container]);

  return (
    <aside className="threads" aria-label={t('comments.title')} data-testid="section.threads">
      {composer}
      <div ref={list} className="threads__list" style={tops ? { position: 'relative', minHeight: height } : undefined}>
        {ordered.map((thread) => (
          <ThreadCard
            key={thread.id}
            ref={(element) => {
              if (element) cards.current.set(thread.id, element);
              else cards.current.delete(thread.id);
            }}
            thread={thread}
            members={members}
            parties={parties}
            me={me}
            readOnly={readOnly}
            active={thread.id === activeId}
            onActivate={() => onActivate(thread.id)}
            style={
              tops?.has(thread.id) ? { position: 'absolute', top: tops.get(thread.id), left: 0, right: 0 } : undefined
            }
          />
        ))}
      </div>
    </aside>
  );
}

function rank(thread: ThreadView, ranges: Map<string, HighlightRange>): number {
  if (!thread.anchor) return -1;
  return ranges.get(thread.id)?.from ?? Number.MAX_SAFE_INTEGER;
}

function sameTops(a: Map<string, number>, b: Map<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, top] of a) if (Math.abs((b.get(id) ?? -1) - top) > 0.5) return false;
  return true;
}
