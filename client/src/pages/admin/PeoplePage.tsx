import { Alert, Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import {
  INPUT_LIMITS,
  ROLES,
  type CommandResult,
  type InvitationAdminView,
  type PersonAdminView,
  type Role,
} from '@fellesplan/domain';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation.js';
import { api } from '../../api/client.js';
import { ActivationButton } from '../../admin/ActivationButton.js';
import { ActiveTag } from '../../admin/ActiveTag.js';
import { AdminStatus } from '../../admin/AdminStatus.js';
import { AdminTable } from '../../admin/AdminTable.js';
import { invitationErrors } from '../../admin/invitationErrors.js';
import { absoluteInvitationUrl } from '../../admin/invitationUrl.js';
import { NameCell } from '../../admin/NameCell.js';
import { RowButton } from '../../admin/RowButton.js';
import { useAdminStatus } from '../../admin/useAdminStatus.js';
import { useAdminTitle } from '../../admin/useAdminTitle.js';
import { useAdminData } from '../../admin/usePartnership.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { SelectField } from '../../components/SelectField.js';
import { FormDialog } from '../../forms/FormDialog.js';
import { FormError } from '../../forms/FormError.js';
import { useFormErrors } from '../../forms/useFormErrors.js';
import { useSubmit } from '../../forms/useSubmit.js';
import { formatDateTime } from '../../i18n/formatDateTime.js';
import { useSession } from '../../session/SessionContext.js';

const INVITE_FIELDS = ['name', 'email', 'partyId', 'role'] as const;
const EDIT_FIELDS = ['partyId', 'role'] as const;
const STATUS_COLORS = { pending: 'info', accepted: 'success', expired: 'neutral', revoked: 'neutral' } as const;

/** People and invitations: invite into a party, copy the link, revoke; move people, change roles, deactivate. */
export function PeoplePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { partnership, reload } = useAdminData();
  const { status, error, done, act } = useAdminStatus();
  const [revoking, setRevoking] = useState<InvitationAdminView | null>(null);
  const [editing, setEditing] = useState<PersonAdminView | null>(null);
  const [deactivating, setDeactivating] = useState<PersonAdminView | null>(null);
  const partyName = (id: string) => partnership.parties.find((p) => p.id === id)?.name ?? '–';

  useAdminTitle('admin.tabs.people');

  return (
    <div className="admin-section" data-testid="admin.people">
      <InvitationForm onCreated={reload} />
      <AdminStatus status={status} error={error} testId="people.status" />
      <section aria-labelledby="invitations-heading">
        <Heading level={2} data-size="sm" id="invitations-heading">
          {t('invitations.title')}
        </Heading>
        {partnership.invitations.length === 0 ? (
          <Paragraph>{t('invitations.empty')}</Paragraph>
        ) : (
          <AdminTable
            caption={t('invitations.title')}
            headers={[
              t('people.name'),
              t('people.party'),
              t('people.role'),
              t('admin.status'),
              t('invitations.expires'),
              t('admin.actions'),
            ]}
            testId="invitations.table"
          >
            {partnership.invitations.map((invitation) => (
              <Table.Row key={invitation.id} data-testid="invitations.row" data-status={invitation.status}>
                <NameCell name={invitation.name} detail={invitation.email} />
                <Table.Cell>{partyName(invitation.partyId)}</Table.Cell>
                <Table.Cell>{t(`role.${invitation.role}`)}</Table.Cell>
                <Table.Cell>
                  <Tag data-size="sm" data-color={STATUS_COLORS[invitation.status]}>
                    {t(`invitations.status.${invitation.status}`)}
                  </Tag>
                </Table.Cell>
                <Table.Cell>{formatDateTime(invitation.expiresAt)}</Table.Cell>
                <Table.Cell>
                  {invitation.status === 'pending' && (
                    <RowButton
                      label={t('invitations.revoke')}
                      accessibleName={t('invitations.revokeNamed', { name: invitation.name })}
                      onClick={() => setRevoking(invitation)}
                      testId="invitations.revoke"
                    />
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </AdminTable>
        )}
      </section>
      <section aria-labelledby="people-heading">
        <Heading level={2} data-size="sm" id="people-heading">
          {t('people.title')}
        </Heading>
        <AdminTable
          caption={t('people.title')}
          headers={[
            t('people.name'),
            t('people.party'),
            t('people.role'),
            t('people.signIn'),
            t('admin.status'),
            t('admin.actions'),
          ]}
          testId="people.table"
        >
          {partnership.users.map((person) => (
            <Table.Row key={person.id} data-testid="people.row" data-user-id={person.id}>
              <NameCell name={person.name} detail={person.email} />
              <Table.Cell>{partyName(person.partyId)}</Table.Cell>
              <Table.Cell>{t(`role.${person.role}`)}</Table.Cell>
              <Table.Cell>
                {[person.password && t('people.password'), person.oidc && t('people.oidc')]
                  .filter(Boolean)
                  .join(', ') || '–'}
              </Table.Cell>
              <Table.Cell>
                <ActiveTag active={person.active} />
              </Table.Cell>
              <Table.Cell>
                <div className="admin-table__actions">
                  <RowButton
                    label={t('admin.edit')}
                    accessibleName={t('people.editNamed', { name: person.name })}
                    onClick={() => setEditing(person)}
                    testId="people.edit"
                  />
                  {person.id !== user?.id && (
                    <ActivationButton
                      active={person.active}
                      name={person.name}
                      testIdPrefix="people"
                      onDeactivate={() => setDeactivating(person)}
                      onReactivate={() =>
                        act(
                          () => api.command('users.reactivate', { userId: person.id }),
                          t('people.reactivated', { name: person.name }),
                        )
                      }
                    />
                  )}
                </div>
              </Table.Cell>
            </Table.Row>
          ))}
        </AdminTable>
      </section>
      <PersonEditDialog
        person={editing}
        onClose={() => setEditing(null)}
        onSaved={(name) => done(t('people.saved', { name }))}
      />
      <ConfirmDialog
        open={revoking !== null}
        title={t('invitations.revokeTitle', { name: revoking?.name ?? '' })}
        body={t('invitations.revokeBody')}
        confirmLabel={t('invitations.revoke')}
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          if (!revoking) return;
          await api.command('invitations.revoke', { invitationId: revoking.id });
          await done(t('invitations.revoked', { name: revoking.name }));
        }}
        testId="invitations.revoke-dialog"
      />
      <ConfirmDialog
        open={deactivating !== null}
        title={t('people.deactivateTitle', { name: deactivating?.name ?? '' })}
        body={t('people.deactivateBody')}
        confirmLabel={t('admin.deactivate')}
        onClose={() => setDeactivating(null)}
        onConfirm={async () => {
          if (!deactivating) return;
          await api.command('users.deactivate', { userId: deactivating.id });
          await done(t('people.deactivated', { name: deactivating.name }));
        }}
        testId="people.deactivate-dialog"
      />
    </div>
  );
}

function InvitationForm({ onCreated }: { onCreated: () => Promise<void> }) {
  const { t } = useTranslation();
  const { partnership } = useAdminData();
  const form = useFormErrors('invite-new', INVITE_FIELDS);
  const empty = { name: '', email: '', partyId: '', role: 'member' as Role };
  const [values, setValues] = useState(empty);
  const { busy, run } = useSubmit(form.fromServer);
  const [created, setCreated] = useState<(CommandResult<'invitations.create'> & { name: string }) | null>(null);
  const activeParties = partnership.parties.filter((p) => p.active);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const kind = activeParties.find((p) => p.id === values.partyId)?.kind;
    if (!form.check(invitationErrors(values, kind))) return;
    await run(async () => {
      const result = await api.command('invitations.create', {
        name: values.name.trim(),
        email: values.email.trim(),
        partyId: values.partyId,
        role: values.role,
      });
      setCreated({ ...result, name: values.name.trim() });
      setValues(empty);
      await onCreated();
    });
  }

  return (
    <section aria-labelledby="invite-heading" className="panel">
      <form onSubmit={(e) => void submit(e)} noValidate className="admin-form" data-testid="invitations.create">
        <Heading level={2} data-size="sm" id="invite-heading">
          {t('invitations.new')}
        </Heading>
        <Paragraph data-size="sm">{t('invitations.intro')}</Paragraph>
        <FormError message={form.formError} />
        <Textfield
          id={form.id('name')}
          label={t('people.name')}
          value={values.name}
          onChange={(e) => setValues({ ...values, name: e.target.value })}
          error={form.errors.name}
          maxLength={INPUT_LIMITS.name}
          autoComplete="off"
          required
        />
        <Textfield
          id={form.id('email')}
          label={t('people.email')}
          type="email"
          value={values.email}
          onChange={(e) => setValues({ ...values, email: e.target.value })}
          error={form.errors.email}
          autoComplete="off"
          required
        />
        <SelectField
          id={form.id('partyId')}
          label={t('people.party')}
          value={values.partyId}
          onChange={(partyId) => setValues({ ...values, partyId })}
          placeholder={t('people.chooseParty')}
          options={activeParties.map((p) => ({ value: p.id, label: `${p.name} (${t(`partyKind.${p.kind}`)})` }))}
          error={form.errors.partyId}
          testId="invitations.create.party"
        />
        <RoleField
          id={form.id('role')}
          value={values.role}
          onChange={(role) => setValues({ ...values, role })}
          error={form.errors.role}
          testId="invitations.create.role"
        />
        <div className="form-actions">
          <Button type="submit" disabled={busy} data-testid="invitations.create.submit">
            {t('invitations.create')}
          </Button>
        </div>
      </form>
      {created && <InvitationLink invitation={created} />}
    </section>
  );
}

/** The link the server made: shown once, copyable, with whether an e-mail went out. */
function InvitationLink({ invitation }: { invitation: CommandResult<'invitations.create'> & { name: string } }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<boolean | null>(null);
  const url = absoluteInvitationUrl(invitation.url, window.location.origin);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Without clipboard access (an insecure origin, a refused permission) the field is selected to copy by hand.
      const field = document.getElementById('invitation-url');
      if (field instanceof HTMLInputElement) field.select();
      setCopied(false);
    }
  }

  return (
    <Alert data-color="success" className="invitation-link" data-testid="invitations.created">
      <Heading level={3} data-size="2xs">
        {t('invitations.created', { name: invitation.name })}
      </Heading>
      <Paragraph data-size="sm">
        {invitation.emailed ? t('invitations.emailed') : t('invitations.notEmailed')}{' '}
        {t('invitations.validUntil', { when: formatDateTime(invitation.expiresAt) })}
      </Paragraph>
      <div className="invitation-link__row">
        <Textfield
          id="invitation-url"
          label={t('invitations.link')}
          value={url}
          readOnly
          onFocus={(e) => e.target.select()}
          data-testid="invitations.url"
        />
        <Button variant="secondary" data-size="sm" onClick={() => void copy()} data-testid="invitations.copy">
          {t('invitations.copy')}
        </Button>
      </div>
      <div role="status" className="form-status">
        {copied === true && t('invitations.copied')}
        {copied === false && t('invitations.copyManually')}
      </div>
    </Alert>
  );
}

function PersonEditDialog({
  person,
  onClose,
  onSaved,
}: {
  person: PersonAdminView | null;
  onClose: () => void;
  onSaved: (name: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { partnership } = useAdminData();
  const form = useFormErrors('person-edit', EDIT_FIELDS);
  const [values, setValues] = useState({ partyId: '', role: 'member' as Role });
  const { busy, run } = useSubmit(form.fromServer);
  const { reset } = form;
  const parties = partnership.parties.filter((p) => p.active || p.id === person?.partyId);

  useEffect(() => {
    if (!person) return;
    setValues({ partyId: person.partyId, role: person.role });
    reset();
  }, [person, reset]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!person) return;
    const kind = parties.find((p) => p.id === values.partyId)?.kind;
    const problems = invitationErrors({ name: person.name, email: person.email, ...values }, kind);
    if (!form.check({ partyId: problems.partyId, role: problems.role })) return;
    await run(async () => {
      await api.command('users.update', {
        userId: person.id,
        ...(values.partyId !== person.partyId ? { partyId: values.partyId } : {}),
        ...(values.role !== person.role ? { role: values.role } : {}),
      });
      onClose();
      await onSaved(person.name);
    });
  }

  return (
    <FormDialog
      open={person !== null}
      title={t('people.editNamed', { name: person?.name ?? '' })}
      intro={<Paragraph data-size="sm">{t('people.editBody')}</Paragraph>}
      formError={form.formError}
      busy={busy}
      onSubmit={submit}
      onClose={onClose}
      testId="people.edit-dialog"
      saveTestId="people.edit.save"
    >
      <SelectField
        id={form.id('partyId')}
        label={t('people.party')}
        value={values.partyId}
        onChange={(partyId) => setValues({ ...values, partyId })}
        options={parties.map((p) => ({ value: p.id, label: `${p.name} (${t(`partyKind.${p.kind}`)})` }))}
        error={form.errors.partyId}
        testId="people.edit.party"
      />
      <RoleField
        id={form.id('role')}
        value={values.role}
        onChange={(role) => setValues({ ...values, role })}
        error={form.errors.role}
        testId="people.edit.role"
      />
    </FormDialog>
  );
}

/** The role a person has or is invited with, alike in the invitation form and the edit dialog. */
function RoleField({
  id,
  value,
  onChange,
  error,
  testId,
}: {
  id: string;
  value: Role;
  onChange: (role: Role) => void;
  error: string | undefined;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      id={id}
      label={t('people.role')}
      description={t('people.roleHint')}
      value={value}
      onChange={(role) => onChange(role as Role)}
      options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
      error={error}
      testId={testId}
    />
  );
}
