import { useMemo } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { renderBody } from './renderBody.js';

/**
 * A section's text, read-only, from the body the server sent: shown until (and in place of) the
 * live editor, so the browser can find it with Ctrl+F and print it, and the text appears before
 * the editor's script has loaded and the section's document has synced.
 */
export function StaticBody({ json, label }: { json: unknown; label: string }) {
  const { t } = useTranslation();
  const empty = useMemo(() => !hasText(json), [json]);
  const content = useMemo(() => renderBody(json), [json]);
  return (
    <div className="section-static" data-testid="section.static" data-empty={empty}>
      {empty && <p className="section-editor__empty">{t('plan.emptySection')}</p>}
      <div className="tiptap ProseMirror section-editor__content" role="document" aria-label={label}>
        {content}
      </div>
    </div>
  );
}

/** Whether a stored body holds any text at all (an empty section gets a line saying so). */
function hasText(json: unknown): boolean {
  if (typeof json !== 'object' || json === null) return false;
  const node = json as { text?: unknown; content?: unknown };
  if (typeof node.text === 'string' && node.text.trim() !== '') return true;
  return Array.isArray(node.content) && node.content.some(hasText);
}
