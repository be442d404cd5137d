import { documentSchema } from '@fellesplan/editor';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BLOCK_ELEMENTS, MARK_ELEMENTS, renderBody } from './renderBody.js';

const html = (json: unknown) => renderToStaticMarkup(renderBody(json));

describe('a stored section body shown without the editor', () => {
  it('knows every node and mark type of the section schema', () => {
    const schema = documentSchema();
    expect(Object.keys(BLOCK_ELEMENTS).sort()).toEqual(Object.keys(schema.nodes).sort());
    expect(Object.keys(MARK_ELEMENTS).sort()).toEqual(Object.keys(schema.marks).sort());
  });

  it('renders headings, lists, marks and tables as the editor does', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Mål' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Se ' },
            {
              type: 'text',
              text: 'planen',
              marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://x.no' } }],
            },
          ],
        },
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'én' }] }] }],
        },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                { type: 'tableHeader', attrs: { colspan: 2 }, content: [{ type: 'paragraph' }] },
                { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] },
              ],
            },
          ],
        },
      ],
    };
    expect(html(doc)).toBe(
      '<h3>Mål</h3><p>Se <a href="https://x.no" target="_blank" rel="noopener noreferrer nofollow"><strong>planen</strong></a></p>' +
        '<ol start="3"><li><p>én</p></li></ol>' +
        '<table><tbody><tr><th colSpan="2"><p></p></th><td><p>x</p></td></tr></tbody></table>',
    );
  });

  it('never makes markup of text, and drops link targets the server would not store', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '<img src=x onerror=alert(1)>' },
            { type: 'text', text: 'klikk', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
          ],
        },
        { type: 'heading', attrs: { level: '1"><script>' }, content: [{ type: 'text', text: 'h' }] },
      ],
    };
    const out = html(doc);
    expect(out).toBe('<p>&lt;img src=x onerror=alert(1)&gt;klikk</p><h2>h</h2>');
  });
});
