import type { CommentView, MemberView, Party } from '@fellesplan/domain';
import type { ReactNode } from 'react';

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/**
 * A comment as plain text: line breaks kept (CSS), http(s) links made clickable, mentions
 * emphasised. Everything is a React text node: no HTML from a comment is ever rendered.
 */
export function CommentText({
  comment,
  members,
  parties,
}: {
  comment: CommentView;
  members: readonly MemberView[];
  parties: readonly Party[];
}) {
  const names = comment.mentions
    .map((m) =>
      m.kind === 'user' ? members.find((u) => u.id === m.id)?.name : parties.find((p) => p.id === m.id)?.name,
    )
    .filter((n): n is string => !!n)
    .map((n) => `@${n}`);
  return <p className="comment__body">{linkify(comment.body, names)}</p>;
}

function linkify(text: string, mentions: string[]): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const at = match.index;
    parts.push(...emphasise(text.slice(last, at), mentions, parts.length));
    parts.push(
      <a key={`l${at}`} href={match[0]} target="_blank" rel="noopener noreferrer nofollow">
        {match[0]}
      </a>,
    );
    last = at + match[0].length;
  }
  parts.push(...emphasise(text.slice(last), mentions, parts.length));
  return parts;
}

function emphasise(text: string, mentions: string[], key: number): ReactNode[] {
  if (mentions.length === 0 || !text) return [text];
  const escaped = mentions.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(${escaped.join('|')})`, 'giu');
  return text.split(pattern).map((part, i) =>
    i % 2 === 1 ? (
      <strong key={`m${key}-${i}`} className="comment__mention">
        {part}
      </strong>
    ) : (
      part
    ),
  );
}
