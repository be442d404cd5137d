import { FORUMS, type Forum } from '@fellesplan/domain';

/** A plan's forum in words: a known decision level translated, anything older shown as stored. */
export function forumLabel(t: (key: string) => string, forum: string | null | undefined): string | null {
  if (!forum) return null;
  return (FORUMS as readonly string[]).includes(forum) ? t(`forum.${forum as Forum}`) : forum;
}
