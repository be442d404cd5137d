import { describe, expect, it } from 'vitest';
import type { ExportDocument } from './exportDocument.js';
import { htmlFromDocument, PRINT_CONTENT_SECURITY_POLICY } from './htmlFromDocument.js';

const doc = (text: string, title = 'Plan'): ExportDocument => ({
  title,
  forum: null,
  period: null,
  at: '2026-11-24T10:00:00Z',
  versionName: 'Versjon til styremøtet',
  parties: ['Demo kommune'],
  sections: [
    {
      title: '<b>Innledning</b>',
      locked: false,
      consensus: [],
      waitingFor: [],
      json: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text }] },
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'lenke', marks: [{ type: 'link', attrs: { href: 'https://example.org/' } }] },
            ],
          },
        ],
      },
    },
  ],
});

describe('htmlFromDocument', () => {
  it('keeps text as text: a script or tag in a body or a title is never markup', () => {
    const html = htmlFromDocument(
      doc('<script>alert(1)</script><img src="http://evil.example/x.png">', '</title><script>x</script>'),
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('1 &lt;b&gt;Innledning&lt;/b&gt;');
  });

  it('forbids every fetch with a CSP, and has the title page, contents and numbered sections', () => {
    const html = htmlFromDocument(doc('Tekst'));
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${PRINT_CONTENT_SECURITY_POLICY}">`);
    expect(PRINT_CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'/);
    expect(html).toContain('Versjon: Versjon til styremøtet');
    expect(html).toContain('24. november 2026');
    expect(html).toContain('<h2>Innhold</h2>');
    expect(html).toContain('href="https://example.org/"');
  });
});
