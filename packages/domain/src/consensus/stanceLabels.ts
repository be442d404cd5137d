import type { Forum } from '../admin/vocabulary.js';
import type { Language } from '../errors.js';
import type { Stance } from './stances.js';

/**
 * [C1] What each stance is called, in bokmål and nynorsk: the client's words for it and the
 * words of exported documents (Word, PDF), from this one place.
 */
export const STANCE_LABELS = {
  nb: { agree: 'Enig', reservation: 'Enig med forbehold', abstain: 'Avstår', disagree: 'Uenig' },
  nn: { agree: 'Samd', reservation: 'Samd med atterhald', abstain: 'Avstår', disagree: 'Usamd' },
} as const satisfies Record<Language, Record<Stance, string>>;

/** The decision levels a plan is prepared for, by name. */
export const FORUM_LABELS = {
  nb: {
    partnerskapsmote: 'Partnerskapsmøte',
    ssu: 'Strategisk samarbeidsutvalg (SSU)',
    fsu: 'Faglig samarbeidsutvalg (FSU)',
  },
  nn: {
    partnerskapsmote: 'Partnarskapsmøte',
    ssu: 'Strategisk samarbeidsutval (SSU)',
    fsu: 'Fagleg samarbeidsutval (FSU)',
  },
} as const satisfies Record<Language, Record<Forum, string>>;
