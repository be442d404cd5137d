import { useMemo } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { renderBody } from '../editor/renderBody.js';
import { diffLabels } from './diffLabels.js';

/** A comparison document as text with insertions, deletions and changed formatting marked. */
export function DiffBody({ doc, label }: { doc: unknown; label: string }) {
  const { t } = useTranslation();
  const content = useMemo(() => renderBody(doc, diffLabels(t)), [doc, t]);
  return (
    <div
      className="tiptap ProseMirror section-editor__content diff-body"
      role="document"
      aria-label={label}
      data-testid="compare.body"
    >
      {content}
    </div>
  );
}

/** What the colours and lines mean, so nothing is told by colour alone. */
export function DiffLegend() {
  const { t } = useTranslation();
  return (
    <dl className="diff-legend" aria-label={t('compare.legend')}>
      <dt>
        <ins>abc</ins>
      </dt>
      <dd>{t('compare.legendInserted')}</dd>
      <dt>
        <del>abc</del>
      </dt>
      <dd>{t('compare.legendDeleted')}</dd>
      <dt>
        <span className="diff-format">abc</span>
      </dt>
      <dd>{t('compare.legendFormat')}</dd>
    </dl>
  );
}
