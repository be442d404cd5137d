import type { Active, Over } from '@dnd-kit/core';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { nb } from '../i18n/nb.js';
import { nn } from '../i18n/nn.js';
import { sectionAnnouncements } from './sectionAnnouncements.js';

const sections = [
  { id: 'a', title: 'Innledning og mandat' },
  { id: 'b', title: 'Barn og unge' },
  { id: 'c', title: 'Skrøpelige eldre' },
];

async function translator(language: 'nb' | 'nn') {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { nb: { translation: nb }, nn: { translation: nn } },
    lng: language,
    showSupportNotice: false,
  });
  return (key: string, values: Record<string, unknown>) => i18n.t(key, values);
}

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
