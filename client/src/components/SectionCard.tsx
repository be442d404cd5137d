import { Alert, Button, Field, Heading, Label, Paragraph, Select, Skeleton, Tag } from '@digdir/designsystemet-react';
import {
  commentRefusal,
  CONTENT_FIELD,
  lockRefusal,
  markRefusal,
  planParties,
  sectionDocumentName,
  sectionEditRefusal,
  unlockRefusal,
  type Actor,
  type PlanProjection,
  type SectionView,
  type ThreadView,
} from '@fellesplan/domain';
import type { Anchor } from '@fellesplan/editor';
import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client.js';
import { CommentComposer } from '../comments/CommentComposer.js';
import { ThreadsPanel } from '../comments/ThreadsPanel.js';
import type { HighlightRange } from '../editor/commentHighlights.js';
import { anchorForRange, paragraphRanges, selectedRange } from '../editor/selectionAnchor.js';
import { useTranslation } from 'react-i18next';
import { useCollabDocument } from '../collab/CollabContext.js';
import { formatList } from '../i18n/formatList.js';
import { SectionEditor, type EditorUser } from '../editor/SectionEditor.js';
import { StaticBody } from '../editor/StaticBody.js';
import type { StoredBody } from '../plan/usePlanBodies.js';
import type { PlanVisitor } from '../plan/usePlanPresence.js';
import { LinkIcon } from '@navikt/aksel-icons';
import { ConsensusBar } from './ConsensusBar.js';
import { LockControls } from './LockControls.js';
import { MarkControls } from './MarkControls.js';
import { PartyBadge } from './PartyBadge.js';
import { PresenceList } from './PresenceList.js';
import { StatusTag } from './StatusTag.js';
import { useNearViewport } from './useNearViewport.js';
import { usePassageReveal } from '../search/usePassageReveal.js';

interface SectionProps {
  plan: PlanProjection;
  section: SectionView;
  number: number;
  actor: Actor;
  user: EditorUser;
  /** The section's threads that the current filter shows. */
  threads: ThreadView[];
  openThreads: number;
  /** The plan is archived: everything can be read, nothing changed. */
  archived?: boolean;
  /** The section's stored text, shown until its live editor has synced. */
  storedBody?: StoredBody | undefined;
  /** Told when the live editor shows (and stops showing) this section's synced text. */
  onLive?: (sectionId: string, live: boolean) => void;
  /** A thread a link pointed at: shown, made active and focused when it is in this section. */
  focusThread?: { id: string; seq: string } | null;
  /** The people in this section now (their caret is here, or they are reading it). */
  visitors?: readonly PlanVisitor[];
}

export function SectionCard(props: SectionProps) {
  const { t } = useTranslation();
  const { plan, section, number } = props;
  const ref = useRef<HTMLElement>(null);
  const near = useNearViewport(ref);
  const owners = plan.parties.filter((p) => section.owners.includes(p.id));
  // The same policies the server enforces decide what this person is offered.
  const policyPlan = planParties(plan);
  const governed = { ...section, planId: plan.id };
  // An archived plan is read-only for everyone; the server refuses every change to it.
  const markRefused = markRefusal(props.actor, governed, policyPlan);
  const mayMark = !props.archived && markRefused === null;
  const mayLock = !props.archived && lockRefusal(props.actor, governed, policyPlan) === null;
  const mayUnlock = !props.archived && unlockRefusal(props.actor, governed, policyPlan) === null;
  const headingId = `section-title-${section.id}`;
  return (
    <section
      ref={ref}
      id={`section-${section.id}`}
      className="section-card"
      aria-labelledby={headingId}
      data-testid="plan.section"
      data-section-id={section.id}
      data-status={section.status}
    >
      <header className="section-card__header">
        {/* Focusable by script only: a jump from the contents or a link moves focus here. */}
        <Heading level={2} data-size="sm" id={headingId} className="section-card__title" tabIndex={-1}>
          <span className="section-card__number">{number}</span> {section.title}
        </Heading>
        <a
          className="section-card__permalink no-print"
          href={`#section-${section.id}`}
          data-testid="section.permalink"
          aria-label={t('plan.permalink', { title: `${number} ${section.title}` })}
          title={t('plan.permalinkHint')}
        >
          <LinkIcon aria-hidden="true" />
        </a>
        <div className="section-card__tags">
          {props.openThreads > 0 && (
            <span className="section-card__comments" data-testid="section.open-threads" data-count={props.openThreads}>
              {t('comments.openCount', { count: props.openThreads })}
            </span>
          )}
          <StatusTag status={section.status} />
        </div>
      </header>
      {(section.tags?.length ?? 0) > 0 && (
        <ul className="section-card__groups" aria-label={t('plan.patientGroups')} data-testid="section.tags">
          {section.tags?.map((tag) => (
            <li key={tag}>
              <Tag data-size="sm" data-color="info" data-tag={tag}>
                {t(`patientGroup.${tag}`)}
              </Tag>
            </li>
          ))}
        </ul>
      )}
      <div className="section-card__owners">
        <span className="section-card__owners-label">{t('plan.owners')}:</span>
        {owners.map((party) => (
          <PartyBadge key={party.id} party={party} />
        ))}
      </div>
      <ConsensusBar section={section} parties={plan.parties} />
      <div className="section-card__governance">
        {mayMark && <MarkControls section={section} myPartyId={props.actor.partyId} />}
        {!props.archived && markRefused === 'section_empty' && (
          <Paragraph data-size="sm" className="section-card__no-stance" data-testid="mark.empty">
            {t('consensus.emptyNoStance')}
          </Paragraph>
        )}
        {(mayLock || mayUnlock) && <LockControls section={section} unlocking={mayUnlock} />}
      </div>
      {section.contentError ? (
        // [R2] No editor on a body the schema cannot hold: it would show or sync something else.
        <Alert data-color="danger" data-size="sm" className="section-card__notice" data-testid="section.unreadable">
          {t('plan.unreadableSection')}
        </Alert>
      ) : near ? (
        <LiveSection {...props} />
      ) : props.storedBody ? (
        <StaticBody json={props.storedBody.json} label={t('plan.editorLabel', { title: section.title })} />
      ) : (
        <Skeleton height="6rem" aria-label={t('plan.loadingSection')} />
      )}
    </section>
  );
}

type Draft = { anchor: Anchor; quote: string } | 'section';

function LiveSection({
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
    <Skeleton height="6rem" aria-label={t('plan.loadingSection')} />
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
