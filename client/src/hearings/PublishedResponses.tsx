import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { HearingSectionView, PublicResponseView } from '@fellesplan/domain';
import { useTranslation } from '../i18n/useTranslation.js';
import { formatOsloDeadline } from './osloTime.js';

/** The responses the sekretariat has published, as plain text: React escapes it, nothing is read as markup. */
export function PublishedResponses({
  responses,
  sections,
}: {
  responses: readonly PublicResponseView[] | null;
  sections: readonly HearingSectionView[];
}) {
  const { t } = useTranslation();
  const section = (id: string) => sections.find((s) => s.id === id);
  return (
    <section className="hearing-responses" aria-labelledby="hearing-responses" data-testid="hearing.responses">
      <Heading level={2} data-size="sm" id="hearing-responses">
        {t('hearings.public.tocResponses')}
      </Heading>
      {responses === null && <Paragraph>{t('hearings.public.responses.notYet')}</Paragraph>}
      {responses?.length === 0 && <Paragraph>{t('hearings.public.responses.none')}</Paragraph>}
      {responses?.map((response) => (
        <article key={response.reference} className="hearing-response" data-testid="hearing.published-response">
          <Heading level={3} data-size="xs">
            {[response.name, response.organisation].filter(Boolean).join(', ')}
            {response.partyName && ` (${t('hearings.public.responses.onBehalf', { party: response.partyName })})`}
          </Heading>
          <Paragraph data-size="sm">
            {response.reference} · {t('hearings.public.responses.received', { at: formatOsloDeadline(response.at) })}
          </Paragraph>
          {response.visibility === 'redacted' && (
            <Paragraph data-size="sm">
              <em>{t('hearings.public.responses.redacted')}</em>
            </Paragraph>
          )}
          {response.statement && <p className="hearing-text">{response.statement}</p>}
          {response.remarks.map((remark, index) => {
            const on = section(remark.sectionId);
            return (
              <div key={index} className="hearing-response__remark">
                <Heading level={4} data-size="2xs">
                  {t('hearings.public.responses.remarkOn', { number: on?.number ?? '', title: on?.title ?? '' })}
                </Heading>
                {remark.quote && <blockquote className="hearing-quote">{remark.quote}</blockquote>}
                <p className="hearing-text">{remark.text}</p>
                {remark.proposedText && (
                  <p className="hearing-text">
                    <strong>{t('hearings.public.responses.proposed')}</strong> {remark.proposedText}
                  </p>
                )}
              </div>
            );
          })}
        </article>
      ))}
    </section>
  );
}
