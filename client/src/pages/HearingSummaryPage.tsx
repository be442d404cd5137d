import { Alert, Heading, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import {
  ASSESSMENT_LABELS,
  NOT_ASSESSED_LABEL,
  VISIBILITY_LABELS,
  type HearingResponseView,
  type HearingView,
} from '@fellesplan/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client.js';
import { AppHeader } from '../components/AppHeader.js';
import { HearingSummaryLinks } from '../hearingSummary/HearingSummaryLinks.js';
import { formatDateTime } from '../i18n/formatDateTime.js';
import { currentLanguage } from '../i18n/index.js';

/**
 * The høringsoppsummering as a page: the hearing's facts, every respondent, and every remark by
 * section in plan order with its assessment; the same as the Word file, which downloads from here.
 */
export function HearingSummaryPage() {
  const { planId = '', hearingId = '' } = useParams();
  const { t } = useTranslation();
  const [hearing, setHearing] = useState<HearingView | null>(null);
  const [responses, setResponses] = useState<HearingResponseView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const language = currentLanguage();

  useEffect(() => {
    Promise.all([api.hearing(hearingId), api.hearingResponses(hearingId)])
      .then(([h, r]) => {
        setHearing(h);
        setResponses(r);
      })
      .catch((err: unknown) => setError(err instanceof Error ? err.message : t('app.error')));
  }, [hearingId, t]);
  useEffect(() => {
    if (hearing) document.title = `${t('hearingSummary.title')} – ${hearing.title} – ${t('app.name')}`;
  }, [hearing, t]);

  const remarks = (responses ?? []).flatMap((response) => response.remarks.map((remark) => ({ response, remark })));

  return (
    <>
      <AppHeader />
      <main id="main" className="hearing-summary" data-testid="hearing-summary.page">
        <Link to={`/plans/${planId}`}>{t('adoption.back')}</Link>
        <Heading level={1} data-size="md">
          {t('hearingSummary.title')}
          {hearing && <span className="audit-page__plan"> – {hearing.title}</span>}
        </Heading>
        {error && <Alert data-color="danger">{error}</Alert>}
        {!hearing && !error && <Spinner aria-label={t('app.loading')} />}
        {hearing && responses && (
          <>
            <Paragraph data-size="sm">
              {t('hearingSummary.facts', {
                plan: hearing.planTitle,
                deadline: formatDateTime(hearing.deadline),
                responses: responses.length,
                remarks: remarks.length,
                assessed: remarks.filter(({ remark }) => remark.assessment).length,
              })}
            </Paragraph>
            {hearing.extensions.map((e) => (
              <Paragraph data-size="sm" key={e.at}>
                {t('hearingSummary.extended', {
                  from: formatDateTime(e.from),
                  to: formatDateTime(e.to),
                  reason: e.reason,
                })}
              </Paragraph>
            ))}
            <HearingSummaryLinks hearingId={hearingId} />
            <section aria-labelledby="summary-respondents">
              <Heading level={2} data-size="sm" id="summary-respondents">
                {t('hearingSummary.respondents')}
              </Heading>
              {responses.length === 0 && <Paragraph>{t('hearingSummary.noResponses')}</Paragraph>}
              <ul className="hearing-summary__list">
                {responses.map((r) => (
                  <li key={r.id} data-testid="hearing-summary.respondent">
                    {r.reference}: {[r.respondent.name, r.respondent.organisation].filter(Boolean).join(', ')}{' '}
                    {r.visibility !== 'public' && (
                      <Tag data-size="sm" data-color="warning">
                        {VISIBILITY_LABELS[language][r.visibility]}
                      </Tag>
                    )}
                  </li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="summary-sections">
              <Heading level={2} data-size="sm" id="summary-sections">
                {t('hearingSummary.bySection')}
              </Heading>
              {hearing.sections.map((section) => {
                const own = remarks.filter(({ remark }) => remark.sectionId === section.id);
                return (
                  <section key={section.id} aria-labelledby={`summary-section-${section.id}`}>
                    <Heading level={3} data-size="xs" id={`summary-section-${section.id}`}>
                      {section.number} {section.title}
                    </Heading>
                    {own.length === 0 && <Paragraph data-size="sm">{t('hearingSummary.noRemarks')}</Paragraph>}
                    {own.map(({ response, remark }) => (
                      <article key={remark.id} className="hearing-summary__remark" data-testid="hearing-summary.remark">
                        <Paragraph data-size="sm">
                          <strong>{response.reference}</strong> – {response.respondent.name}
                          {response.respondent.organisation ? `, ${response.respondent.organisation}` : ''}
                        </Paragraph>
                        {remark.quote && <blockquote className="hearing-summary__quote">«{remark.quote}»</blockquote>}
                        <Paragraph className="hearing-summary__text">{remark.text}</Paragraph>
                        {remark.proposedText && (
                          <Paragraph data-size="sm" className="hearing-summary__text">
                            {t('hearingSummary.proposed')}: {remark.proposedText}
                          </Paragraph>
                        )}
                        <Paragraph data-size="sm">
                          {t('hearingSummary.assessment')}:{' '}
                          {remark.assessment
                            ? ASSESSMENT_LABELS[language][remark.assessment]
                            : NOT_ASSESSED_LABEL[language]}
                          {remark.justification ? ` – ${remark.justification}` : ''}
                        </Paragraph>
                      </article>
                    ))}
                  </section>
                );
              })}
            </section>
            <section aria-labelledby="summary-statements">
              <Heading level={2} data-size="sm" id="summary-statements">
                {t('hearingSummary.statements')}
              </Heading>
              {responses
                .filter((r) => r.statement?.trim())
                .map((r) => (
                  <article key={r.id} className="hearing-summary__remark">
                    <Paragraph data-size="sm">
                      <strong>{r.reference}</strong> – {r.respondent.name}
                    </Paragraph>
                    <Paragraph className="hearing-summary__text">{r.statement}</Paragraph>
                  </article>
                ))}
            </section>
          </>
        )}
      </main>
    </>
  );
}
