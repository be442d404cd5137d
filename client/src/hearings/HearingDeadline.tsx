import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from '../i18n/useTranslation.js';
import { formatOsloDeadline, timeLeft } from './osloTime.js';

/** «Høringsfrist: 18. november 2026 kl. 12.00 · 3 dager igjen», and every extension with its reason. */
export function HearingDeadline({
  deadline,
  now,
  extensions = [],
  testId,
}: {
  deadline: string;
  now: Date;
  extensions?: readonly { from: string; to: string; reason: string }[];
  testId: string;
}) {
  const { t } = useTranslation();
  const left = timeLeft(deadline, now);
  return (
    <div className="hearing-deadline" data-testid={testId}>
      <Paragraph className="hearing-deadline__when">
        <strong>{t('hearings.deadline', { deadline: formatOsloDeadline(deadline) })}</strong>{' '}
        <span className="hearing-deadline__left" data-testid={`${testId}-left`}>
          {t(`hearings.timeLeft.${left.unit}`, { count: left.count })}
        </span>
      </Paragraph>
      {extensions.map((extension) => (
        <Paragraph key={`${extension.from}-${extension.to}`} data-size="sm" data-testid={`${testId}-extension`}>
          {t('hearings.extended', {
            from: formatOsloDeadline(extension.from),
            to: formatOsloDeadline(extension.to),
            reason: extension.reason,
          })}
        </Paragraph>
      ))}
    </div>
  );
}
