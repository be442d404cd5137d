import { Alert, Button, Checkbox, Fieldset, Heading, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import {
  defaultRequiredParties,
  INPUT_LIMITS,
  PATIENT_GROUPS,
  type Party,
  type PatientGroup,
  type SectionView,
} from '@fellesplan/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { SelectField } from '../components/SelectField.js';
import { useFormErrors } from '../forms/useFormErrors.js';
import { toggled } from './toggled.js';

const FIELDS = ['title', 'owners'] as const;
const FIRST = '__first';

/** A new section: its title, where it goes, who writes it, whose stance it needs, its tags. */
export function SectionAddForm({
  planId,
  sections,
  parties,
  onAdded,
}: {
  planId: string;
  sections: readonly SectionView[];
  parties: readonly Party[];
  onAdded: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const form = useFormErrors('section-new', FIELDS);
  const [title, setTitle] = useState('');
  // '' is "last"; FIRST puts it before every other section; otherwise the section it follows.
  const [place, setPlace] = useState('');
  const [owners, setOwners] = useState<string[]>([]);
  const [required, setRequired] = useState<string[]>(() => defaultRequiredParties(parties));
  const [tags, setTags] = useState<PatientGroup[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = {
      ...(title.trim() ? {} : { title: 'form.titleRequired' }),
      ...(owners.length > 0 ? {} : { owners: 'form.ownersRequired' }),
    };
    if (!form.check(problems)) return;
    setBusy(true);
    try {
      await api.command('sections.add', {
        planId,
        title: title.trim(),
        // Left out, the server puts it last (after whatever was added meanwhile); null puts it first.
        ...(place ? { afterSectionId: place === FIRST ? null : place } : {}),
        owners,
        requiredParties: required,
        tags,
      });
      const added = title.trim();
      setTitle('');
      setPlace('');
      setOwners([]);
      setTags([]);
      await onAdded(t('structure.added', { title: added }));
    } catch (error) {
      form.fromServer(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="section-new-heading">
      <form className="admin-form" onSubmit={(e) => void submit(e)} noValidate data-testid="structure.add">
        <Heading level={2} data-size="sm" id="section-new-heading">
          {t('structure.add')}
        </Heading>
        {form.formError && (
          <Alert data-color="danger" role="alert">
            {form.formError}
          </Alert>
        )}
        <Textfield
          id={form.id('title')}
          label={t('structure.sectionTitle')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={form.errors.title}
          maxLength={INPUT_LIMITS.title}
          required
        />
        <SelectField
          id="section-new-place"
          label={t('structure.place')}
          value={place}
          onChange={setPlace}
          options={[
            { value: '', label: t('structure.placeLast') },
            { value: FIRST, label: t('structure.placeFirst') },
            ...sections.map((s, i) => ({
              value: s.id,
              label: t('structure.placeAfter', { number: i + 1, title: s.title }),
            })),
          ]}
          testId="structure.add.place"
        />
        <Fieldset data-size="sm">
          <Fieldset.Legend>{t('structure.owners')}</Fieldset.Legend>
          <Fieldset.Description>{t('structure.ownersHint')}</Fieldset.Description>
          {parties.map((party, index) => (
            <Checkbox
              key={party.id}
              id={index === 0 ? form.id('owners') : undefined}
              value={party.id}
              label={party.name}
              checked={owners.includes(party.id)}
              onChange={(e) => setOwners(toggled(owners, party.id, e.target.checked))}
            />
          ))}
          {form.errors.owners && <ValidationMessage>{form.errors.owners}</ValidationMessage>}
        </Fieldset>
        <Fieldset data-size="sm">
          <Fieldset.Legend>{t('structure.required')}</Fieldset.Legend>
          <Fieldset.Description>{t('structure.requiredHint')}</Fieldset.Description>
          {parties.map((party) => (
            <Checkbox
              key={party.id}
              value={party.id}
              label={party.name}
              checked={required.includes(party.id)}
              onChange={(e) => setRequired(toggled(required, party.id, e.target.checked))}
            />
          ))}
        </Fieldset>
        <Fieldset data-size="sm">
          <Fieldset.Legend>{t('structure.tags')}</Fieldset.Legend>
          {PATIENT_GROUPS.map((group) => (
            <Checkbox
              key={group}
              value={group}
              label={t(`patientGroup.${group}`)}
              checked={tags.includes(group)}
              onChange={(e) => setTags(toggled(tags, group, e.target.checked))}
            />
          ))}
        </Fieldset>
        <div className="form-actions">
          <Button type="submit" disabled={busy} data-testid="structure.add.submit">
            {t('structure.addSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
