import { Alert, Button } from '@digdir/designsystemet-react';
import {
  commentChangeRefusal,
  type CommentView,
  type MemberView,
  type Party,
  type ThreadView,
} from '@fellesplan/domain';
import { forwardRef, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { api, ApiError } from '../api/client.js';
import { PARTY_COLORS } from '@fellesplan/domain';
import { formatDateTime } from '../i18n/formatDateTime.js';
import { CommentComposer } from './CommentComposer.js';
import { CommentText } from './CommentText.js';

interface ThreadCardProps {
  thread: ThreadView;
  members: readonly MemberView[];
  parties: readonly Party[];
  me: { userId: string };
  readOnly?: boolean;
  active: boolean;
  onActivate: () => void;
  style?: React.CSSProperties;
}

/** One thread: its quote, comments, reply box, and resolve/reopen. */
export const ThreadCard = forwardRef<HTMLElement, ThreadCardProps>(function ThreadCard(
  { thread, members, parties, me, readOnly = false, active, onActivate, style },
  ref,
) {
  const { t } = useTranslation();
  const [replying, setReplying] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('app.error'));
      throw err;
    }
  }

  const first = thread.comments.find((c) => !c.deleted);
  return (
    <article
      ref={ref}
      className={`thread${active ? ' thread--active' : ''}${thread.status === 'resolved' ? ' thread--resolved' : ''}`}
      style={style}
      aria-label={first ? `${t('comments.comment')}: ${first.authorName}` : undefined}
      data-testid="thread"
      data-thread-id={thread.id}
      data-status={thread.status}
      data-detached={thread.detached}
      onClick={onActivate}
      onFocus={onActivate}
    >
      {thread.anchor ? (
        <blockquote className={`thread__quote${thread.detached ? ' thread__quote--detached' : ''}`}>
          <span className="visually-hidden">{t('comments.quote')}: </span>
          {thread.detached && <span className="thread__detached">{t('comments.detached')}: </span>}
          {thread.quote}
        </blockquote>
      ) : (
        <p className="thread__whole">{t('comments.wholeSection')}</p>
      )}
      {thread.status === 'resolved' && <p className="thread__resolved">{t('comments.resolved')}</p>}
      <ol className="thread__comments">
        {thread.comments.map((comment) => (
          <Comment
            key={comment.id}
            comment={comment}
            members={members}
            parties={parties}
            mayChange={!readOnly && commentChangeRefusal(me, comment) === null}
            run={run}
          />
        ))}
      </ol>
      {error && (
        <Alert data-color="danger" data-size="sm" role="alert">
          {error}
        </Alert>
      )}
      {readOnly ? null : replying ? (
        <CommentComposer
          label={t('comments.replyLabel')}
          submitLabel={t('comments.send')}
          members={members}
          parties={parties}
          testId="thread.reply"
          onSubmit={async (body) => {
            await api.command('threads.reply', { threadId: thread.id, body });
            setReplying(false);
          }}
          onCancel={() => setReplying(false)}
        />
      ) : (
        <div className="thread__actions">
          <Button variant="secondary" data-size="sm" onClick={() => setReplying(true)} data-testid="thread.reply-open">
            {t('comments.reply')}
          </Button>
          {thread.status === 'open' ? (
            <Button
              variant="tertiary"
              data-size="sm"
              onClick={() =>
                void run(() => api.command('threads.resolve', { threadId: thread.id })).catch(() => undefined)
              }
              data-testid="thread.resolve"
            >
              {t('comments.resolve')}
            </Button>
          ) : (
            <Button
              variant="tertiary"
              data-size="sm"
              onClick={() =>
                void run(() => api.command('threads.reopen', { threadId: thread.id })).catch(() => undefined)
              }
              data-testid="thread.reopen"
            >
              {t('comments.reopen')}
            </Button>
          )}
        </div>
      )}
    </article>
  );
});

function Comment({
  comment,
  members,
  parties,
  mayChange,
  run,
}: {
  comment: CommentView;
  members: readonly MemberView[];
  parties: readonly Party[];
  /** The author may edit and delete (the same rule the server enforces). */
  mayChange: boolean;
  run: (action: () => Promise<unknown>) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const party = parties.find((p) => p.id === comment.partyId);
  if (comment.deleted) {
    return (
      <li className="comment comment--deleted" data-testid="comment">
        {t('comments.deleted')}
      </li>
    );
  }
  return (
    <li className="comment" data-testid="comment" data-comment-id={comment.id}>
      <div className="comment__meta">
        <span
          className="comment__author"
          style={{ '--party-color': party ? PARTY_COLORS[party.kind] : '#444' } as React.CSSProperties}
        >
          {comment.authorName}
        </span>
        {party && <span className="comment__party">{party.name}</span>}
        <time dateTime={comment.at}>{formatDateTime(comment.at)}</time>
        {comment.editedAt && <span className="comment__edited">({t('comments.edited')})</span>}
      </div>
      {editing ? (
        <CommentComposer
          label={t('comments.body')}
          initial={comment.body}
          submitLabel={t('comments.save')}
          members={members}
          parties={parties}
          testId="comment.edit"
          onSubmit={async (body) => {
            await api.command('comments.edit', { commentId: comment.id, body });
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <CommentText comment={comment} members={members} parties={parties} />
      )}
      {mayChange && !editing && (
        <div className="comment__own">
          <Button variant="tertiary" data-size="sm" onClick={() => setEditing(true)}>
            {t('comments.edit')}
          </Button>
          <Button
            variant="tertiary"
            data-size="sm"
            data-color="danger"
            onClick={() => {
              if (window.confirm(t('comments.confirmDelete'))) {
                void run(() => api.command('comments.delete', { commentId: comment.id })).catch(() => undefined);
              }
            }}
          >
            {t('comments.delete')}
          </Button>
        </div>
      )}
    </li>
  );
}
