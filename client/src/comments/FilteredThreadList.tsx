import type { SectionView, ThreadView } from '@fellesplan/domain';
import { useTranslation } from '../i18n/useTranslation.js';
import { revealPassage } from '../search/passageTarget.js';

const FIRST_WORDS = 12;

function firstWords(text: string): string {
  const words = text.trim().split(/\s+/);
  return words.length > FIRST_WORDS ? `${words.slice(0, FIRST_WORDS).join(' ')} …` : words.join(' ');
}

/**
 * What a narrowing comment filter («Mine», «Nevner meg», a party) found: how many threads and
 * which, each a link to the thread in its section; said plainly when nothing matches.
 */
export function FilteredThreadList({
  threads,
  sections,
}: {
  threads: readonly ThreadView[];
  sections: readonly SectionView[];
}) {
  const { t } = useTranslation();
  const order = new Map(sections.map((s, index) => [s.id, index]));
  const sorted = [...threads]
    .filter((th) => order.has(th.sectionId))
    .sort((a, b) => (order.get(a.sectionId) ?? 0) - (order.get(b.sectionId) ?? 0));
  return (
    <div className="thread-list" data-testid="comments.filtered">
      <p role="status" className="thread-list__count" data-testid="comments.filtered-count">
        {sorted.length === 0 ? t('threadList.empty') : t('threadList.count', { count: sorted.length })}
      </p>
      {sorted.length > 0 && (
        <ul className="thread-list__items" aria-label={t('threadList.label')}>
          {sorted.map((thread) => {
            const index = order.get(thread.sectionId) ?? 0;
            const section = sections[index];
            const first = thread.comments.find((c) => !c.deleted)?.body ?? thread.quote ?? '';
            return (
              <li key={thread.id}>
                <a
                  href={`#thread-${thread.id}`}
                  data-testid="comments.filtered-item"
                  onClick={(event) => {
                    event.preventDefault();
                    revealPassage({ sectionId: thread.sectionId, kind: 'comment', threadId: thread.id });
                  }}
                >
                  {t('threadList.item', { section: `${index + 1} ${section?.title ?? ''}`, text: firstWords(first) })}
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
