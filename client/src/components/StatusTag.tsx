import { Tag } from '@digdir/designsystemet-react';
import type { SectionStatus } from '@fellesplan/domain';
import { useTranslation } from '../i18n/useTranslation.js';
import { StatusIcon } from './StatusIcon.js';

const COLORS: Record<SectionStatus, 'neutral' | 'info' | 'danger' | 'success' | 'warning'> = {
  draft: 'neutral',
  in_review: 'info',
  disagreement: 'danger',
  consensus: 'success',
  locked: 'warning',
};

export function StatusTag({ status }: { status: SectionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={COLORS[status]} data-size="sm" data-testid="section.status" data-status={status}>
      <StatusIcon status={status} /> {t(`plan.status.${status}`)}
    </Tag>
  );
}
