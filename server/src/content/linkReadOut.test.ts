import type { SectionContentView } from '@fellesplan/domain';
import { sectionDocumentName } from '@fellesplan/domain';
import { CONTENT_FIELD } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendDocumentUpdate } from '../storage/repositories/documents.js';
import { api, useFixture } from '../testing/index.js';

const f = useFixture();

const link = (href: string) => ({ link: { href, target: '_blank', rel: 'noopener noreferrer nofollow', class: null } });

describe('[K1] stored links are read out with allowed targets only', () => {
  it('[K1] a javascript: link stored directly in the database loses its link through the content endpoint, keeping its text', async () => {
    const plan = await f.plan();
    const sectionId = plan.section('Digitalisering og velferdsteknologi').id;
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    doc.getXmlFragment(CONTENT_FIELD).push([paragraph]);
    text.insert(0, 'Les mer', link('javascript:alert(document.cookie)'));
    text.insert(text.length, ' eller ', {});
    text.insert(text.length, 'her', link(' JAVASCRIPT:alert(1)'));
    text.insert(text.length, ' og ', {});
    text.insert(text.length, 'Helsenorge', link('https://www.helsenorge.no/'));
    await appendDocumentUpdate(f.db, sectionDocumentName(sectionId), Y.encodeStateAsUpdate(doc));

    const res = await api<SectionContentView>(f.url, `/api/sections/${sectionId}/content`, {
      token: f.token('bruker'),
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body.json).toLowerCase()).not.toContain('javascript');
    expect(res.body.text).toContain('Les mer eller her og Helsenorge');
    expect(JSON.stringify(res.body.json)).toContain('https://www.helsenorge.no/');
  });
});
