import { Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from '../i18n/useTranslation.js';

/** A deadline as the sekretariat enters it: a date and a time on the clock in Oslo. */
export function DeadlineFields({
  idPrefix,
  dateLabel,
  timeLabel,
  value,
  onChange,
  error,
}: {
  idPrefix: string;
  dateLabel: string;
  timeLabel: string;
  value: { date: string; time: string };
  onChange: (value: { date: string; time: string }) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="hearing-datetime">
      <Textfield
        id={`${idPrefix}-date`}
        type="date"
        label={dateLabel}
        value={value.date}
        onChange={(e) => onChange({ ...value, date: e.target.value })}
        error={error}
        data-testid={`${idPrefix}-date`}
      />
      <Textfield
        id={`${idPrefix}-time`}
        type="time"
        label={timeLabel}
        description={t('hearings.list.deadlineHint')}
        value={value.time}
        onChange={(e) => onChange({ ...value, time: e.target.value })}
        data-testid={`${idPrefix}-time`}
      />
    </div>
  );
}
