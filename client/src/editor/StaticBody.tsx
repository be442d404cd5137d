import { documentExtensions } from '@fellesplan/editor';
import { getSchema } from '@tiptap/core';
import { DOMSerializer, Node as PMNode, type Schema } from '@tiptap/pm/model';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';

let schema: Schema | null = null;
/** Built once: the same schema the live editor uses, so static text looks exactly like it. */
function sectionSchema(): Schema {
  schema ??= getSchema(documentExtensions());
  return schema;
}

/**
 * Builds the DOM of a stored section body through the editor schema. Nodes are created by the
 * schema's own `toDOM`, never from an HTML string, so stored text cannot inject markup.
 * Returns null when the JSON does not fit the schema (the caller shows a placeholder).
 */
export function renderSectionBody(json: unknown, document: Document): Node | null {
  try {
    const schemaNow = sectionSchema();
    const node = PMNode.fromJSON(schemaNow, json);
    node.check();
    return DOMSerializer.fromSchema(schemaNow).serializeFragment(node.content, { document });
  } catch {
    return null;
  }
}

/**
 * A section's text, read-only, from the body the server sent: shown until (and in place of) the
 * live editor, so the browser can find it with Ctrl+F and print it, and the text appears before
 * the section's document has synced.
 */
export function StaticBody({ json, label }: { json: unknown; label: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const empty = useMemo(() => !hasText(json), [json]);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const fragment = renderSectionBody(json, element.ownerDocument);
    element.replaceChildren(...(fragment ? [fragment] : []));
  }, [json]);
  return (
    <div className="section-static" data-testid="section.static" data-empty={empty}>
      {empty && <p className="section-editor__empty">{t('plan.emptySection')}</p>}
      <div ref={ref} className="tiptap ProseMirror section-editor__content" role="document" aria-label={label} />
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
