import { Fragment } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { planExportHref } from '../api/client.js';

/** «Last ned Word» and «Last ned PDF» of the plan now, or of one version (named for screen readers). */
export function ExportLinks({
  planId,
  version,
  testIdPrefix,
}: {
  planId: string;
  version?: { id: string; label: string };
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  const formats = [
    { format: 'docx', text: t('plan.exportWord'), named: 'versions.exportWordLabel' },
    { format: 'pdf', text: t('plan.exportPdf'), named: 'versions.exportPdfLabel' },
  ] as const;
  return (
    <>
      {formats.map(({ format, text, named }) => (
        <Fragment key={format}>
          {' '}
          <a
            href={planExportHref(planId, format, version?.id)}
            download
            aria-label={version ? t(named, { name: version.label }) : undefined}
            data-testid={`${testIdPrefix}.export-${format}`}
          >
            {text}
          </a>
        </Fragment>
      ))}
    </>
  );
}
