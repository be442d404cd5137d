/** Bokmål or nynorsk (the same as `Language` of errors.ts, which imports this file). */
type Language = 'nb' | 'nn';

/**
 * What users call the fields of the API's inputs, so a refusal names them in Norwegian: the
 * login form's «email» is «e-postadresse». Keyed by the last segment of a field path
 * (`admin.email` is an e-mail address too).
 */
export const FIELD_LABELS: Record<string, Record<Language, string>> = {
  email: { nb: 'e-postadresse', nn: 'e-postadresse' },
  password: { nb: 'passord', nn: 'passord' },
  name: { nb: 'navn', nn: 'namn' },
  title: { nb: 'tittel', nn: 'tittel' },
  note: { nb: 'merknad', nn: 'merknad' },
  reason: { nb: 'begrunnelse', nn: 'grunngjeving' },
  justification: { nb: 'begrunnelse', nn: 'grunngjeving' },
  stance: { nb: 'standpunkt', nn: 'standpunkt' },
  sectionId: { nb: 'seksjon', nn: 'seksjon' },
  afterSectionId: { nb: 'plassering', nn: 'plassering' },
  threadId: { nb: 'kommentartråd', nn: 'kommentartråd' },
  commentId: { nb: 'kommentar', nn: 'kommentar' },
  planId: { nb: 'plan', nn: 'plan' },
  copyFromPlanId: { nb: 'plan å kopiere fra', nn: 'plan å kopiere frå' },
  partyId: { nb: 'part', nn: 'part' },
  partyIds: { nb: 'parter', nn: 'partar' },
  userId: { nb: 'person', nn: 'person' },
  owners: { nb: 'eiere', nn: 'eigarar' },
  requiredParties: { nb: 'parter som skal ta standpunkt', nn: 'partar som skal ta standpunkt' },
  orgNumber: { nb: 'organisasjonsnummer', nn: 'organisasjonsnummer' },
  kind: { nb: 'type part', nn: 'type part' },
  role: { nb: 'rolle', nn: 'rolle' },
  forum: { nb: 'forum', nn: 'forum' },
  period: { nb: 'periode', nn: 'periode' },
  template: { nb: 'mal', nn: 'mal' },
  tags: { nb: 'pasientgrupper', nn: 'pasientgrupper' },
  partnershipName: { nb: 'navnet på helsefellesskapet', nn: 'namnet på helsefellesskapet' },
  token: { nb: 'lenke', nn: 'lenkje' },
  revision: { nb: 'tekstversjon', nn: 'tekstversjon' },
  anchor: { nb: 'markering i teksten', nn: 'markering i teksten' },
  start: { nb: 'markering i teksten', nn: 'markering i teksten' },
  end: { nb: 'markering i teksten', nn: 'markering i teksten' },
  quote: { nb: 'sitat', nn: 'sitat' },
  deadline: { nb: 'frist', nn: 'frist' },
  intro: { nb: 'innledning', nn: 'innleiing' },
  statement: { nb: 'uttalelse', nn: 'fråsegn' },
  organisation: { nb: 'organisasjon', nn: 'organisasjon' },
  proposedText: { nb: 'forslag til tekst', nn: 'forslag til tekst' },
  assessment: { nb: 'vurdering', nn: 'vurdering' },
  date: { nb: 'dato', nn: 'dato' },
  caseNumber: { nb: 'saksnummer', nn: 'saksnummer' },
  outcome: { nb: 'utfall', nn: 'utfall' },
  versionId: { nb: 'versjon', nn: 'versjon' },
  // No `body`: a comment's text and an adoption's decision-making body share the name, so a message must not name either.
  text: { nb: 'merknad', nn: 'merknad' },
  remarks: { nb: 'merknader', nn: 'merknader' },
  respondent: { nb: 'avsender', nn: 'avsendar' },
  publishResponses: { nb: 'publisering av innspill', nn: 'publisering av innspel' },
  hearingId: { nb: 'høring', nn: 'høyring' },
  responseId: { nb: 'høringsinnspill', nn: 'høyringsinnspel' },
  remarkId: { nb: 'merknad', nn: 'merknad' },
};

/** The Norwegian name of a field path's field, or null when users have no name for it. */
export function fieldLabel(path: string | undefined, language: Language): string | null {
  const last = path
    ?.split('.')
    .filter((segment) => segment !== '' && !/^\d+$/.test(segment))
    .at(-1);
  return last !== undefined && Object.hasOwn(FIELD_LABELS, last) ? (FIELD_LABELS[last]?.[language] ?? null) : null;
}
