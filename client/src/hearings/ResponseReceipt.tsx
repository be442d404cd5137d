import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { formatOsloDeadline } from './osloTime.js';
import type { ResponseDraft } from './responseDraft.js';

export interface Receipt {
  reference: string;
  receiptUrl: string;
  at: string;
  sent: ResponseDraft;
}

/** What the respondent sees once the response is in: the reference to cite, a summary, the receipt to keep. */
export function ResponseReceipt({ receipt, onAnother }: { receipt: Receipt; onAnother: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // A screen reader user lands on the confirmation, not somewhere in the form that is gone.
  useEffect(() => heading.current?.focus(), []);
  const { sent } = receipt;
  return (
    <Alert data-color="success" data-testid="hearing.receipt" className="hearing-receipt">
      <Heading level={2} data-size="xs" ref={heading} tabIndex={-1}>
        {t('hearings.public.receipt.heading')}
      </Heading>
      <dl className="hearing-receipt__facts">
        <dt>{t('hearings.public.receipt.reference')}</dt>
        <dd data-testid="hearing.receipt-reference">{receipt.reference}</dd>
        <dt>{t('hearings.public.receipt.at')}</dt>
        <dd>{formatOsloDeadline(receipt.at)}</dd>
        <dt>{t('hearings.public.receipt.from')}</dt>
        <dd>{[sent.name, sent.kind === 'organisation' ? sent.organisation : ''].filter(Boolean).join(', ')}</dd>
      </dl>
      <Paragraph data-size="sm">
        {[
          t('hearings.public.receipt.remarks', { count: sent.remarks.length }),
          sent.statement.trim() ? t('hearings.public.receipt.statement') : '',
        ]
          .filter(Boolean)
          .join(' · ')}
      </Paragraph>
      <Paragraph data-size="sm">{t('hearings.public.receipt.keep')}</Paragraph>
      <p className="hearing-receipt__actions">
        <a href={receipt.receiptUrl} download data-testid="hearing.receipt-download">
          {t('hearings.public.receipt.download')}
        </a>{' '}
        <Button variant="tertiary" data-size="sm" onClick={onAnother} className="no-print">
          {t('hearings.public.receipt.another')}
        </Button>
      </p>
    </Alert>
  );
}
