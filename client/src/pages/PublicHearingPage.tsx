import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { PublicHearingView } from '@fellesplan/domain';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { useParams } from 'react-router-dom';
import { api, ApiError } from '../api/client.js';
import { AppHeader } from '../components/AppHeader.js';
import { draftProblems, type DraftField } from '../hearings/draftProblems.js';
import { HearingDeadline } from '../hearings/HearingDeadline.js';
import { HearingSections } from '../hearings/HearingSections.js';
import { formatOsloDeadline, timeLeft } from '../hearings/osloTime.js';
import { PublishedResponses } from '../hearings/PublishedResponses.js';
import { RemarkFields } from '../hearings/RemarkFields.js';
import {
  browserStorage,
  clearDraft,
  emptyDraft,
  loadDraft,
  saveDraft,
  draftToInput,
  type RemarkDraft,
  type ResponseDraft,
} from '../hearings/responseDraft.js';
import { draftFieldId, ResponseForm } from '../hearings/ResponseForm.js';
import { ResponseReceipt, type Receipt } from '../hearings/ResponseReceipt.js';
import { useNow } from '../hearings/useNow.js';

/**
 * A hearing as anyone with its link reads it, without logging in: the frozen draft, numbered and
 * printable, and (while open) the response form, whose draft stays in this browser until sent.
 */
export function PublicHearingPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const storage = useMemo(browserStorage, []);
  const [hearing, setHearing] = useState<PublicHearingView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [initialDraft] = useState(() => loadDraft(storage, token));
  const [draft, setDraft] = useState<ResponseDraft>(() => initialDraft ?? emptyDraft());
  const [stored, setStored] = useState<boolean | null>(null);
  const [problems, setProblems] = useState<ReadonlyMap<DraftField, string>>(new Map());
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [focusField, setFocusField] = useState<DraftField | null>(null);
  const now = useNow();

  const load = useCallback(
    () =>
      api
        .publicHearing(token)
        .then(setHearing)
        .catch((error: unknown) =>
          setLoadError(
            error instanceof ApiError && error.status === 404 ? t('hearings.public.notFound') : t('app.error'),
          ),
        ),
    [token, t],
  );
  useEffect(() => void load(), [load]);
  // A draft kept from before may name sections this hearing does not have (another hearing's link).
  useEffect(() => {
    if (!hearing) return;
    const known = new Set(hearing.sections.map((s) => s.id));
    setDraft((current) =>
      current.remarks.every((r) => known.has(r.sectionId))
        ? current
        : { ...current, remarks: current.remarks.filter((r) => known.has(r.sectionId)) },
    );
  }, [hearing]);
  useEffect(() => {
    if (hearing) document.title = `${hearing.title} – ${t('app.name')}`;
  }, [hearing, t]);

  // Every change is kept at once: a reload, a crash or a closed tab loses nothing.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setStored(saveDraft(storage, token, draft));
  }, [draft, storage, token]);

  useEffect(() => {
    if (!focusField) return;
    document.getElementById(draftFieldId(focusField))?.focus();
    setFocusField(null);
  }, [focusField]);

  const change = (partial: Partial<ResponseDraft>) => setDraft((current) => ({ ...current, ...partial }));
  const changeRemark = (key: string, partial: Partial<RemarkDraft>) =>
    setDraft((current) => ({
      ...current,
      remarks: current.remarks.map((remark) => (remark.key === key ? { ...remark, ...partial } : remark)),
    }));

  function addRemark(sectionId: string, quote: string) {
    const key = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    setDraft((current) => ({
      ...current,
      remarks: [...current.remarks, { key, sectionId, quote, text: '', proposedText: '' }],
    }));
    setFocusField(`remark:${key}`);
  }

  async function submit() {
    const found = draftProblems(draft);
    setProblems(new Map(found.map(([field, key]) => [field, t(key)])));
    setFormError(null);
    if (found[0]) {
      setFocusField(found[0][0]);
      return;
    }
    setBusy(true);
    try {
      const result = await api.respondToHearing(token, draftToInput(draft));
      clearDraft(storage, token);
      setReceipt({
        reference: result.reference,
        receiptUrl: result.receiptUrl,
        at: new Date().toISOString(),
        sent: draft,
      });
      setDraft(emptyDraft());
      setStored(null);
    } catch (error) {
      // Closed meanwhile: the page shows it so; the draft stays in the browser.
      if (error instanceof ApiError && error.code === 'hearing_closed') void load();
      setFormError(error instanceof ApiError ? error.message : t('app.error'));
    } finally {
      setBusy(false);
    }
  }

  function discard() {
    clearDraft(storage, token);
    setDraft(emptyDraft());
    setProblems(new Map());
    setStored(null);
  }

  const open = Boolean(hearing?.open) && timeLeft(hearing?.deadline ?? '', now).unit !== 'passed';

  return (
    <>
      <AppHeader />
      <main id="main" className="hearing-page" data-testid="hearing.page">
        {loadError && <Alert data-color="danger">{loadError}</Alert>}
        {!hearing && !loadError && <Spinner aria-label={t('app.loading')} />}
        {hearing && (
          <>
            <header className="hearing-page__header">
              <Paragraph data-size="sm" className="hearing-page__kicker">
                {t('hearings.public.kicker')}
              </Paragraph>
              <Heading level={1} data-size="lg" data-testid="hearing.title">
                {hearing.title}
              </Heading>
              <Paragraph data-testid="hearing.plan">
                {t('hearings.public.planOf', { plan: hearing.planTitle })}
              </Paragraph>
              <HearingDeadline
                deadline={hearing.deadline}
                now={now}
                extensions={hearing.extensions}
                testId="hearing.deadline"
              />
              {hearing.intro && <p className="hearing-text hearing-page__intro">{hearing.intro}</p>}
              <button type="button" className="link-button no-print" onClick={() => window.print()}>
                {t('hearings.public.print')}
              </button>
            </header>
            <nav className="hearing-toc" aria-labelledby="hearing-toc-heading" data-testid="hearing.toc">
              <Heading level={2} data-size="xs" id="hearing-toc-heading">
                {t('hearings.public.toc')}
              </Heading>
              <ol className="hearing-toc__list">
                {hearing.sections.map((section) => (
                  <li key={section.id}>
                    <a href={`#hearing-section-${section.id}`}>
                      <span className="toc__number">{section.number}</span> {section.title}
                    </a>
                  </li>
                ))}
              </ol>
              <ul className="hearing-toc__more no-print">
                {open && (
                  <li>
                    <a href="#hearing-form-heading">{t('hearings.public.tocForm')}</a>
                  </li>
                )}
                <li>
                  <a href="#hearing-responses">{t('hearings.public.tocResponses')}</a>
                </li>
              </ul>
            </nav>
            <Paragraph data-size="sm">
              <em>{t('hearings.public.frozen')}</em>
            </Paragraph>
            <HearingSections
              sections={hearing.sections}
              onComment={open && !receipt ? addRemark : undefined}
              below={(section) =>
                open &&
                !receipt &&
                draft.remarks
                  .filter((remark) => remark.sectionId === section.id)
                  .map((remark) => (
                    <RemarkFields
                      key={remark.key}
                      remark={remark}
                      number={section.number}
                      title={section.title}
                      error={problems.get(`remark:${remark.key}`)}
                      onChange={(partial) => changeRemark(remark.key, partial)}
                      onRemove={() =>
                        setDraft((current) => ({
                          ...current,
                          remarks: current.remarks.filter((r) => r.key !== remark.key),
                        }))
                      }
                    />
                  ))
              }
            />
            {receipt && <ResponseReceipt receipt={receipt} onAnother={() => setReceipt(null)} />}
            {!open && (
              <Alert data-color="warning" data-testid="hearing.closed">
                <Heading level={2} data-size="xs">
                  {t('hearings.public.closed.heading')}
                </Heading>
                <Paragraph>
                  {hearing.closedEarly
                    ? t('hearings.public.closed.early')
                    : t('hearings.public.closed.deadline', { deadline: formatOsloDeadline(hearing.deadline) })}
                </Paragraph>
              </Alert>
            )}
            {open && !receipt && (
              <ResponseForm
                draft={draft}
                onChange={change}
                problems={problems}
                member={hearing.member}
                busy={busy}
                formError={formError}
                stored={stored}
                resumed={initialDraft !== null}
                onDiscard={discard}
                onSubmit={() => void submit()}
              />
            )}
            {!open && formError && <Alert data-color="danger">{formError}</Alert>}
            <PublishedResponses responses={hearing.responses} sections={hearing.sections} />
          </>
        )}
      </main>
    </>
  );
}
