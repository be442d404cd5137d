import { Alert, Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { ApiError } from '../api/client.js';

/**
 * A modal that asks before something hard to undo (deactivate, revoke, archive, delete). The
 * dialog keeps focus inside and returns it on close (native `<dialog>`); a refusal from the
 * server is shown in it, and it closes only when the action succeeded.
 */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  onConfirm,
  onClose,
  children,
  confirmDisabled = false,
  testId,
}: {
  open: boolean;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
  children?: ReactNode;
  confirmDisabled?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('app.error'));
    } finally {
      setBusy(false);
    }
  }

  function close() {
    setError(null);
    onClose();
  }

  return (
    <Dialog open={open} onClose={close} closedby="any" data-testid={testId}>
      <form onSubmit={(e) => void confirm(e)}>
        <Dialog.Block>
          <Heading level={2} data-size="xs">
            {title}
          </Heading>
        </Dialog.Block>
        <Dialog.Block className="dialog-body">
          {typeof body === 'string' ? <Paragraph>{body}</Paragraph> : body}
          {children}
          {error && (
            <Alert data-color="danger" data-size="sm" role="alert" data-testid={`${testId}.error`}>
              {error}
            </Alert>
          )}
        </Dialog.Block>
        <Dialog.Block className="dialog-actions">
          <Button type="submit" disabled={busy || confirmDisabled} data-testid={`${testId}.confirm`}>
            {confirmLabel}
          </Button>
          <Button type="button" variant="tertiary" onClick={close}>
            {t('app.cancel')}
          </Button>
        </Dialog.Block>
      </form>
    </Dialog>
  );
}
