import type { PartyKind } from '../types.js';

/**
 * One colour per kind of party, for carets, presence and badges. Each passes WCAG AA (4.5:1)
 * with white text, which is how caret labels show names. The server puts it into every
 * awareness state, so a client cannot show itself in another party's colour.
 */
export const PARTY_COLORS: Record<PartyKind, string> = {
  kommune: '#1a5fb4',
  helseforetak: '#a51d2d',
  fastlege: '#26734d',
  bruker: '#813d9c',
  sekretariat: '#7a4f00',
};
