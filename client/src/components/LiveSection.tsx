import { Alert, Button, Field, Label, Select } from '@digdir/designsystemet-react';
import {
  commentRefusal,
  CONTENT_FIELD,
  planParties,
  sectionDocumentName,
  sectionEditRefusal,
} from '@fellesplan/domain';
import type { Anchor } from '@fellesplan/editor';
import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client.js';
import { CommentComposer } from '../comments/CommentComposer.js';
import { ThreadsPanel } from '../comments/ThreadsPanel.js';
import type { HighlightRange } from '../editor/commentHighlights.js';
import { anchorForRange, paragraphRanges, selectedRange } from '../editor/selectionAnchor.js';
import { useTranslation } from '../i18n/useTranslation.js';
import { useCollabDocument } from '../collab/CollabContext.js';
import { formatList } from '../i18n/formatList.js';
import { SectionEditor } from '../editor/SectionEditor.js';
import { StaticBody } from '../editor/StaticBody.js';
import { SectionPlaceholder } from './SectionPlaceholder.js';
import type { SectionProps } from './SectionCard.js';
import { PresenceList } from './PresenceList.js';
import { usePassageReveal } from '../search/usePassageReveal.js';

type Draft = { anchor: Anchor; quote: string } | 'section';

/** A section's live editor, carets, comment threads and composer. */
export default function LiveSection({
  plan,
  section,
  actor,
  user,
  threads,
  archived = false,
  storedBody,
  onLive,
  focusThread,
  visitors,
}: SectionProps) {
  const { t } = useTranslation();
  const collab = useCollabDocument(sectionDocumentName(section.id));
  const [editor, setEditor] = useState<Editor | null>(null);
  const [ranges, setRanges] = useState<Map<string, HighlightRange>>(new Map());
  const [activeId, setActiveId] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [paragraphChoice, setParagraphChoice] = useState(-1);
  const [body, setBody] = useState<HTMLDivElement | null>(null);
  const selection = useRef<Draft | null>(null);
  const commentButton = useRef<HTMLButtonElement>(null);
  // The new thread's card appears only when the projection brings it; focus goes there then.
  const focusAfterRender = useRef<string | null>(null);
  useEffect(() => {
    const selector = focusAfterRender.current;
    const card = selector ? body?.querySelector<HTMLElement>(selector) : null;
    if (!card) return;
    focusAfterRender.current = null;
    card.tabIndex = -1;
    card.focus();
  });
  const synced = Boolean(collab?.synced);
  useEffect(() => {
    onLive?.(section.id, synced);
    return () => onLive?.(section.id, false);
  }, [onLive, section.id, synced]);
  const staticBody = storedBody ? (
    <StaticBody json={storedBody.json} label={t('plan.editorLabel', { title: section.title })} />
  ) : (
    <SectionPlaceholder />
  );
  usePassageReveal(section.id, editor, collab?.synced ?? false, setActiveId);

  const policyPlan = planParties(plan);
  const refusal = sectionEditRefusal(actor, { ...section, planId: plan.id }, policyPlan);
  const mayEdit = !archived && refusal === null;
  const mayComment = !archived && commentRefusal(actor, policyPlan) === null;
  const ownerNames = plan.parties.filter((p) => section.owners.includes(p.id)).map((p) => p.name);
  const notice = archived
    ? null
    : refusal === 'locked'
      ? t('plan.readOnlyLocked')
      : refusal === 'not_owner'
        ? t('plan.readOnlyOwners', { owners: formatList(ownerNames) })
        : null;

  const highlighted = threads
    .filter((th) => th.anchor && !th.detached)
    .map((th) => ({ id: th.id, anchor: th.anchor as Anchor, quote: th.quote }));

  // Clicking the button moves focus; the selection is read before that, on pointer down.
  const captureSelection = useCallback(() => {
    if (!editor || !collab) return;
    const range = selectedRange(editor);
    selection.current = range ? anchorForRange(editor, collab.doc.getXmlFragment(CONTENT_FIELD), range) : null;
  }, [editor, collab]);

  const activateFromText = useCallback((id: string) => setActiveId(id), []);
  const updateRanges = useCallback(
    (next: Map<string, HighlightRange>) => setRanges((previous) => (sameRanges(previous, next) ? previous : next)),
    [],
  );
  useEffect(() => {
    if (!activeId) return;
    const card = body?.querySelector<HTMLElement>(`[data-thread-id="${activeId}"]`);
    card?.scrollIntoView({ block: 'nearest' });
    const range = ranges.get(activeId);
    if (editor && !editor.isDestroyed && range) {
      const dom = editor.view.domAtPos(range.from).node;
      (dom instanceof Element ? dom : dom.parentElement)?.scrollIntoView({ block: 'nearest' });
    }
    // Only when the active thread changes; later range updates must not scroll the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeId]);

  // A link to a thread opens it here: active, in view, and focused for keyboard and screen readers.
  const linked = focusThread && threads.some((th) => th.id === focusThread.id) ? focusThread : null;
  useEffect(() => {
    if (!linked || !body) return;
    setActiveId(linked.id);
    const card = body.querySelector<HTMLElement>(`[data-thread-id="${linked.id}"]`);
    if (!card) return;
    card.tabIndex = -1;
    card.scrollIntoView({ block: 'center' });
    card.focus({ preventScroll: true });
  }, [linked?.id, linked?.seq, body]); // eslint-disable-line react-hooks/exhaustive-deps

  // Without a selection (a keyboard user in a read-only section has no caret) a paragraph can be
  // chosen instead; it becomes a real anchored thread.
  const paragraphs = draft === 'section' && editor && !editor.isDestroyed ? paragraphRanges(editor) : [];
  const chosen = paragraphs[paragraphChoice];
  const target: Draft | null =
    draft === 'section' && chosen && editor && collab
      ? (anchorForRange(editor, collab.doc.getXmlFragment(CONTENT_FIELD), chosen) ?? 'section')
      : draft;

  const composer = draft && (
    <div className="thread thread--draft" data-testid="thread.new">
      <p className="thread__whole">{draft === 'section' ? t('comments.newOnSection') : t('comments.newOnSelection')}</p>
      {draft !== 'section' && <blockquote className="thread__quote">{draft.quote}</blockquote>}
      {draft === 'section' && paragraphs.length > 0 && (
        <Field data-size="sm">
          <Label>{t('comments.target')}</Label>
          <Select
            value={String(paragraphChoice)}
            onChange={(e) => setParagraphChoice(Number(e.target.value))}
            data-testid="thread.create.target"
          >
            <Select.Option value="-1">{t('comments.targetSection')}</Select.Option>
            {paragraphs.map((paragraph, index) => (
              <Select.Option key={paragraph.from} value={String(index)}>
                {t('comments.targetParagraph', {
                  number: index + 1,
                  text: paragraph.text.length > 60 ? `${paragraph.text.slice(0, 60)}…` : paragraph.text,
                })}
              </Select.Option>
            ))}
          </Select>
        </Field>
      )}
      <CommentComposer
        label={t('comments.body')}
        submitLabel={t('comments.comment')}
        members={plan.members}
        parties={plan.parties}
        testId="thread.create"
        focusOnOpen
        onSubmit={async (text) => {
          const created = await api.command('threads.create', {
            sectionId: section.id,
            body: text,
            ...(!target || target === 'section' ? {} : { anchor: target.anchor, quote: target.quote }),
          });
          setDraft(null);
          setParagraphChoice(-1);
          setActiveId(created.id);
          focusAfterRender.current = `[data-thread-id="${created.id}"]`;
        }}
        onCancel={() => {
          setDraft(null);
          setParagraphChoice(-1);
          commentButton.current?.focus();
        }}
      />
    </div>
  );

  return (
    <>
      <div className="section-card__live">
        <PresenceList visitors={visitors ?? []} />
        {mayComment && (
          <Button
            ref={commentButton}
            variant="tertiary"
            data-size="sm"
            onPointerDown={captureSelection}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') captureSelection();
            }}
            onClick={() => setDraft(selection.current ?? 'section')}
            title={t('comments.commentHint')}
            data-testid="section.comment"
          >
            {t('comments.comment')}
          </Button>
        )}
      </div>
      <div className="section-card__body" ref={setBody}>
        <div className="section-card__main">
          {notice && (
            <Alert
              data-color="info"
              data-size="sm"
              className="section-card__notice"
              data-testid="section.readonly-notice"
            >
              {notice}
            </Alert>
          )}
          {collab ? (
            <SectionEditor
              collab={collab}
              mayEdit={mayEdit}
              label={t('plan.editorLabel', { title: section.title })}
              user={user}
              threads={highlighted}
              activeThreadId={activeId}
              onActivateThread={activateFromText}
              onRanges={updateRanges}
              onEditor={setEditor}
              fallback={staticBody}
            />
          ) : (
            staticBody
          )}
        </div>
        <ThreadsPanel
          threads={threads}
          ranges={ranges}
          editor={editor}
          container={body}
          activeId={activeId}
          onActivate={setActiveId}
          members={plan.members}
          parties={plan.parties}
          me={{ userId: actor.userId }}
          composer={composer}
          readOnly={archived}
        />
      </div>
    </>
  );
}

function sameRanges(a: Map<string, HighlightRange>, b: Map<string, HighlightRange>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, range] of a) {
    const other = b.get(id);
    if (!other || other.from !== range.from || other.to !== range.to) return false;
  }
  return true;
}
