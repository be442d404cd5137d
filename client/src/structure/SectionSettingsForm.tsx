import { Alert, Button } from '@digdir/designsystemet-react';
import { type Party, type PatientGroup, type SectionView } from '@fellesplan/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { api, ApiError } from '../api/client.js';
import { SectionPartyFields } from './SectionPartyFields.js';

/**
 * Who writes a section (owners), whose stance it needs (required parties) and which priority
 * patient groups it concerns. Owners and required parties are one command, tags another; only
 * what changed is sent.
 */
export function SectionSettingsForm({
  section,
  parties,
  onSaved,
}: {
  section: SectionView;
  parties: readonly Party[];
  onSaved: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [owners, setOwners] = useState<string[]>(section.owners);
  const [required, setRequired] = useState<string[]>(section.requiredParties);
  const [tags, setTags] = useState<PatientGroup[]>(section.tags ?? []);
  const [ownersError, setOwnersError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ownersId = `section-owners-${section.id}`;

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (owners.length === 0) {
      setOwnersError(t('form.ownersRequired'));
      document.getElementById(ownersId)?.focus();
      return;
    }
    setOwnersError(undefined);
    setBusy(true);
    try {
      if (!sameSet(owners, section.owners) || !sameSet(required, section.requiredParties)) {
        await api.command('sections.setOwners', { sectionId: section.id, owners, requiredParties: required });
      }
      if (!sameSet(tags, section.tags ?? [])) await api.command('sections.tag', { sectionId: section.id, tags });
      await onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('app.error'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="section-settings" onSubmit={(e) => void save(e)} noValidate data-testid="structure.settings">
      <SectionPartyFields
        parties={parties}
        owners={owners}
        onOwners={setOwners}
        ownersId={ownersId}
        ownersError={ownersError}
        required={required}
        onRequired={setRequired}
        tags={tags}
        onTags={setTags}
        testIds
      />
      {error && (
        <Alert data-color="danger" data-size="sm" role="alert">
          {error}
        </Alert>
      )}
      <div className="form-actions">
        <Button type="submit" data-size="sm" disabled={busy} data-testid="structure.settings.save">
          {t('structure.saveSettings')}
        </Button>
      </div>
    </form>
  );
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
