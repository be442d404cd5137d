import { Alert, Button, Dialog, Field, Heading, Label, Paragraph, Textarea } from '@digdir/designsystemet-react';
import { INPUT_LIMITS, type SectionView } from '@fellesplan/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { api, ApiError } from '../api/client.js';

/**
 * Lock or unlock, each behind a confirmation; shown only when the domain's `lockRefusal` or
 * `unlockRefusal` (the rules the server enforces) allows it.
 */
export function LockControls({ section, unlocking }: { section: SectionView; unlocking: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (unlocking) await api.command('sections.unlock', { sectionId: section.id, reason: reason.trim() });
      else await api.command('sections.lock', { sectionId: section.id });
      setOpen(false);
      setReason('');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('app.error'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button
        variant={unlocking ? 'secondary' : 'primary'}
        data-size="sm"
        onClick={() => setOpen(true)}
        data-testid={unlocking ? 'section.unlock' : 'section.lock'}
      >
        {unlocking ? t('consensus.unlock') : t('consensus.lock')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} closedby="any" data-testid="lock.dialog">
        <form onSubmit={(e) => void confirm(e)}>
          <Dialog.Block>
            <Heading level={2} data-size="xs">
              {unlocking
                ? t('consensus.unlockTitle', { title: section.title })
                : t('consensus.lockTitle', { title: section.title })}
            </Heading>
          </Dialog.Block>
          <Dialog.Block>
            <Paragraph>{unlocking ? t('consensus.unlockBody') : t('consensus.lockBody')}</Paragraph>
            {unlocking && (
              <Field>
                <Label>{t('consensus.reason')}</Label>
                <Textarea
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  required
                  rows={3}
                  maxLength={INPUT_LIMITS.reason}
                  data-testid="lock.reason"
                />
              </Field>
            )}
            {error && (
              <Alert data-color="danger" data-size="sm" role="alert">
                {error}
              </Alert>
            )}
          </Dialog.Block>
          <Dialog.Block className="dialog-actions">
            <Button type="submit" disabled={busy || (unlocking && !reason.trim())} data-testid="lock.confirm">
              {unlocking ? t('consensus.confirmUnlock') : t('consensus.confirmLock')}
            </Button>
            <Button type="button" variant="tertiary" onClick={() => setOpen(false)}>
              {t('consensus.cancel')}
            </Button>
          </Dialog.Block>
        </form>
      </Dialog>
    </>
  );
}
