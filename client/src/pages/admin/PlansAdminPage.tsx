import { Button, Fieldset, Heading, Paragraph, Radio, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { FORUMS, INPUT_LIMITS, type Forum, type PlanSummaryView } from '@fellesplan/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation.js';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client.js';
import { AdminStatus } from '../../admin/AdminStatus.js';
import { AdminTable } from '../../admin/AdminTable.js';
import { planCreateInput, type PlanForm, type PlanStart } from '../../admin/planCreateInput.js';
import { RowButton } from '../../admin/RowButton.js';
import { useAdminStatus } from '../../admin/useAdminStatus.js';
import { useAdminTitle } from '../../admin/useAdminTitle.js';
import { useAdminData } from '../../admin/usePartnership.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { SelectField } from '../../components/SelectField.js';
import { CheckboxGroup } from '../../forms/CheckboxGroup.js';
import { FormError } from '../../forms/FormError.js';
import { useFormErrors } from '../../forms/useFormErrors.js';
import { WordImportFields, type WordImportChoice } from '../../admin/WordImportFields.js';
import { forumLabel } from '../../i18n/forumLabel.js';

const FIELDS = ['title', 'copyFromPlanId', 'file', 'partyIds'] as const;
const STARTS: readonly PlanStart[] = ['default', 'copy', 'blank', 'import'];

/** Plans: create one from the template, from an earlier plan or blank, choose its parties; archive. */
export function PlansAdminPage() {
  const { t } = useTranslation();
  const { plans } = useAdminData();
  const { status, done } = useAdminStatus();
  const [archiving, setArchiving] = useState<PlanSummaryView | null>(null);

  useAdminTitle('admin.tabs.plans');

  return (
    <div className="admin-section" data-testid="admin.plans">
      <PlanCreateForm />
      <section aria-labelledby="plans-heading">
        <Heading level={2} data-size="sm" id="plans-heading">
          {t('adminPlans.title')}
        </Heading>
        <AdminStatus status={status} testId="adminPlans.status" />
        {plans.length === 0 ? (
          <Paragraph>{t('adminPlans.empty')}</Paragraph>
        ) : (
          <AdminTable
            caption={t('adminPlans.title')}
            headers={[
              t('adminPlans.planTitle'),
              t('adminPlans.forum'),
              t('adminPlans.period'),
              t('adminPlans.sections'),
              t('admin.status'),
              t('admin.actions'),
            ]}
            testId="adminPlans.table"
          >
            {plans.map((plan) => (
              <Table.Row key={plan.id} data-testid="adminPlans.row" data-plan-id={plan.id}>
                <Table.Cell>
                  <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
                </Table.Cell>
                <Table.Cell>{forumLabel(t, plan.forum) ?? '–'}</Table.Cell>
                <Table.Cell>{plan.period ?? '–'}</Table.Cell>
                <Table.Cell>{plan.sectionCount}</Table.Cell>
                <Table.Cell>
                  <Tag data-size="sm" data-color={plan.archivedAt ? 'neutral' : 'success'}>
                    {plan.archivedAt ? t('plan.archived') : t('admin.active')}
                  </Tag>
                </Table.Cell>
                <Table.Cell>
                  <div className="admin-table__actions">
                    <Link
                      to={`/plans/${plan.id}/structure`}
                      aria-label={t('adminPlans.structureNamed', { title: plan.title })}
                      data-testid="adminPlans.structure"
                    >
                      {t('adminPlans.structure')}
                    </Link>
                    {!plan.archivedAt && (
                      <RowButton
                        label={t('adminPlans.archive')}
                        accessibleName={t('adminPlans.archiveNamed', { title: plan.title })}
                        onClick={() => setArchiving(plan)}
                        testId="adminPlans.archive"
                      />
                    )}
                  </div>
                </Table.Cell>
              </Table.Row>
            ))}
          </AdminTable>
        )}
      </section>
      <ConfirmDialog
        open={archiving !== null}
        title={t('adminPlans.archiveTitle', { title: archiving?.title ?? '' })}
        body={t('adminPlans.archiveBody')}
        confirmLabel={t('adminPlans.archive')}
        onClose={() => setArchiving(null)}
        onConfirm={async () => {
          if (!archiving) return;
          await api.command('plans.archive', { planId: archiving.id });
          await done(t('adminPlans.archived', { title: archiving.title }));
        }}
        testId="adminPlans.archive-dialog"
      />
    </div>
  );
}

function PlanCreateForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { partnership, plans } = useAdminData();
  const form = useFormErrors('plan-new', FIELDS);
  const activeParties = partnership.parties.filter((p) => p.active);
  const [values, setValues] = useState<PlanForm>(() => ({
    title: '',
    forum: '',
    period: '',
    start: 'default',
    copyFromPlanId: '',
    // Usually every party of the helsefellesskap takes part; the administrator unticks the exceptions.
    partyIds: activeParties.map((p) => p.id),
  }));
  const [busy, setBusy] = useState(false);
  const [wordImport, setWordImport] = useState<WordImportChoice | null>(null);
  const [owner, setOwner] = useState('');
  const chosenParties = activeParties.filter((p) => values.partyIds.includes(p.id));
  // The sekretariat usually holds the pen on an imported plan until owners are shared out.
  const importOwner =
    chosenParties.find((p) => p.id === owner)?.id ??
    chosenParties.find((p) => p.kind === 'sekretariat')?.id ??
    chosenParties[0]?.id ??
    '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const built = planCreateInput({ ...values, previewed: wordImport !== null });
    if (!form.check(built.errors ?? {}) || !built.input) return;
    setBusy(true);
    try {
      const { id } =
        values.start === 'import' && wordImport
          ? await api.importPlan(wordImport.file, built.input, [importOwner])
          : await api.command('plans.create', built.input);
      // The next step is nearly always the structure: owners and order of the sections.
      void navigate(`/plans/${id}/structure`, { state: { created: true } });
    } catch (error) {
      form.fromServer(error);
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="plan-new-heading" className="panel">
      <form onSubmit={(e) => void submit(e)} noValidate className="admin-form" data-testid="adminPlans.create">
        <Heading level={2} data-size="sm" id="plan-new-heading">
          {t('adminPlans.new')}
        </Heading>
        <FormError message={form.formError} />
        <Textfield
          id={form.id('title')}
          label={t('adminPlans.planTitle')}
          value={values.title}
          onChange={(e) => setValues({ ...values, title: e.target.value })}
          error={form.errors.title}
          maxLength={INPUT_LIMITS.title}
          required
        />
        <SelectField
          id="plan-new-forum"
          label={t('adminPlans.forum')}
          description={t('adminPlans.forumHint')}
          value={values.forum}
          onChange={(forum) => setValues({ ...values, forum: forum as Forum | '' })}
          placeholder={t('adminPlans.noForum')}
          options={FORUMS.map((forum) => ({ value: forum, label: t(`forum.${forum}`) }))}
          testId="adminPlans.create.forum"
        />
        <Textfield
          id="plan-new-period"
          label={t('adminPlans.period')}
          description={t('adminPlans.periodHint')}
          value={values.period}
          onChange={(e) => setValues({ ...values, period: e.target.value })}
          maxLength={INPUT_LIMITS.period}
        />
        <Fieldset data-testid="adminPlans.create.start">
          <Fieldset.Legend>{t('adminPlans.start')}</Fieldset.Legend>
          {STARTS.map((start) => (
            <Radio
              key={start}
              name="plan-start"
              value={start}
              label={t(`adminPlans.starts.${start}`)}
              description={t(`adminPlans.startHints.${start}`)}
              checked={values.start === start}
              disabled={start === 'copy' && plans.length === 0}
              onChange={() => setValues({ ...values, start })}
            />
          ))}
        </Fieldset>
        {values.start === 'copy' && (
          <SelectField
            id={form.id('copyFromPlanId')}
            label={t('adminPlans.copyFrom')}
            value={values.copyFromPlanId}
            onChange={(copyFromPlanId) => setValues({ ...values, copyFromPlanId })}
            placeholder={t('adminPlans.choosePlan')}
            options={plans.map((plan) => ({
              value: plan.id,
              label: [plan.title, plan.period].filter(Boolean).join(' – '),
            }))}
            error={form.errors.copyFromPlanId}
            testId="adminPlans.create.copy-from"
          />
        )}
        {values.start === 'import' && (
          <WordImportFields
            fileId={form.id('file')}
            fileError={form.errors.file}
            choice={wordImport}
            onChoice={setWordImport}
            owner={importOwner}
            onOwner={setOwner}
            parties={chosenParties}
          />
        )}
        <CheckboxGroup
          legend={t('adminPlans.parties')}
          description={t('adminPlans.partiesHint')}
          options={activeParties.map((party) => ({
            value: party.id,
            label: `${party.name} (${t(`partyKind.${party.kind}`)})`,
          }))}
          checked={values.partyIds}
          onChange={(partyIds) => setValues((v) => ({ ...v, partyIds }))}
          firstId={form.id('partyIds')}
          error={form.errors.partyIds}
          testId="adminPlans.create.parties"
        />
        <div className="form-actions">
          <Button type="submit" disabled={busy} data-testid="adminPlans.create.submit">
            {t('adminPlans.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}
