import { Alert, Button, Dialog, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { INPUT_LIMITS, PARTY_KINDS, type PartyAdminView, type PartyKind } from '@fellesplan/domain';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useAdminData } from '../../admin/usePartnership.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { SelectField } from '../../components/SelectField.js';
import { partyErrors } from '../../forms/partyErrors.js';
import { useFormErrors } from '../../forms/useFormErrors.js';

const CREATE_FIELDS = ['name', 'kind', 'orgNumber', 'description'] as const;
const EDIT_FIELDS = ['name', 'orgNumber', 'description'] as const;

/** Parties: create (kind, organisation number, what it stands for), rename, deactivate. */
export function PartiesPage() {
  const { t } = useTranslation();
  const { partnership, reload } = useAdminData();
  const [editing, setEditing] = useState<PartyAdminView | null>(null);
  const [deactivating, setDeactivating] = useState<PartyAdminView | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('admin.tabs.parties')} – ${t('admin.title')} – ${t('app.name')}`;
  }, [t]);

  async function reactivate(party: PartyAdminView) {
    setError(null);
    try {
      await api.command('parties.reactivate', { partyId: party.id });
      await reload();
      setStatus(t('parties.reactivated', { name: party.name }));
    } catch (err) {
      setError(err instanceof Error ? err.message : t('app.error'));
    }
  }

  return (
    <div className="admin-section" data-testid="admin.parties">
      <section aria-labelledby="parties-heading">
        <Heading level={2} data-size="sm" id="parties-heading">
          {t('parties.title')}
        </Heading>
        <Paragraph data-size="sm">{t('parties.intro')}</Paragraph>
        <div role="status" className="form-status" data-testid="parties.status">
          {status}
        </div>
        {error && (
          <Alert data-color="danger" role="alert">
            {error}
          </Alert>
        )}
        {partnership.parties.length === 0 ? (
          <Paragraph>{t('parties.empty')}</Paragraph>
        ) : (
          <div className="table-scroll">
            <Table data-size="sm" className="admin-table" data-testid="parties.table">
              <caption className="visually-hidden">{t('parties.title')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('parties.name')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('parties.kind')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('parties.orgNumberShort')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('admin.status')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('admin.actions')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {partnership.parties.map((party) => (
                  <Table.Row key={party.id} data-testid="parties.row" data-party-id={party.id}>
                    <Table.Cell>
                      <span className="admin-table__name">{party.name}</span>
                      {party.description && <span className="admin-table__detail">{party.description}</span>}
                    </Table.Cell>
                    <Table.Cell>{t(`partyKind.${party.kind}`)}</Table.Cell>
                    <Table.Cell>{party.orgNumber ?? '–'}</Table.Cell>
                    <Table.Cell>
                      <Tag data-size="sm" data-color={party.active ? 'success' : 'neutral'}>
                        {party.active ? t('admin.active') : t('admin.inactive')}
                      </Tag>
                    </Table.Cell>
                    <Table.Cell>
                      <div className="admin-table__actions">
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          aria-label={t('parties.editNamed', { name: party.name })}
                          onClick={() => setEditing(party)}
                          data-testid="parties.edit"
                        >
                          {t('admin.edit')}
                        </Button>
                        {party.active ? (
                          <Button
                            variant="tertiary"
                            data-size="sm"
                            aria-label={t('admin.deactivateNamed', { name: party.name })}
                            onClick={() => setDeactivating(party)}
                            data-testid="parties.deactivate"
                          >
                            {t('admin.deactivate')}
                          </Button>
                        ) : (
                          <Button
                            variant="tertiary"
                            data-size="sm"
                            aria-label={t('admin.reactivateNamed', { name: party.name })}
                            onClick={() => void reactivate(party)}
                            data-testid="parties.reactivate"
                          >
                            {t('admin.reactivate')}
                          </Button>
                        )}
                      </div>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </section>
      <PartyCreateForm
        onCreated={async (name) => {
          await reload();
          setStatus(t('parties.created', { name }));
        }}
      />
      <PartyEditDialog
        party={editing}
        onClose={() => setEditing(null)}
        onSaved={async (name) => {
          await reload();
          setStatus(t('parties.saved', { name }));
        }}
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
          await reload();
          setStatus(t('parties.deactivated', { name: deactivating.name }));
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
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = { ...partyErrors(values), ...(values.kind ? {} : { kind: 'form.kindRequired' }) };
    if (!form.check(problems) || !values.kind) return;
    setBusy(true);
    try {
      await api.command('parties.create', {
        name: values.name.trim(),
        kind: values.kind,
        orgNumber: values.orgNumber.trim() || null,
        description: values.description.trim() || null,
      });
      setValues(empty);
      await onCreated(values.name.trim());
    } catch (error) {
      form.fromServer(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="party-new-heading" className="panel">
      <form onSubmit={(e) => void submit(e)} noValidate className="admin-form" data-testid="parties.create">
        <Heading level={2} data-size="sm" id="party-new-heading">
          {t('parties.new')}
        </Heading>
        {form.formError && (
          <Alert data-color="danger" role="alert">
            {form.formError}
          </Alert>
        )}
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
        <Textfield
          id={form.id('orgNumber')}
          label={t('parties.orgNumber')}
          description={t('parties.orgNumberHint')}
          value={values.orgNumber}
          onChange={(e) => setValues({ ...values, orgNumber: e.target.value })}
          error={form.errors.orgNumber}
          inputMode="numeric"
          maxLength={11}
        />
        <Textfield
          id={form.id('description')}
          label={t('parties.description')}
          description={t('parties.descriptionHint')}
          multiline
          rows={2}
          value={values.description}
          onChange={(e) => setValues({ ...values, description: e.target.value })}
          error={form.errors.description}
          maxLength={INPUT_LIMITS.description}
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
  const [busy, setBusy] = useState(false);
  const { reset } = form;

  useEffect(() => {
    if (!party) return;
    setValues({ name: party.name, orgNumber: party.orgNumber ?? '', description: party.description ?? '' });
    reset();
  }, [party, reset]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!party || !form.check(partyErrors(values))) return;
    setBusy(true);
    try {
      await api.command('parties.update', {
        partyId: party.id,
        name: values.name.trim(),
        orgNumber: values.orgNumber.trim() || null,
        description: values.description.trim() || null,
      });
      onClose();
      await onSaved(values.name.trim());
    } catch (error) {
      form.fromServer(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={party !== null} onClose={onClose} closedby="any" data-testid="parties.edit-dialog">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Dialog.Block>
          <Heading level={2} data-size="xs">
            {t('parties.editNamed', { name: party?.name ?? '' })}
          </Heading>
        </Dialog.Block>
        <Dialog.Block className="dialog-body">
          {form.formError && (
            <Alert data-color="danger" role="alert">
              {form.formError}
            </Alert>
          )}
          <Textfield
            id={form.id('name')}
            label={t('parties.name')}
            value={values.name}
            onChange={(e) => setValues({ ...values, name: e.target.value })}
            error={form.errors.name}
            maxLength={INPUT_LIMITS.name}
            required
          />
          <Textfield
            id={form.id('orgNumber')}
            label={t('parties.orgNumber')}
            description={t('parties.orgNumberHint')}
            value={values.orgNumber}
            onChange={(e) => setValues({ ...values, orgNumber: e.target.value })}
            error={form.errors.orgNumber}
            inputMode="numeric"
            maxLength={11}
          />
          <Textfield
            id={form.id('description')}
            label={t('parties.description')}
            description={t('parties.descriptionHint')}
            multiline
            rows={2}
            value={values.description}
            onChange={(e) => setValues({ ...values, description: e.target.value })}
            error={form.errors.description}
            maxLength={INPUT_LIMITS.description}
          />
        </Dialog.Block>
        <Dialog.Block className="dialog-actions">
          <Button type="submit" disabled={busy} data-testid="parties.edit.save">
            {t('app.save')}
          </Button>
          <Button type="button" variant="tertiary" onClick={onClose}>
            {t('app.cancel')}
          </Button>
        </Dialog.Block>
      </form>
    </Dialog>
  );
}
