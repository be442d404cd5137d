import { describe, expect, it } from 'vitest';
import { plainTextToDoc } from './plainTextToDoc.js';
import { applyProposedWording } from './proposedWording.js';
import { jsonToText, type TiptapJSON } from './ydoc.js';

const body = plainTextToDoc('Kommunen skal ha et tilbud innen 2027.\n\nHelseforetaket følger opp.');

function text(result: ReturnType<typeof applyProposedWording>): string {
  if (!result.ok) throw new Error(result.reason);
  return jsonToText(result.json);
}

describe('applyProposedWording', () => {
  it('[HR7] replaces a passage found once, inside its paragraph', () => {
    expect(text(applyProposedWording(body, 'innen 2027', 'innen utgangen av 2026'))).toBe(
      'Kommunen skal ha et tilbud innen utgangen av 2026.\n\nHelseforetaket følger opp.',
    );
  });

  it('[HR7] keeps the formatting of the passage it replaces', () => {
    const bold: TiptapJSON = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Før ' },
            { type: 'text', text: 'viktig frist', marks: [{ type: 'bold' }] },
          ],
        },
      ],
    };
    const result = applyProposedWording(bold, 'viktig frist', 'ny\nfrist');
    expect(result.ok && result.json.content?.[0]?.content?.[1]).toEqual({
      type: 'text',
      text: 'ny frist',
      marks: [{ type: 'bold' }],
    });
  });

  it('[HR7] finds nothing when the quote occurs twice, spans paragraphs or is gone', () => {
    const twice = plainTextToDoc('Ett tiltak.\n\nEtt tiltak til.');
    expect(applyProposedWording(twice, 'Ett tiltak', 'To tiltak')).toEqual({ ok: false, reason: 'quote_not_found' });
    expect(applyProposedWording(body, '2027.\n\nHelseforetaket', 'x')).toEqual({
      ok: false,
      reason: 'quote_not_found',
    });
    expect(applyProposedWording(body, 'finnes ikke', 'x')).toEqual({ ok: false, reason: 'quote_not_found' });
  });

  it('[HR7] without a quote, adds the wording as paragraphs at the end (or fills an empty body)', () => {
    expect(text(applyProposedWording(body, null, 'Nytt avsnitt.\n\nOg ett til.'))).toBe(
      'Kommunen skal ha et tilbud innen 2027.\n\nHelseforetaket følger opp.\n\nNytt avsnitt.\n\nOg ett til.',
    );
    expect(text(applyProposedWording(plainTextToDoc(''), null, 'Første avsnitt.'))).toBe('Første avsnitt.');
  });
});
