import { Button, Dialog, Heading } from '@digdir/designsystemet-react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { FormError } from './FormError.js';

/** A modal edit form: title, the server's refusal, the fields, and save / cancel. */
export function FormDialog({
  open,
  title,
  formError,
  busy,
  onSubmit,
  onClose,
  testId,
  saveTestId,
  intro,
  children,
}: {
  open: boolean;
  title: string;
  formError: string | null;
  busy: boolean;
  onSubmit: (event: FormEvent) => Promise<void>;
  onClose: () => void;
  testId: string;
  saveTestId: string;
  /** Shown above the refusal and the fields. */
  intro?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} closedby="any" data-testid={testId}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Dialog.Block>
          <Heading level={2} data-size="xs">
            {title}
          </Heading>
        </Dialog.Block>
        <Dialog.Block className="dialog-body">
          {intro}
          <FormError message={formError} />
          {children}
        </Dialog.Block>
        <Dialog.Block className="dialog-actions">
          <Button type="submit" disabled={busy} data-testid={saveTestId}>
            {t('app.save')}
          </Button>
          <Button type="button" variant="tertiary" onClick={onClose}>
            {t('app.cancel')}
          </Button>
        </Dialog.Block>
      </form>
    </Dialog>
  );
}
