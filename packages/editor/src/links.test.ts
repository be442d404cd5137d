import { describe, expect, it } from 'vitest';
import { isAllowedHref, stripDisallowedLinks } from './links.js';
import type { TiptapJSON } from './ydoc.js';

describe('[K1] isAllowedHref', () => {
  it.each(['https://www.nav.no/', 'http://example.no/a?b=c#d', 'HTTPS://HELSENORGE.NO', 'mailto:post@kommune.no'])(
    'allows %s',
    (href) => expect(isAllowedHref(href)).toBe(true),
  );

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.no',
    '/api/plans',
    '//evil.example/',
    'www.nav.no',
    '',
  ])('refuses %j', (href) => expect(isAllowedHref(href)).toBe(false));
});

describe('[K1] stripDisallowedLinks', () => {
  const link = (href: unknown) => ({ type: 'link', attrs: { href, target: '_blank' } });
  const doc = (marks: TiptapJSON['marks']): TiptapJSON => ({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Klikk her', marks }] }],
  });

  it('drops a disallowed link mark and keeps its text and other marks', () => {
    expect(stripDisallowedLinks(doc([{ type: 'bold' }, link('javascript:alert(1)')]))).toEqual(doc([{ type: 'bold' }]));
    expect(stripDisallowedLinks(doc([link(' JAVASCRIPT:alert(1)')]))).toEqual(doc(undefined));
    expect(stripDisallowedLinks(doc([link(42)]))).toEqual(doc(undefined));
  });

  it('keeps allowed links as they are', () => {
    const json = doc([link('https://www.helsenorge.no/')]);
    expect(stripDisallowedLinks(json)).toEqual(json);
  });
});
