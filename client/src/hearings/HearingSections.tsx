import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { HearingSectionView } from '@fellesplan/domain';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { StaticBody } from '../editor/StaticBody.js';
import { selectedSection } from './selectionQuote.js';

/**
 * The frozen sections of a hearing, numbered, as text (no editor is loaded). With `onComment`,
 * each offers «Kommenter denne seksjonen», and «Kommenter utvalget» while text in it is selected;
 * `below` shows what belongs under a section (the respondent's remarks on it).
 */
export function HearingSections({
  sections,
  onComment,
  below,
}: {
  sections: readonly HearingSectionView[];
  onComment?: ((sectionId: string, quote: string) => void) | undefined;
  below?: (section: HearingSectionView) => ReactNode;
}) {
  const { t } = useTranslation();
  const [selection, setSelection] = useState<{ sectionId: string; quote: string } | null>(null);
  useEffect(() => {
    if (!onComment) return undefined;
    const update = () => setSelection(selectedSection(document.getSelection()));
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [onComment]);

  return (
    <div className="hearing-sections">
      {onComment && (
        <Paragraph data-size="sm" className="no-print">
          {t('hearings.public.selectHint')}
        </Paragraph>
      )}
      {sections.map((section) => {
        const headingId = `hearing-heading-${section.id}`;
        const selected = selection?.sectionId === section.id ? selection.quote : null;
        return (
          <section
            key={section.id}
            id={`hearing-section-${section.id}`}
            className="hearing-section"
            aria-labelledby={headingId}
            data-testid="hearing.section"
            data-section-id={section.id}
          >
            <Heading level={2} data-size="sm" id={headingId} className="hearing-section__title">
              <span className="section-card__number">{section.number}</span> {section.title}
            </Heading>
            <div data-hearing-section={section.id}>
              <StaticBody json={section.json} label={`${section.number} ${section.title}`} />
            </div>
            {onComment && (
              <div className="hearing-section__actions no-print">
                <Button
                  variant="secondary"
                  data-size="sm"
                  onClick={() => onComment(section.id, '')}
                  aria-label={t('hearings.public.commentSectionLabel', {
                    number: section.number,
                    title: section.title,
                  })}
                  data-testid="hearing.comment-section"
                >
                  {t('hearings.public.commentSection')}
                </Button>
                {selected && (
                  <Button
                    variant="primary"
                    data-size="sm"
                    // Keeps the selection while the button is pressed, so the quote is what was selected.
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => {
                      onComment(section.id, selected);
                      document.getSelection()?.removeAllRanges();
                    }}
                    aria-label={t('hearings.public.commentSelectionLabel', {
                      quote: selected,
                      number: section.number,
                    })}
                    data-testid="hearing.comment-selection"
                  >
                    {t('hearings.public.commentSelection')}
                  </Button>
                )}
              </div>
            )}
            {below?.(section)}
          </section>
        );
      })}
    </div>
  );
}
