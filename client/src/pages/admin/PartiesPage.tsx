import { Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { INPUT_LIMITS, PARTY_KINDS, type PartyAdminView, type PartyKind } from '@fellesplan/domain';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation.js';
import { api } from '../../api/client.js';
import { ActivationButton } from '../../admin/ActivationButton.js';
import { ActiveTag } from '../../admin/ActiveTag.js';
import { AdminStatus } from '../../admin/AdminStatus.js';
import { AdminTable } from '../../admin/AdminTable.js';
import { NameCell } from '../../admin/NameCell.js';
import { RowButton } from '../../admin/RowButton.js';
import { useAdminStatus } from '../../admin/useAdminStatus.js';
import { useAdminTitle } from '../../admin/useAdminTitle.js';
import { useAdminData } from '../../admin/usePartnership.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { SelectField } from '../../components/SelectField.js';
import { FormDialog } from '../../forms/FormDialog.js';
import { FormError } from '../../forms/FormError.js';
import { partyErrors } from '../../forms/partyErrors.js';
import { useFormErrors } from '../../forms/useFormErrors.js';
import { useSubmit } from '../../forms/useSubmit.js';

const CREATE_FIELDS = ['name', 'kind', 'orgNumber', 'description'] as const;
const EDIT_FIELDS = ['name', 'orgNumber', 'description'] as const;

/** Parties: create (kind, organisation number, what it stands for), rename, deactivate. */
export function PartiesPage() {
  const { t } = useTranslation();
  const { partnership } = useAdminData();
  const { status, error, done, act } = useAdminStatus();
  const [editing, setEditing] = useState<PartyAdminView | null>(null);
  const [deactivating, setDeactivating] = useState<PartyAdminView | null>(null);

  useAdminTitle('admin.tabs.parties');

  return (
    <div className="admin-section" data-testid="admin.parties">
      <section aria-labelledby="parties-heading">
        <Heading level={2} data-size="sm" id="parties-heading">
          {t('parties.title')}
        </Heading>
        <Paragraph data-size="sm">{t('parties.intro')}</Paragraph>
        <AdminStatus status={status} error={error} testId="parties.status" />
        {partnership.parties.length === 0 ? (
          <Paragraph>{t('parties.empty')}</Paragraph>
        ) : (
          <AdminTable
            caption={t('parties.title')}
            headers={[
              t('parties.name'),
              t('parties.kind'),
              t('parties.orgNumberShort'),
              t('admin.status'),
              t('admin.actions'),
            ]}
            testId="parties.table"
          >
            {partnership.parties.map((party) => (
              <Table.Row key={party.id} data-testid="parties.row" data-party-id={party.id}>
                <NameCell name={party.name} detail={party.description} />
                <Table.Cell>{t(`partyKind.${party.kind}`)}</Table.Cell>
                <Table.Cell>{party.orgNumber ?? '–'}</Table.Cell>
                <Table.Cell>
                  <ActiveTag active={party.active} />
                </Table.Cell>
                <Table.Cell>
                  <div className="admin-table__actions">
                    <RowButton
                      label={t('admin.edit')}
                      accessibleName={t('parties.editNamed', { name: party.name })}
                      onClick={() => setEditing(party)}
                      testId="parties.edit"
                    />
                    <ActivationButton
                      active={party.active}
                      name={party.name}
                      testIdPrefix="parties"
                      onDeactivate={() => setDeactivating(party)}
                      onReactivate={() =>
                        act(
                          () => api.command('parties.reactivate', { partyId: party.id }),
                          t('parties.reactivated', { name: party.name }),
                        )
                      }
                    />
                  </div>
                </Table.Cell>
              </Table.Row>
            ))}
          </AdminTable>
        )}
      </section>
      <PartyCreateForm onCreated={(name) => done(t('parties.created', { name }))} />
      <PartyEditDialog
        party={editing}
        onClose={() => setEditing(null)}
        onSaved={(name) => done(t('parties.saved', { name }))}
      />
      <ConfirmDialog
        open={deactivating !== null}
        title={t('parties.deactivateTitle', { name: deactivating?.name ?? '' })}
        body={t('parties.deactivateBody')}
        confirmLabel={t('admin.deactivate')}
        onClose={() => setDeactivating(null)}
        onConfirm={async () => {
          if (!deactivating) return;
          await api.command('parties.deactivate', { partyId: deactivating.id });
          await done(t('parties.deactivated', { name: deactivating.name }));
        }}
        testId="parties.deactivate-dialog"
      />
    </div>
  );
}

function PartyCreateForm({ onCreated }: { onCreated: (name: string) => Promise<void> }) {
  const { t } = useTranslation();
  const form = useFormErrors('party-new', CREATE_FIELDS);
  const empty = { name: '', kind: '' as PartyKind | '', orgNumber: '', description: '' };
  const [values, setValues] = useState(empty);
  const { busy, run } = useSubmit(form.fromServer);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = { ...partyErrors(values), ...(values.kind ? {} : { kind: 'form.kindRequired' }) };
    const kind = values.kind;
    if (!form.check(problems) || !kind) return;
    await run(async () => {
      await api.command('parties.create', {
        name: values.name.trim(),
        kind,
        orgNumber: values.orgNumber.trim() || null,
        description: values.description.trim() || null,
      });
      setValues(empty);
      await onCreated(values.name.trim());
    });
  }

  return (
    <section aria-labelledby="party-new-heading" className="panel">
      <form onSubmit={(e) => void submit(e)} noValidate className="admin-form" data-testid="parties.create">
        <Heading level={2} data-size="sm" id="party-new-heading">
          {t('parties.new')}
        </Heading>
        <FormError message={form.formError} />
        <Textfield
          id={form.id('name')}
          label={t('parties.name')}
          description={t('parties.nameHint')}
          value={values.name}
          onChange={(e) => setValues({ ...values, name: e.target.value })}
          error={form.errors.name}
          maxLength={INPUT_LIMITS.name}
          required
        />
        <SelectField
          id={form.id('kind')}
          label={t('parties.kind')}
          value={values.kind}
          onChange={(kind) => setValues({ ...values, kind: kind as PartyKind | '' })}
          placeholder={t('parties.chooseKind')}
          options={PARTY_KINDS.map((kind) => ({ value: kind, label: t(`partyKind.${kind}`) }))}
          error={form.errors.kind}
          testId="parties.create.kind"
        />
        <PartyDetailsFields
          ids={{ orgNumber: form.id('orgNumber'), description: form.id('description') }}
          values={values}
          errors={form.errors}
          onChange={(details) => setValues({ ...values, ...details })}
        />
        <div className="form-actions">
          <Button type="submit" disabled={busy} data-testid="parties.create.submit">
            {t('parties.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** The organisation number and what the party stands for, alike when creating and editing. */
function PartyDetailsFields({
  ids,
  values,
  errors,
  onChange,
}: {
  ids: { orgNumber: string; description: string };
  values: { orgNumber: string; description: string };
  errors: { orgNumber?: string | undefined; description?: string | undefined };
  onChange: (details: { orgNumber: string } | { description: string }) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Textfield
        id={ids.orgNumber}
        label={t('parties.orgNumber')}
        description={t('parties.orgNumberHint')}
        value={values.orgNumber}
        onChange={(e) => onChange({ orgNumber: e.target.value })}
        error={errors.orgNumber}
        inputMode="numeric"
        maxLength={11}
      />
      <Textfield
        id={ids.description}
        label={t('parties.description')}
        description={t('parties.descriptionHint')}
        multiline
        rows={2}
        value={values.description}
        onChange={(e) => onChange({ description: e.target.value })}
        error={errors.description}
        maxLength={INPUT_LIMITS.description}
      />
    </>
  );
}

function PartyEditDialog({
  party,
  onClose,
  onSaved,
}: {
  party: PartyAdminView | null;
  onClose: () => void;
  onSaved: (name: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const form = useFormErrors('party-edit', EDIT_FIELDS);
  const [values, setValues] = useState({ name: '', orgNumber: '', description: '' });
  const { busy, run } = useSubmit(form.fromServer);
  const { reset } = form;

  useEffect(() => {
    if (!party) return;
    setValues({ name: party.name, orgNumber: party.orgNumber ?? '', description: party.description ?? '' });
    reset();
  }, [party, reset]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!party || !form.check(partyErrors(values))) return;
    await run(async () => {
      await api.command('parties.update', {
        partyId: party.id,
        name: values.name.trim(),
        orgNumber: values.orgNumber.trim() || null,
        description: values.description.trim() || null,
      });
      onClose();
      await onSaved(values.name.trim());
    });
  }

  return (
    <FormDialog
      open={party !== null}
      title={t('parties.editNamed', { name: party?.name ?? '' })}
      formError={form.formError}
      busy={busy}
      onSubmit={submit}
      onClose={onClose}
      testId="parties.edit-dialog"
      saveTestId="parties.edit.save"
    >
      <Textfield
        id={form.id('name')}
        label={t('parties.name')}
        value={values.name}
        onChange={(e) => setValues({ ...values, name: e.target.value })}
        error={form.errors.name}
        maxLength={INPUT_LIMITS.name}
        required
      />
      <PartyDetailsFields
        ids={{ orgNumber: form.id('orgNumber'), description: form.id('description') }}
        values={values}
        errors={form.errors}
        onChange={(details) => setValues({ ...values, ...details })}
      />
    </FormDialog>
  );
}
