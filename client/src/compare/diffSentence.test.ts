import type { BodyDiffView } from '@fellesplan/domain';
import { diffBodies } from '@fellesplan/editor/compare';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { renderBody } from '../editor/renderBody.js';
import { testTranslator } from '../i18n/testTranslator.js';
import { diffLabels } from './diffLabels.js';
import { diffSentence } from './diffSentence.js';

const p = (text: string, marks: string[] = []) => ({
  type: 'paragraph',
  content: [{ type: 'text', text, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) }],
});
const doc = (...content: unknown[]) => ({ type: 'doc', content }) as Parameters<typeof diffBodies>[0];

describe('a comparison as people read it', () => {
  it('says how much changed in bokmål and nynorsk', async () => {
    const diff: BodyDiffView = diffBodies(
      doc(p('Vi skal samarbeide.'), p('Slett meg.')),
      doc(p('Vi skal samarbeide tett.')),
    );
    expect(diffSentence(await testTranslator('nb'), diff)).toBe('2 avsnitt endret, 1 ord satt inn, 2 ord slettet');
    expect(diffSentence(await testTranslator('nn'), diff)).toBe('2 avsnitt endra, 1 ord sett inn, 2 ord sletta');
    expect(diffSentence(await testTranslator('nb'), diffBodies(doc(p('x')), doc(p('x'))))).toBe(
      'Ingen endringer i teksten',
    );
  });

  it('marks insertions and deletions with <ins> and <del> and words a screen reader reads out', async () => {
    const t = await testTranslator('nb');
    const diff = diffBodies(
      doc(p('Kommunen har ansvar.'), p('Flytt meg.'), p('Blir.')),
      doc(p('Kommunen har hovedansvar.', ['bold']), p('Blir.'), p('Flytt meg.')),
    );
    const html = renderToStaticMarkup(renderBody(diff.doc, diffLabels(t)));
    expect(html).toContain('<ins><span class="visually-hidden">[Satt inn:] </span><strong>hoved</strong>');
    expect(html).toContain('<del><span class="visually-hidden">[Slettet:] </span>Flytt meg.');
    expect(html).toContain('Formatering endret: lagt til fet');
    expect(html).toMatch(
      /<p class="diff-block diff-block--moveFrom" data-diff="moveFrom"><span class="diff-block__label">Flyttet herfra<\/span>/,
    );
    expect(html).toContain('Flyttet hit');
  });

  it('renders a stored body without diff labels exactly as before', () => {
    const body = doc(p('Tekst', ['bold']));
    expect(renderToStaticMarkup(renderBody(body))).toBe('<p><strong>Tekst</strong></p>');
  });
});
