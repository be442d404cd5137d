import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import {
  defaultRequiredParties,
  INPUT_LIMITS,
  type Party,
  type PatientGroup,
  type SectionView,
} from '@fellesplan/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { api } from '../api/client.js';
import { SelectField } from '../components/SelectField.js';
import { FormError } from '../forms/FormError.js';
import { useFormErrors } from '../forms/useFormErrors.js';
import { useSubmit } from '../forms/useSubmit.js';
import { SectionPartyFields } from './SectionPartyFields.js';

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
  const { busy, run } = useSubmit(form.fromServer);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = {
      ...(title.trim() ? {} : { title: 'form.titleRequired' }),
      ...(owners.length > 0 ? {} : { owners: 'form.ownersRequired' }),
    };
    if (!form.check(problems)) return;
    await run(async () => {
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
    });
  }

  return (
    <section className="panel" aria-labelledby="section-new-heading">
      <form className="admin-form" onSubmit={(e) => void submit(e)} noValidate data-testid="structure.add">
        <Heading level={2} data-size="sm" id="section-new-heading">
          {t('structure.add')}
        </Heading>
        <FormError message={form.formError} />
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
        <SectionPartyFields
          parties={parties}
          owners={owners}
          onOwners={setOwners}
          ownersId={form.id('owners')}
          ownersError={form.errors.owners}
          required={required}
          onRequired={setRequired}
          tags={tags}
          onTags={setTags}
        />
        <div className="form-actions">
          <Button type="submit" disabled={busy} data-testid="structure.add.submit">
            {t('structure.addSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
