import { isAllowedHref } from '@fellesplan/editor/links';
import { createElement, Fragment, type ReactNode } from 'react';

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
 * A stored section body (Tiptap JSON) as React elements, the way the editor shows it, without
 * loading the editor: the plan's first screen shows text before Tiptap's script has arrived.
 * React escapes all text; link targets pass the same check as stored content.
 */
export function renderBody(json: unknown): ReactNode {
  return renderNode(json, '0');
}

function renderNode(value: unknown, key: string): ReactNode {
  if (typeof value !== 'object' || value === null) return null;
  const node = value as JsonNode;
  if (node.type === 'text') return typeof node.text === 'string' ? withMarks(node.text, node.marks, key) : null;
  const children = Array.isArray(node.content)
    ? node.content.map((child, index) => renderNode(child, `${key}.${index}`))
    : null;
  const attrs = node.attrs ?? {};
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

function withMarks(text: string, marks: JsonNode['marks'], key: string): ReactNode {
  let element: ReactNode = text;
  for (const mark of marks ?? []) {
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
