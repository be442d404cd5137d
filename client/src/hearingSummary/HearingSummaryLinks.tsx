import { useTranslation } from '../i18n/useTranslation.js';
import { hearingSummaryHref } from '../api/client.js';

/** The høringsoppsummering's downloads: Word (internal and public) and the remarks as a spreadsheet. */
export function HearingSummaryLinks({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation();
  return (
    <ul className="hearing-summary__downloads" aria-label={t('hearingSummary.downloads')}>
      <li>
        <a href={hearingSummaryHref(hearingId, 'summary.docx')} download data-testid="hearing-summary.docx">
          {t('hearingSummary.docx')}
        </a>
      </li>
      <li>
        <a
          href={hearingSummaryHref(hearingId, 'summary.docx', true)}
          download
          data-testid="hearing-summary.docx-public"
        >
          {t('hearingSummary.docxPublic')}
        </a>
      </li>
      <li>
        <a href={hearingSummaryHref(hearingId, 'remarks.csv')} download data-testid="hearing-summary.csv">
          {t('hearingSummary.csv')}
        </a>
      </li>
    </ul>
  );
}
