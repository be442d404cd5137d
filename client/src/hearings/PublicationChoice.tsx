import { Fieldset, Radio } from '@digdir/designsystemet-react';
import { RESPONSE_PUBLICATION, type ResponsePublication } from '@fellesplan/domain';
import { useTranslation } from '../i18n/useTranslation.js';

/** When the public page lists the responses: after the deadline, or as they come in. */
export function PublicationChoice({
  name,
  value,
  onChange,
}: {
  name: string;
  value: ResponsePublication;
  onChange: (value: ResponsePublication) => void;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset>
      <Fieldset.Legend>{t('hearings.list.publication')}</Fieldset.Legend>
      {RESPONSE_PUBLICATION.map((option) => (
        <Radio
          key={option}
          name={name}
          value={option}
          label={t(`hearings.list.${option}`)}
          checked={value === option}
          onChange={() => onChange(option)}
        />
      ))}
    </Fieldset>
  );
}
