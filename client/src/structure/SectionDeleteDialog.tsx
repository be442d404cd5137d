import { Field, Label, Paragraph, Textarea } from '@digdir/designsystemet-react';
import { INPUT_LIMITS, type SectionView } from '@fellesplan/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { api, ApiError } from '../api/client.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';

/**
 * Deleting a section asks for a reason once any party has taken a stance on it; the server
 * decides (`delete_reason_required`), the dialog asks up front when it can already see markers.
 */
export function SectionDeleteDialog({
  section,
  onClose,
  onDeleted,
}: {
  section: SectionView | null;
  onClose: () => void;
  onDeleted: (title: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [serverWantsReason, setServerWantsReason] = useState(false);
  const reasonRequired = serverWantsReason || (section?.markers.length ?? 0) > 0;

  useEffect(() => {
    setReason('');
    setServerWantsReason(false);
  }, [section]);

  return (
    <ConfirmDialog
      open={section !== null}
      title={t('structure.deleteTitle', { title: section?.title ?? '' })}
      body={<Paragraph>{reasonRequired ? t('structure.deleteBodyMarked') : t('structure.deleteBody')}</Paragraph>}
      confirmLabel={t('structure.delete')}
      confirmDisabled={reasonRequired && !reason.trim()}
      onClose={onClose}
      onConfirm={async () => {
        if (!section) return;
        try {
          await api.command('sections.delete', {
            sectionId: section.id,
            ...(reason.trim() ? { reason: reason.trim() } : {}),
          });
        } catch (error) {
          if (error instanceof ApiError && error.code === 'delete_reason_required') {
            setServerWantsReason(true);
            document.getElementById('section-delete-reason')?.focus();
          }
          throw error;
        }
        await onDeleted(section.title);
      }}
      testId="structure.delete-dialog"
    >
      <Field>
        <Label>{reasonRequired ? t('structure.reasonRequired') : t('structure.reasonOptional')}</Label>
        <Textarea
          id="section-delete-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
          required={reasonRequired}
          maxLength={INPUT_LIMITS.reason}
          data-testid="structure.delete.reason"
        />
      </Field>
    </ConfirmDialog>
  );
}
