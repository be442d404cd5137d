import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { EditSessionView, PlanView, SectionTextAtView } from '@fellesplan/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client.js';
import { AppHeader } from '../components/AppHeader.js';
import { StaticBody } from '../editor/StaticBody.js';
import { formatDateTime } from '../i18n/formatDateTime.js';
import { useSession } from '../session/SessionContext.js';

/** Who changed a section when, one line per editing session, and the text after any of them. */
export function SectionHistoryPage() {
  const { planId = '', sectionId = '' } = useParams();
  const { t } = useTranslation();
  const { user } = useSession();
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [sessions, setSessions] = useState<EditSessionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<{ session: string; text: SectionTextAtView } | null>(null);

  useEffect(() => {
    Promise.all([api.plan(planId), api.history(sectionId)])
      .then(([p, h]) => {
        setPlan(p);
        setSessions(h);
      })
      .catch((err: unknown) => setError(err instanceof Error ? err.message : t('app.error')));
  }, [planId, sectionId, t]);

  const section = plan?.sections.find((s) => s.id === sectionId);
  const describe = (s: EditSessionView) => {
    if (s.userId === null) return t('history.baseline', { at: formatDateTime(s.to) });
    const from = formatDateTime(s.from);
    const to = formatDateTime(s.to);
    return t('history.session', {
      party: plan?.parties.find((p) => p.id === s.partyId)?.name ?? t('history.unknownParty'),
      name: s.name ?? t('history.unknownPerson'),
      from,
      // Same day: only the time after the dash ("14.03.2027 10:02–10:31").
      to: from.slice(0, 10) === to.slice(0, 10) ? to.slice(11) : to,
    });
  };

  async function show(s: EditSessionView) {
    try {
      setShown({ session: describe(s), text: await api.textAfter(sectionId, s.id) });
    } catch (err) {
      setError(err instanceof Error ? err.message : t('app.error'));
    }
  }

  return (
    <>
      <AppHeader partyName={plan?.parties.find((p) => p.id === user?.partyId)?.name} />
      <main id="main" className="history-page" data-testid="history.page">
        <Link to={`/plans/${planId}#section-${sectionId}`}>{t('history.back')}</Link>
        <Heading level={1} data-size="md">
          {t('history.title', { title: section?.title ?? '' })}
        </Heading>
        <Paragraph data-size="sm">{t('history.intro')}</Paragraph>
        {error && <Alert data-color="danger">{error}</Alert>}
        {!sessions && !error && <Spinner aria-label={t('history.loading')} />}
        {sessions && sessions.length === 0 && <Paragraph>{t('history.none')}</Paragraph>}
        {sessions && sessions.length > 0 && (
          <ol className="history-page__sessions" data-testid="history.sessions">
            {sessions.map((s) => (
              <li key={s.id} data-testid="history.session" data-party-id={s.partyId ?? ''}>
                <span>{describe(s)}</span>
                {s.userId !== null && (
                  <span className="history-page__edits"> · {t('history.edits', { count: s.edits })}</span>
                )}{' '}
                <Button variant="tertiary" data-size="sm" onClick={() => void show(s)} data-testid="history.show">
                  {t('history.show')}
                </Button>
              </li>
            ))}
          </ol>
        )}
        {shown && (
          <section aria-labelledby="history-text" data-testid="history.text">
            <Heading level={2} data-size="xs" id="history-text">
              {t('history.textAfter', { session: shown.session })}
            </Heading>
            <StaticBody json={shown.text.json} label={t('history.textAfter', { session: shown.session })} />
          </section>
        )}
      </main>
    </>
  );
}
