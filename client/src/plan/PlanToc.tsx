import { Heading } from '@digdir/designsystemet-react';
import type { SectionView } from '@fellesplan/domain';
import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { StatusIcon } from '../components/StatusIcon.js';
import { useGoToTarget } from './navigation.js';

interface TocSection {
  section: SectionView;
  number: number;
}

/**
 * The table of contents: number, title, status in words and shape, whether the section is ours,
 * open threads. A disclosure, so on a narrow screen it folds away above the text; wide screens
 * keep it open beside the text.
 */
export function PlanToc({
  sections,
  total,
  currentId,
  myPartyId,
  openCounts,
  narrow,
}: {
  sections: readonly TocSection[];
  total: number;
  currentId: string | null;
  myPartyId: string;
  openCounts: ReadonlyMap<string, number>;
  narrow: boolean;
}) {
  const { t } = useTranslation();
  const details = useRef<HTMLDetailsElement>(null);
  const goTo = useGoToTarget();
  // Wide: always open. Narrow: folded until asked for, and folded again after a jump.
  useEffect(() => {
    if (details.current) details.current.open = !narrow;
  }, [narrow]);

  function jump(event: MouseEvent<HTMLAnchorElement>, id: string) {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    if (narrow && details.current) details.current.open = false;
    goTo({ kind: 'section', id });
  }

  return (
    <nav className="toc" aria-labelledby="toc-heading" data-testid="plan.toc">
      <details ref={details} className="toc__details" open>
        <summary className="toc__summary" data-testid="toc.toggle">
          <Heading level={2} data-size="2xs" id="toc-heading" className="toc__heading">
            {t('plan.toc')}
            <span className="toc__count">
              {sections.length === total
                ? t('plan.tocCount', { count: total })
                : t('plan.tocShown', { shown: sections.length, total })}
            </span>
          </Heading>
        </summary>
        <ol className="toc__list">
          {sections.map(({ section, number }) => {
            const open = openCounts.get(section.id) ?? 0;
            const ours = section.owners.includes(myPartyId);
            return (
              <li key={section.id}>
                <a
                  href={`#section-${section.id}`}
                  onClick={(e) => jump(e, section.id)}
                  aria-current={section.id === currentId ? 'location' : undefined}
                  data-testid="toc.item"
                  data-status={section.status}
                  data-ours={ours}
                >
                  <span className="toc__number">{number}</span>
                  <span className="toc__title">
                    {section.title}
                    <span className="toc__meta">
                      <span className={`toc__status toc__status--${section.status}`} data-testid="toc.status">
                        <StatusIcon status={section.status} />
                        {t(`plan.status.${section.status}`)}
                      </span>
                      {ours && (
                        <span className="toc__ours" data-testid="toc.ours">
                          {t('plan.ours')}
                        </span>
                      )}
                      {open > 0 && (
                        <span className="toc__comments" data-testid="toc.open-threads">
                          {t('comments.openCount', { count: open })}
                        </span>
                      )}
                    </span>
                  </span>
                </a>
              </li>
            );
          })}
        </ol>
      </details>
    </nav>
  );
}
