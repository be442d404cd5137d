import type { Active, Over } from '@dnd-kit/core';
import { describe, expect, it } from 'vitest';
import { testTranslator } from '../i18n/testTranslator.js';
import { sectionAnnouncements } from './sectionAnnouncements.js';

const sections = [
  { id: 'a', title: 'Innledning og mandat' },
  { id: 'b', title: 'Barn og unge' },
  { id: 'c', title: 'Skrøpelige eldre' },
];

const translator = testTranslator;

const active = (id: string) => ({ id }) as unknown as Active;
const over = (id: string) => ({ id }) as unknown as Over;

describe('sectionAnnouncements', () => {
  it('says which section moved and to which place of how many, in bokmål', async () => {
    const { announcements, screenReaderInstructions } = sectionAnnouncements(await translator('nb'), sections);
    expect(screenReaderInstructions.draggable).toContain('mellomrom');
    expect(announcements.onDragStart({ active: active('c') })).toBe(
      'Du har løftet «Skrøpelige eldre». Den står på plass 3 av 3.',
    );
    expect(announcements.onDragOver({ active: active('c'), over: over('b') })).toBe(
      '«Skrøpelige eldre» er over plass 2 av 3.',
    );
    expect(announcements.onDragEnd({ active: active('c'), over: over('b') })).toBe(
      '«Skrøpelige eldre» er sluppet på plass 2 av 3.',
    );
  });

  it('tells a cancelled or missed drop apart from a move, in nynorsk', async () => {
    const { announcements } = sectionAnnouncements(await translator('nn'), sections);
    expect(announcements.onDragCancel({ active: active('a'), over: null })).toBe(
      'Flyttinga er avbroten. «Innledning og mandat» står framleis på plass 1.',
    );
    expect(announcements.onDragOver({ active: active('a'), over: null })).toBe(
      '«Innledning og mandat» er ikkje over nokon plass i lista.',
    );
  });
});
