import { Alert, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { SectionCompareView } from '@fellesplan/domain';
import { useTranslation } from '../i18n/useTranslation.js';
import { DiffBody } from './DiffBody.js';
import { diffSentence } from './diffSentence.js';
import { markerChangeText, sectionChangeLabels } from './sectionChangeLabels.js';

/** One section that differs between the two sides: what happened to it, its text, its stances. */
export function SectionComparison({
  section,
  partyName,
}: {
  section: SectionCompareView;
  partyName: (partyId: string) => string;
}) {
  const { t } = useTranslation();
  const title = section.titleAfter ?? section.titleBefore ?? '';
  const headingId = `compare-section-${section.sectionId}`;
  const labels = sectionChangeLabels(t, section, partyName);
  return (
    <section
      className="section-card compare-section"
      aria-labelledby={headingId}
      data-testid="compare.section"
      data-section-id={section.sectionId}
      data-kind={section.kind}
    >
      <Heading level={2} data-size="sm" id={headingId} className="section-card__title">
        {section.positionAfter !== null && <span className="section-card__number">{section.positionAfter + 1}</span>}{' '}
        {title}
      </Heading>
      {labels.length > 0 && (
        <ul className="compare-section__labels" aria-label={t('compare.changesOf', { title })}>
          {labels.map((label) => (
            <li key={label}>
              <Tag data-size="sm" data-color="neutral" data-testid="compare.label">
                {label}
              </Tag>
            </li>
          ))}
        </ul>
      )}
      {section.textUnknown ? (
        <Alert data-color="warning" data-size="sm">
          {t('compare.textUnknown')}
        </Alert>
      ) : (
        <Paragraph data-size="sm" data-testid="compare.text-sentence">
          {diffSentence(t, section.diff)}
        </Paragraph>
      )}
      {section.diff.changed && <DiffBody doc={section.diff.doc} label={t('compare.sectionLabel', { title })} />}
      {section.markerChanges.length > 0 && (
        <>
          <Heading level={3} data-size="2xs" id={`${headingId}-markers`}>
            {t('compare.markers')}
          </Heading>
          <ul aria-labelledby={`${headingId}-markers`} data-testid="compare.markers">
            {section.markerChanges.map((change) => (
              <li key={change.partyId} data-party-id={change.partyId}>
                {markerChangeText(t, change, partyName)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
