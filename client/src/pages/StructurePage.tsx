import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { PlanProjection, SectionView } from '@fellesplan/domain';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { Link, useLocation, useParams } from 'react-router-dom';
import { api, ApiError } from '../api/client.js';
import { usePlanProjection } from '../collab/usePlanProjection.js';
import { AppHeader } from '../components/AppHeader.js';
import { SectionAddForm } from '../structure/SectionAddForm.js';
import { SectionDeleteDialog } from '../structure/SectionDeleteDialog.js';
import { afterSectionId, moveInOrder } from '../structure/sectionOrder.js';
import { SortableSectionList } from '../structure/SortableSectionList.js';

/**
 * `/plans/:planId/structure`, for administrators: the order of the sections, their titles,
 * owners, required parties and tags. Every change is a command; the page follows the plan's
 * live projection, so changes by another administrator show up too.
 */
export function StructurePage() {
  const { planId = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const [initial, setInitial] = useState<PlanProjection | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  // The order shown while a move is on its way, so the row does not jump back meanwhile.
  const [pendingOrder, setPendingOrder] = useState<string[] | null>(null);
  const [deleting, setDeleting] = useState<SectionView | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const focusListAfterDelete = useRef(false);
  const created = (location.state as { created?: boolean } | null)?.created === true;

  const reload = useCallback(async () => {
    const view = await api.plan(planId);
    setInitial({ ...view, threads: [] });
  }, [planId]);

  useEffect(() => {
    reload().catch((e: unknown) => setLoadError(e instanceof Error ? e.message : t('app.error')));
  }, [reload, t]);

  const plan = usePlanProjection(planId, initial);
  const sections = useMemo(() => {
    if (!plan) return [];
    if (!pendingOrder) return plan.sections;
    const byId = new Map(plan.sections.map((s) => [s.id, s]));
    return pendingOrder.flatMap((id) => byId.get(id) ?? []);
  }, [plan, pendingOrder]);
  const archived = Boolean(plan?.archivedAt);

  // After a delete the row and its button are gone: once the dialog has closed, focus goes to the list.
  useEffect(() => {
    if (deleting || !focusListAfterDelete.current) return;
    focusListAfterDelete.current = false;
    listHeading.current?.focus();
  }, [deleting]);

  useEffect(() => {
    if (plan) document.title = `${t('structure.title')} – ${plan.title} – ${t('app.name')}`;
  }, [plan, t]);

  const changed = useCallback(
    async (message: string) => {
      setError(null);
      await reload();
      setStatus(message);
    },
    [reload],
  );

  const move = useCallback(
    (sectionId: string, toIndex: number) => {
      const order = sections.map((s) => s.id);
      const from = order.indexOf(sectionId);
      if (from < 0 || from === toIndex) return;
      const next = moveInOrder(order, from, toIndex);
      const title = sections[from]?.title ?? '';
      setPendingOrder(next);
      setError(null);
      api
        .command('sections.move', { sectionId, afterSectionId: afterSectionId(next, sectionId) })
        .then(() => reload())
        .then(() => setStatus(t('structure.moved', { title, place: toIndex + 1, total: next.length })))
        .catch((err: unknown) => setError(err instanceof ApiError ? err.message : t('app.error')))
        .finally(() => setPendingOrder(null));
    },
    [sections, reload, t],
  );

  return (
    <>
      <AppHeader />
      <main id="main" className="structure-page" data-testid="structure.page">
        <nav className="structure-page__links" aria-label={t('structure.links')}>
          <Link to={`/plans/${planId}`}>{t('structure.toPlan')}</Link>
          <Link to="/admin/planer">{t('structure.toAdmin')}</Link>
        </nav>
        <Heading level={1} data-size="md">
          {t('structure.title')}
          {plan && <span className="structure-page__plan"> – {plan.title}</span>}
        </Heading>
        {loadError && (
          <Alert data-color="danger" role="alert">
            {loadError}
          </Alert>
        )}
        {!plan && !loadError && <Spinner aria-label={t('app.loading')} />}
        {plan && (
          <>
            {archived ? (
              <Alert data-color="warning" data-testid="structure.archived">
                {t('plan.archivedNotice')}
              </Alert>
            ) : (
              <>
                {created && (
                  <Alert data-color="success" data-testid="structure.created">
                    {t('structure.created')}
                  </Alert>
                )}
                <Paragraph data-size="sm">{t('structure.intro')}</Paragraph>
              </>
            )}
            <div role="status" className="form-status" data-testid="structure.status">
              {status}
            </div>
            {error && (
              <Alert data-color="danger" role="alert" data-testid="structure.error">
                {error}
              </Alert>
            )}
            <Heading level={2} data-size="sm" id="structure-sections" ref={listHeading} tabIndex={-1}>
              {t('structure.sections', { count: sections.length })}
            </Heading>
            <SortableSectionList
              sections={sections}
              parties={plan.parties}
              editable={!archived}
              labelledBy="structure-sections"
              onMove={move}
              onDelete={setDeleting}
              onChanged={changed}
            />
            {!archived && (
              <SectionAddForm planId={plan.id} sections={sections} parties={plan.parties} onAdded={changed} />
            )}
            <SectionDeleteDialog
              section={deleting}
              onClose={() => setDeleting(null)}
              onDeleted={async (title) => {
                focusListAfterDelete.current = true;
                await changed(t('structure.deleted', { title }));
              }}
            />
          </>
        )}
      </main>
    </>
  );
}
