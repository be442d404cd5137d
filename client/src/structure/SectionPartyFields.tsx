import { PATIENT_GROUPS, type Party, type PatientGroup } from '@fellesplan/domain';
import { useTranslation } from '../i18n/useTranslation.js';
import { CheckboxGroup } from '../forms/CheckboxGroup.js';

/**
 * Who writes a section (owners), whose stance it needs (required parties) and which priority
 * patient groups it concerns: alike when adding a section and in its settings.
 */
export function SectionPartyFields({
  parties,
  owners,
  onOwners,
  ownersId,
  ownersError,
  required,
  onRequired,
  tags,
  onTags,
  testIds = false,
}: {
  parties: readonly Party[];
  owners: readonly string[];
  onOwners: (owners: string[]) => void;
  ownersId: string;
  ownersError: string | undefined;
  required: readonly string[];
  onRequired: (required: string[]) => void;
  tags: readonly PatientGroup[];
  onTags: (tags: PatientGroup[]) => void;
  /** The settings form names its groups `structure.owners`, `.required`, `.tags` for the tests. */
  testIds?: boolean;
}) {
  const { t } = useTranslation();
  const partyOptions = parties.map((party) => ({ value: party.id, label: party.name }));
  return (
    <>
      <CheckboxGroup
        legend={t('structure.owners')}
        description={t('structure.ownersHint')}
        options={partyOptions}
        checked={owners}
        onChange={onOwners}
        firstId={ownersId}
        error={ownersError}
        size="sm"
        testId={testIds ? 'structure.owners' : undefined}
      />
      <CheckboxGroup
        legend={t('structure.required')}
        description={t('structure.requiredHint')}
        options={partyOptions}
        checked={required}
        onChange={onRequired}
        size="sm"
        testId={testIds ? 'structure.required' : undefined}
      />
      <CheckboxGroup
        legend={t('structure.tags')}
        options={PATIENT_GROUPS.map((group) => ({ value: group, label: t(`patientGroup.${group}`) }))}
        checked={tags}
        onChange={onTags}
        size="sm"
        testId={testIds ? 'structure.tags' : undefined}
      />
    </>
  );
}
