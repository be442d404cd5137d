import { isAllowedHref } from '@fellesplan/editor/links';
import { Children, cloneElement, createElement, Fragment, isValidElement, type ReactNode } from 'react';

interface JsonNode {
  type?: unknown;
  text?: unknown;
  attrs?: Record<string, unknown>;
  marks?: { type?: unknown; attrs?: Record<string, unknown> }[];
  content?: unknown;
}

/** Every node and mark type of the section schema, and the element each is shown as. */
export const BLOCK_ELEMENTS = {
  doc: null,
  paragraph: 'p',
  heading: null,
  blockquote: 'blockquote',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  codeBlock: null,
  hardBreak: 'br',
  horizontalRule: 'hr',
  table: null,
  tableRow: 'tr',
  tableHeader: 'th',
  tableCell: 'td',
  text: null,
} as const;
export const MARK_ELEMENTS = {
  bold: 'strong',
  italic: 'em',
  strike: 's',
  underline: 'u',
  code: 'code',
  link: 'a',
} as const;

/**
 * How a comparison's marks and block changes are told apart without colour: text for screen
 * readers around inserted and deleted text, and a visible label on a block that changed whole.
 */
export interface DiffLabels {
  insertedStart: string;
  deletedStart: string;
  changeEnd: string;
  /** A text's formatting changed: what it has now and what it had (mark names). */
  formatted: (added: string[], removed: string[]) => string;
  /** `diff` attribute of a block (insert, delete, moveFrom, moveTo, format) to its label. */
  block: (diff: string, was: string | null) => string;
}

/**
 * A stored section body (Tiptap JSON) as React elements, the way the editor shows it, without
 * loading the editor: the plan's first screen shows text before Tiptap's script has arrived.
 * React escapes all text; link targets pass the same check as stored content. With `diff`
 * labels it also shows a comparison document (marks diffInsert, diffDelete, diffFormat and the
 * blocks' `diff` attribute) as <ins>, <del> and labelled blocks.
 */
export function renderBody(json: unknown, diff?: DiffLabels): ReactNode {
  return renderNode(json, '0', diff);
}

function renderNode(value: unknown, key: string, diff: DiffLabels | undefined): ReactNode {
  if (typeof value !== 'object' || value === null) return null;
  const node = value as JsonNode;
  if (node.type === 'text') return typeof node.text === 'string' ? withMarks(node.text, node.marks, key, diff) : null;
  const children = Array.isArray(node.content)
    ? node.content.map((child, index) => renderNode(child, `${key}.${index}`, diff))
    : null;
  const attrs = node.attrs ?? {};
  const element = renderElement(node, attrs, children, key);
  return diff && typeof attrs.diff === 'string' ? withBlockDiff(element, attrs, diff, key) : element;
}

function renderElement(node: JsonNode, attrs: Record<string, unknown>, children: ReactNode, key: string): ReactNode {
  switch (node.type) {
    case 'doc':
      return createElement(Fragment, { key }, children);
    case 'heading': {
      const level = Math.min(4, Math.max(2, Number(attrs.level) || 2));
      return createElement(`h${level}`, { key }, children);
    }
    case 'orderedList': {
      const start = Number(attrs.start);
      return createElement('ol', { key, start: Number.isInteger(start) && start !== 1 ? start : undefined }, children);
    }
    case 'codeBlock':
      return createElement('pre', { key }, createElement('code', null, children));
    case 'table':
      return createElement('table', { key }, createElement('tbody', null, children));
    case 'tableHeader':
    case 'tableCell': {
      const span = (name: string) => {
        const n = Number(attrs[name]);
        return Number.isInteger(n) && n > 1 ? n : undefined;
      };
      return createElement(node.type === 'tableHeader' ? 'th' : 'td', {
        key,
        colSpan: span('colspan'),
        rowSpan: span('rowspan'),
        children,
      });
    }
    default: {
      const element = BLOCK_ELEMENTS[node.type as keyof typeof BLOCK_ELEMENTS];
      if (element === 'br' || element === 'hr') return createElement(element, { key });
      // An unknown type (the server checks the schema, so only a newer client could meet one)
      // still shows its text.
      return createElement(element ?? 'div', { key }, children);
    }
  }
}

/** A changed block keeps its own element (a list item stays a list item), labelled first thing inside. */
function withBlockDiff(element: ReactNode, attrs: Record<string, unknown>, diff: DiffLabels, key: string): ReactNode {
  if (!isValidElement<{ className?: string; children?: ReactNode }>(element)) return element;
  const kind = String(attrs.diff);
  const label = createElement(
    'span',
    { className: 'diff-block__label', key: 'label' },
    diff.block(kind, typeof attrs.diffWas === 'string' ? attrs.diffWas : null),
  );
  return cloneElement(element, { key, className: `diff-block diff-block--${kind}`, 'data-diff': kind } as object, [
    label,
    ...Children.toArray(element.props.children),
  ]);
}

function withDiffMark(element: ReactNode, mark: NonNullable<JsonNode['marks']>[number], diff: DiffLabels): ReactNode {
  const hidden = (text: string) => createElement('span', { className: 'visually-hidden' }, text);
  if (mark.type === 'diffInsert')
    return createElement('ins', null, hidden(diff.insertedStart), element, hidden(diff.changeEnd));
  if (mark.type === 'diffDelete')
    return createElement('del', null, hidden(diff.deletedStart), element, hidden(diff.changeEnd));
  const list = (value: unknown) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const label = diff.formatted(list(mark.attrs?.added), list(mark.attrs?.removed));
  return createElement('span', { className: 'diff-format', title: label }, element, hidden(` (${label})`));
}

function withMarks(text: string, marks: JsonNode['marks'], key: string, diff: DiffLabels | undefined): ReactNode {
  let element: ReactNode = text;
  for (const mark of marks ?? []) {
    if (diff && typeof mark.type === 'string' && mark.type.startsWith('diff')) {
      element = withDiffMark(element, mark, diff);
      continue;
    }
    if (mark.type === 'link') {
      const href = typeof mark.attrs?.href === 'string' ? mark.attrs.href : '';
      element = isAllowedHref(href)
        ? createElement('a', { href, target: '_blank', rel: 'noopener noreferrer nofollow' }, element)
        : element;
      continue;
    }
    const tag = MARK_ELEMENTS[mark.type as keyof typeof MARK_ELEMENTS];
    if (tag) element = createElement(tag, null, element);
  }
  return createElement(Fragment, { key }, element);
}
