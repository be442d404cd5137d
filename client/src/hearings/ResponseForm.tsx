import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { HEARING_LIMITS, INPUT_LIMITS } from '@fellesplan/domain';
import type { FormEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { FormError } from '../forms/FormError.js';
import type { DraftField } from './draftProblems.js';
import type { ResponseDraft } from './responseDraft.js';

/** Where focus goes for a field at fault. */
export function draftFieldId(field: DraftField): string {
  return field.startsWith('remark:') ? `remark-${field.slice('remark:'.length)}-text` : `hearing-${field}`;
}

/**
 * Who is answering and their general statement; the remarks are written beside the sections.
 * The respondent is told before sending that the response is public, and confirms it.
 */
export function ResponseForm({
  draft,
  onChange,
  problems,
  member,
  busy,
  formError,
  stored,
  resumed,
  onDiscard,
  onSubmit,
}: {
  draft: ResponseDraft;
  onChange: (change: Partial<ResponseDraft>) => void;
  problems: ReadonlyMap<DraftField, string>;
  member: { partyId: string; partyName: string } | null;
  busy: boolean;
  formError: string | null;
  /** Whether the browser kept the draft (null before anything was written). */
  stored: boolean | null;
  resumed: boolean;
  onDiscard: () => void;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <form
      className="hearing-form no-print"
      aria-labelledby="hearing-form-heading"
      onSubmit={submit}
      noValidate
      data-testid="hearing.form"
    >
      <Heading level={2} data-size="sm" id="hearing-form-heading">
        {t('hearings.public.form.heading')}
      </Heading>
      <Paragraph>{t('hearings.public.form.intro')}</Paragraph>
      <div role="status" className="hearing-form__draft" data-testid="hearing.draft-status">
        {resumed && <Paragraph data-size="sm">{t('hearings.public.form.draftResumed')}</Paragraph>}
        {stored === true && <Paragraph data-size="sm">{t('hearings.public.form.draftSaved')}</Paragraph>}
        {stored === false && <Paragraph data-size="sm">{t('hearings.public.form.draftNotSaved')}</Paragraph>}
      </div>
      {member && (
        <Checkbox
          label={t('hearings.public.form.onBehalf', { party: member.partyName })}
          checked={draft.onBehalfOfParty}
          onChange={(e) =>
            onChange(
              e.target.checked
                ? { onBehalfOfParty: true, kind: 'organisation', organisation: member.partyName }
                : { onBehalfOfParty: false },
            )
          }
          data-testid="hearing.on-behalf"
        />
      )}
      {!draft.onBehalfOfParty && (
        <Fieldset>
          <Fieldset.Legend>{t('hearings.public.form.kind')}</Fieldset.Legend>
          {(['person', 'organisation'] as const).map((kind) => (
            <Radio
              key={kind}
              name="hearing-kind"
              value={kind}
              label={t(`hearings.public.form.${kind}`)}
              checked={draft.kind === kind}
              onChange={() => onChange({ kind })}
            />
          ))}
        </Fieldset>
      )}
      <Textfield
        id="hearing-name"
        label={t('hearings.public.form.name')}
        value={draft.name}
        autoComplete="name"
        maxLength={INPUT_LIMITS.name}
        error={problems.get('name')}
        onChange={(e) => onChange({ name: e.target.value })}
        data-testid="hearing.name"
      />
      {draft.kind === 'organisation' && (
        <Textfield
          id="hearing-organisation"
          label={t('hearings.public.form.organisationName')}
          value={draft.organisation}
          autoComplete="organization"
          maxLength={HEARING_LIMITS.organisation}
          readOnly={draft.onBehalfOfParty}
          onChange={(e) => onChange({ organisation: e.target.value })}
          data-testid="hearing.organisation"
        />
      )}
      <Textfield
        id="hearing-email"
        type="email"
        label={t('hearings.public.form.email')}
        description={t('hearings.public.form.emailHint')}
        value={draft.email}
        autoComplete="email"
        maxLength={HEARING_LIMITS.email}
        error={problems.get('email')}
        onChange={(e) => onChange({ email: e.target.value })}
        data-testid="hearing.email"
      />
      <Textfield
        id="hearing-statement"
        label={t('hearings.public.form.statement')}
        description={t('hearings.public.form.statementHint')}
        multiline
        rows={6}
        value={draft.statement}
        maxLength={HEARING_LIMITS.statement}
        error={problems.get('statement')}
        onChange={(e) => onChange({ statement: e.target.value })}
        data-testid="hearing.statement"
      />
      <Paragraph data-testid="hearing.remark-count">
        {draft.remarks.length === 0
          ? t('hearings.public.form.noRemarks')
          : t('hearings.public.form.remarks', { count: draft.remarks.length })}
      </Paragraph>
      <Alert data-color="info" data-testid="hearing.public-notice">
        {t('hearings.public.form.publicNotice')}
      </Alert>
      <Checkbox
        id="hearing-acknowledged"
        label={t('hearings.public.form.acknowledge')}
        checked={draft.acknowledged}
        onChange={(e) => onChange({ acknowledged: e.target.checked })}
        error={problems.get('acknowledged')}
        data-testid="hearing.acknowledge"
      />
      <FormError message={formError} heading={t('hearings.public.form.failed')} testId="hearing.form-error" />
      <div className="hearing-form__actions">
        <Button type="submit" disabled={busy} data-testid="hearing.submit">
          {busy ? t('hearings.public.form.submitting') : t('hearings.public.form.submit')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onDiscard} data-testid="hearing.discard">
          {t('hearings.public.form.discard')}
        </Button>
      </div>
    </form>
  );
}
