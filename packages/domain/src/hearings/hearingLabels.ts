import type { Language } from '../errors.js';
import type { AdoptionOutcome, Assessment, ResponseVisibility } from './hearings.js';

/**
 * What the assessments of a remark are called (the sekretariat's own words), in bokmål and
 * nynorsk: the client's labels and those of the høringsoppsummering and its spreadsheet.
 */
export const ASSESSMENT_LABELS = {
  nb: {
    tatt_til_folge: 'Tatt til følge',
    delvis_tatt_til_folge: 'Delvis tatt til følge',
    ikke_tatt_til_folge: 'Ikke tatt til følge',
    tatt_til_orientering: 'Tatt til orientering',
  },
  nn: {
    tatt_til_folge: 'Teke til følgje',
    delvis_tatt_til_folge: 'Delvis teke til følgje',
    ikke_tatt_til_folge: 'Ikkje teke til følgje',
    tatt_til_orientering: 'Teke til orientering',
  },
} as const satisfies Record<Language, Record<Assessment, string>>;

/** A remark nobody has assessed yet. */
export const NOT_ASSESSED_LABEL = { nb: 'Ikke vurdert', nn: 'Ikkje vurdert' } as const satisfies Record<
  Language,
  string
>;

/** How a response is shown to the public. */
export const VISIBILITY_LABELS = {
  nb: { public: 'Offentlig', redacted: 'Offentlig med sladd', withheld: 'Unntatt offentlighet' },
  nn: { public: 'Offentleg', redacted: 'Offentleg med sladd', withheld: 'Unnateke offentlegheit' },
} as const satisfies Record<Language, Record<ResponseVisibility, string>>;

export const ADOPTION_OUTCOME_LABELS = {
  nb: { vedtatt: 'Vedtatt', vedtatt_med_endringer: 'Vedtatt med endringer', ikke_vedtatt: 'Ikke vedtatt' },
  nn: { vedtatt: 'Vedteke', vedtatt_med_endringer: 'Vedteke med endringar', ikke_vedtatt: 'Ikkje vedteke' },
} as const satisfies Record<Language, Record<AdoptionOutcome, string>>;
