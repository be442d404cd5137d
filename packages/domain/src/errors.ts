import { fieldLabel } from './fieldLabels.js';

/**
 * Error codes are English and stable; messages are for users, in bokmål and nynorsk.
 * HTTP status follows DESIGN section 5: 400 invalid, 401 unauthenticated, 403 refused,
 * 404 unknown, 409 conflict with current state.
 */
export const ERRORS = {
  invalid_input: { status: 400, nb: 'Ugyldig verdi i feltet «{field}».', nn: 'Ugyldig verdi i feltet «{field}».' },
  invalid_json: { status: 400, nb: 'Forespørselen er ikke gyldig JSON.', nn: 'Førespurnaden er ikkje gyldig JSON.' },
  invalid_credentials: {
    status: 401,
    nb: 'Feil e-postadresse eller passord.',
    nn: 'Feil e-postadresse eller passord.',
  },
  unauthenticated: { status: 401, nb: 'Du må logge inn.', nn: 'Du må logge inn.' },
  forbidden: { status: 403, nb: 'Du har ikke tilgang til dette.', nn: 'Du har ikkje tilgang til dette.' },
  not_found: { status: 404, nb: 'Fant ikke det du ba om.', nn: 'Fann ikkje det du bad om.' },
  unknown_command: { status: 404, nb: 'Ukjent kommando.', nn: 'Ukjend kommando.' },
  note_required: {
    status: 400,
    nb: 'Du må skrive en merknad når du er enig med forbehold eller uenig.',
    nn: 'Du må skrive ein merknad når du er samd med atterhald eller usamd.',
  },
  reason_required: {
    status: 400,
    nb: 'Du må oppgi en begrunnelse.',
    nn: 'Du må gje ei grunngjeving.',
  },
  not_required_party: {
    status: 403,
    nb: 'Din part skal ikke ta stilling til denne seksjonen.',
    nn: 'Parten din skal ikkje ta stilling til denne seksjonen.',
  },
  sekretariat_only: {
    status: 403,
    nb: 'Bare sekretariatet kan låse og gjenåpne seksjoner.',
    nn: 'Berre sekretariatet kan låse og opne seksjonar att.',
  },
  stale_revision: {
    status: 409,
    nb: 'Teksten er endret siden du leste den. Les den nye teksten og prøv igjen.',
    nn: 'Teksten er endra sidan du las han. Les den nye teksten og prøv igjen.',
  },
  section_locked: {
    status: 409,
    nb: 'Seksjonen er låst. Den må gjenåpnes før noe kan endres.',
    nn: 'Seksjonen er låst. Han må opnast att før noko kan endrast.',
  },
  not_in_consensus: {
    status: 409,
    nb: 'Seksjonen kan bare låses når alle parter er enige.',
    nn: 'Seksjonen kan berre låsast når alle partar er samde.',
  },
  not_locked: {
    status: 409,
    nb: 'Seksjonen er ikke låst.',
    nn: 'Seksjonen er ikkje låst.',
  },
  section_unreadable: {
    status: 409,
    nb: 'Teksten i denne seksjonen kan ikke leses fordi de lagrede dataene er ugyldige. Kontakt den som drifter Fellesplan.',
    nn: 'Teksten i denne seksjonen kan ikkje lesast fordi dei lagra dataa er ugyldige. Kontakt den som driftar Fellesplan.',
  },
  section_empty: {
    status: 409,
    nb: 'Seksjonen har ingen tekst ennå. Det går ikke å ta standpunkt til en tom seksjon.',
    nn: 'Seksjonen har ingen tekst enno. Det går ikkje å ta standpunkt til ein tom seksjon.',
  },
  comment_empty: { status: 400, nb: 'Kommentaren kan ikke være tom.', nn: 'Kommentaren kan ikkje vere tom.' },
  comment_too_long: {
    status: 400,
    nb: 'Kommentaren er for lang (høyst 10 000 tegn).',
    nn: 'Kommentaren er for lang (høgst 10 000 teikn).',
  },
  invalid_anchor: {
    status: 400,
    nb: 'Markeringen i teksten er ugyldig. Merk teksten på nytt.',
    nn: 'Markeringa i teksten er ugyldig. Merk teksten på nytt.',
  },
  not_author: {
    status: 403,
    nb: 'Du kan bare endre eller slette dine egne kommentarer.',
    nn: 'Du kan berre endre eller slette dine eigne kommentarar.',
  },
  comment_deleted: { status: 409, nb: 'Kommentaren er slettet.', nn: 'Kommentaren er sletta.' },
  thread_already: {
    status: 409,
    nb: 'Tråden har allerede denne statusen.',
    nn: 'Tråden har allereie denne statusen.',
  },
  too_many_open_threads: {
    status: 409,
    nb: 'Din part har allerede {limit} åpne tråder i planen. Løs noen av dem før du starter en ny.',
    nn: 'Parten din har alt {limit} opne trådar i planen. Løys nokre av dei før du startar ein ny.',
  },
  too_many_section_threads: {
    status: 409,
    nb: 'Din part har nådd grensen på {limit} tråder i denne seksjonen.',
    nn: 'Parten din har nådd grensa på {limit} trådar i denne seksjonen.',
  },
  too_many_thread_comments: {
    status: 409,
    nb: 'Din part har nådd grensen på {limit} kommentarer i denne tråden. Start en ny tråd.',
    nn: 'Parten din har nådd grensa på {limit} kommentarar i denne tråden. Start ein ny tråd.',
  },
  too_many_plan_comments: {
    status: 409,
    nb: 'Din part har nådd grensen på {limit} kommentarer i planen.',
    nn: 'Parten din har nådd grensa på {limit} kommentarar i planen.',
  },
  too_many_requests: {
    status: 429,
    nb: 'Du har sendt for mange endringer på kort tid. Vent litt og prøv igjen.',
    nn: 'Du har sendt for mange endringar på kort tid. Vent litt og prøv igjen.',
  },
  too_many_attempts: {
    status: 429,
    nb: 'For mange innloggingsforsøk. Vent et minutt og prøv igjen.',
    nn: 'For mange innloggingsforsøk. Vent eit minutt og prøv igjen.',
  },
  busy: {
    status: 503,
    nb: 'Serveren har mye å gjøre akkurat nå. Prøv igjen om litt.',
    nn: 'Tenaren har mykje å gjere akkurat no. Prøv igjen om litt.',
  },
  storage_unavailable: {
    status: 503,
    nb: 'Databasen svarer ikke akkurat nå. Prøv igjen om litt.',
    nn: 'Databasen svarar ikkje akkurat no. Prøv igjen om litt.',
  },
  invalid_host: {
    status: 421,
    nb: 'Serveren svarer ikke på denne adressen. Bruk adressen tjenesten er satt opp med.',
    nn: 'Tenaren svarar ikkje på denne adressa. Bruk adressa tenesta er sett opp med.',
  },
  name_required: { status: 400, nb: 'Navnet kan ikke være tomt.', nn: 'Namnet kan ikkje vere tomt.' },
  invalid_org_number: {
    status: 400,
    nb: 'Organisasjonsnummeret er ikke gyldig (ni sifre med riktig kontrollsiffer).',
    nn: 'Organisasjonsnummeret er ikkje gyldig (ni siffer med rett kontrollsiffer).',
  },
  password_too_short: {
    status: 400,
    nb: 'Passordet må ha minst 10 tegn.',
    nn: 'Passordet må ha minst 10 teikn.',
  },
  parties_required: {
    status: 400,
    nb: 'Velg minst én part som skal delta.',
    nn: 'Vel minst éin part som skal delta.',
  },
  owners_required: {
    status: 400,
    nb: 'Velg minst én part som skriver seksjonen.',
    nn: 'Vel minst éin part som skriv seksjonen.',
  },
  admin_only: {
    status: 403,
    nb: 'Bare administratorer i sekretariatet kan gjøre dette.',
    nn: 'Berre administratorar i sekretariatet kan gjere dette.',
  },
  admin_requires_sekretariat: {
    status: 409,
    nb: 'Bare personer i en sekretariatspart kan være administratorer.',
    nn: 'Berre personar i ein sekretariatspart kan vere administratorar.',
  },
  last_admin: {
    status: 409,
    nb: 'Helsefellesskapet må ha minst én aktiv administrator.',
    nn: 'Helsefellesskapet må ha minst éin aktiv administrator.',
  },
  email_taken: {
    status: 409,
    nb: 'Det finnes allerede en bruker med denne e-postadressen.',
    nn: 'Det finst alt ein brukar med denne e-postadressa.',
  },
  setup_done: {
    status: 409,
    nb: 'Fellesplan er allerede satt opp. Logg inn i stedet.',
    nn: 'Fellesplan er alt sett opp. Logg inn i staden.',
  },
  setup_invalid: {
    status: 403,
    nb: 'Oppsettlenken er ikke gyldig. Bruk lenken serveren skrev ut ved oppstart.',
    nn: 'Oppsettlenka er ikkje gyldig. Bruk lenka tenaren skreiv ut ved oppstart.',
  },
  invitation_invalid: {
    status: 404,
    nb: 'Invitasjonen finnes ikke. Be sekretariatet om en ny.',
    nn: 'Invitasjonen finst ikkje. Be sekretariatet om ein ny.',
  },
  invitation_used: {
    status: 409,
    nb: 'Invitasjonen er allerede brukt. Logg inn, eller be sekretariatet om en ny.',
    nn: 'Invitasjonen er alt brukt. Logg inn, eller be sekretariatet om ein ny.',
  },
  invitation_expired: {
    status: 409,
    nb: 'Invitasjonen er utløpt. Be sekretariatet om en ny.',
    nn: 'Invitasjonen har gått ut. Be sekretariatet om ein ny.',
  },
  party_inactive: {
    status: 409,
    nb: 'Parten er deaktivert.',
    nn: 'Parten er deaktivert.',
  },
  already_inactive: { status: 409, nb: 'Dette er allerede deaktivert.', nn: 'Dette er alt deaktivert.' },
  already_active: { status: 409, nb: 'Dette er allerede aktivt.', nn: 'Dette er alt aktivt.' },
  cannot_deactivate_self: {
    status: 409,
    nb: 'Du kan ikke deaktivere deg selv.',
    nn: 'Du kan ikkje deaktivere deg sjølv.',
  },
  not_plan_party: {
    status: 409,
    nb: 'Parten deltar ikke i planen.',
    nn: 'Parten deltek ikkje i planen.',
  },
  not_in_plan: {
    status: 409,
    nb: 'Seksjonen hører ikke til denne planen.',
    nn: 'Seksjonen høyrer ikkje til denne planen.',
  },
  plan_archived: {
    status: 409,
    nb: 'Planen er arkivert og kan bare leses.',
    nn: 'Planen er arkivert og kan berre lesast.',
  },
  delete_reason_required: {
    status: 409,
    nb: 'Partene har tatt stilling til seksjonen. Oppgi en begrunnelse for å slette den.',
    nn: 'Partane har teke stilling til seksjonen. Gje ei grunngjeving for å slette han.',
  },
  passwords_disabled: {
    status: 403,
    nb: 'Innlogging med passord er slått av. Logg inn med virksomhetens innlogging.',
    nn: 'Innlogging med passord er slått av. Logg inn med innlogginga til verksemda.',
  },
  oidc_failed: {
    status: 401,
    nb: 'Innloggingen mislyktes. Prøv igjen.',
    nn: 'Innlogginga mislukkast. Prøv igjen.',
  },
  oidc_unknown_user: {
    status: 403,
    nb: 'Du har ikke tilgang til Fellesplan ennå. Be sekretariatet om en invitasjon.',
    nn: 'Du har ikkje tilgang til Fellesplan enno. Be sekretariatet om ein invitasjon.',
  },
  oidc_not_configured: {
    status: 404,
    nb: 'Innlogging med virksomhetens innlogging er ikke satt opp.',
    nn: 'Innlogging med innlogginga til verksemda er ikkje sett opp.',
  },
  search_query_invalid: {
    status: 400,
    nb: 'Søket må være mellom 2 og 200 tegn.',
    nn: 'Søket må vere mellom 2 og 200 teikn.',
  },
  import_invalid_file: {
    status: 400,
    nb: 'Filen kan ikke leses som et Word-dokument (.docx). Lagre den som .docx i Word og prøv igjen.',
    nn: 'Fila kan ikkje lesast som eit Word-dokument (.docx). Lagre ho som .docx i Word og prøv igjen.',
  },
  import_too_large: {
    status: 413,
    nb: 'Filen er for stor. Et Word-dokument kan være høyst {limit} MB, pakket ut høyst {unpacked} MB.',
    nn: 'Fila er for stor. Eit Word-dokument kan vere høgst {limit} MB, pakka ut høgst {unpacked} MB.',
  },
  import_empty: {
    status: 400,
    nb: 'Dokumentet har ingen tekst som kan bli seksjoner.',
    nn: 'Dokumentet har ingen tekst som kan bli seksjonar.',
  },
  import_macros: {
    status: 400,
    nb: 'Dokumentet inneholder makroer. Lagre det som et vanlig Word-dokument (.docx) uten makroer og prøv igjen.',
    nn: 'Dokumentet inneheld makroar. Lagre det som eit vanleg Word-dokument (.docx) utan makroar og prøv igjen.',
  },
  import_too_many_sections: {
    status: 400,
    nb: 'Dokumentet har for mange overskrifter på nivå 1 (høyst {limit} seksjoner).',
    nn: 'Dokumentet har for mange overskrifter på nivå 1 (høgst {limit} seksjonar).',
  },
  import_section_too_large: {
    status: 400,
    nb: 'Seksjonen «{title}» er for stor eller for dypt nøstet til å bli importert.',
    nn: 'Seksjonen «{title}» er for stor eller for djupt nøsta til å bli importert.',
  },
  import_timeout: {
    status: 400,
    nb: 'Det tok for lang tid å lese dokumentet. Del det opp eller forenkle det og prøv igjen.',
    nn: 'Det tok for lang tid å lese dokumentet. Del det opp eller forenkle det og prøv igjen.',
  },
  version_not_found: {
    status: 404,
    nb: 'Fant ikke versjonen.',
    nn: 'Fann ikkje versjonen.',
  },
  export_failed: {
    status: 503,
    nb: 'Eksporten kunne ikke lages akkurat nå. Prøv igjen om litt.',
    nn: 'Eksporten kunne ikkje lagast akkurat no. Prøv igjen om litt.',
  },
  versions_sekretariat_only: {
    status: 403,
    nb: 'Bare sekretariatet kan lage versjoner av planen.',
    nn: 'Berre sekretariatet kan lage versjonar av planen.',
  },
  not_owner: {
    status: 403,
    nb: 'Bare partene som eier seksjonen, kan endre teksten.',
    nn: 'Berre partane som eig seksjonen, kan endre teksten.',
  },
  section_not_in_version: {
    status: 409,
    nb: 'Seksjonen fantes ikke i denne versjonen.',
    nn: 'Seksjonen fanst ikkje i denne versjonen.',
  },
  already_restored: {
    status: 409,
    nb: 'Teksten er allerede den samme som i versjonen.',
    nn: 'Teksten er alt den same som i versjonen.',
  },
  adoptions_sekretariat_only: {
    status: 403,
    nb: 'Bare sekretariatet kan sende planen til vedtak.',
    nn: 'Berre sekretariatet kan sende planen til vedtak.',
  },
  adoptions_own_party_only: {
    status: 403,
    nb: 'Du kan bare registrere vedtaket til din egen part.',
    nn: 'Du kan berre registrere vedtaket til din eigen part.',
  },
  adoption_already_sent: {
    status: 409,
    nb: 'Denne versjonen er allerede sendt til vedtak.',
    nn: 'Denne versjonen er alt send til vedtak.',
  },
  adoption_not_sent: {
    status: 409,
    nb: 'Denne versjonen er ikke sendt til vedtak. Sekretariatet må sende den først.',
    nn: 'Denne versjonen er ikkje send til vedtak. Sekretariatet må sende han først.',
  },
  adoption_not_adopting_party: {
    status: 409,
    nb: 'Parten skal ikke vedta denne planen.',
    nn: 'Parten skal ikkje vedta denne planen.',
  },
  hearings_sekretariat_only: {
    status: 403,
    nb: 'Bare sekretariatet kan sende planen på høring og styre høringen.',
    nn: 'Berre sekretariatet kan sende planen på høyring og styre høyringa.',
  },
  hearing_already_open: {
    status: 409,
    nb: 'Planen er allerede på høring. Avslutt den åpne høringen før du starter en ny.',
    nn: 'Planen er alt på høyring. Avslutt den opne høyringa før du startar ei ny.',
  },
  invalid_deadline: {
    status: 400,
    nb: 'Fristen må være et gyldig tidspunkt.',
    nn: 'Fristen må vere eit gyldig tidspunkt.',
  },
  deadline_in_past: {
    status: 400,
    nb: 'Fristen må være fram i tid.',
    nn: 'Fristen må vere fram i tid.',
  },
  deadline_too_far: {
    status: 400,
    nb: 'Fristen kan ikke være mer enn to år fram i tid.',
    nn: 'Fristen kan ikkje vere meir enn to år fram i tid.',
  },
  deadline_not_later: {
    status: 400,
    nb: 'Den nye fristen må være senere enn den gjeldende fristen.',
    nn: 'Den nye fristen må vere seinare enn den gjeldande fristen.',
  },
  hearing_closed: {
    status: 409,
    nb: 'Høringsfristen er ute. Det går ikke lenger an å sende innspill til denne høringen.',
    nn: 'Høyringsfristen er ute. Det går ikkje lenger an å sende innspel til denne høyringa.',
  },
  hearing_already_closed: {
    status: 409,
    nb: 'Høringen er allerede avsluttet.',
    nn: 'Høyringa er alt avslutta.',
  },
  section_not_in_hearing: {
    status: 400,
    nb: 'Innspillet gjelder en seksjon som ikke er med i høringsutkastet.',
    nn: 'Innspelet gjeld ein seksjon som ikkje er med i høyringsutkastet.',
  },
  remark_not_in_response: {
    status: 400,
    nb: 'Merknaden hører ikke til dette høringsinnspillet.',
    nn: 'Merknaden høyrer ikkje til dette høyringsinnspelet.',
  },
  remark_empty: { status: 400, nb: 'Skriv hva merknaden gjelder.', nn: 'Skriv kva merknaden gjeld.' },
  response_empty: {
    status: 400,
    nb: 'Skriv en uttalelse eller minst én merknad før du sender.',
    nn: 'Skriv ei fråsegn eller minst éin merknad før du sender.',
  },
  too_many_remarks: {
    status: 400,
    nb: 'Et innspill kan ha høyst 200 merknader.',
    nn: 'Eit innspel kan ha høgst 200 merknader.',
  },
  invalid_email: {
    status: 400,
    nb: 'Skriv en gyldig e-postadresse.',
    nn: 'Skriv ei gyldig e-postadresse.',
  },
  justification_required: {
    status: 400,
    nb: 'Du må begrunne vurderingen.',
    nn: 'Du må grunngje vurderinga.',
  },
  remark_owners_only: {
    status: 403,
    nb: 'Bare sekretariatet og partene som eier seksjonen, kan vurdere denne merknaden.',
    nn: 'Berre sekretariatet og partane som eig seksjonen, kan vurdere denne merknaden.',
  },
  no_proposal: {
    status: 409,
    nb: 'Merknaden har ikke noe forslag til ny tekst.',
    nn: 'Merknaden har ikkje noko forslag til ny tekst.',
  },
  quote_not_found: {
    status: 409,
    nb: 'Fant ikke det siterte avsnittet nøyaktig én gang i teksten slik den er nå. Før inn endringen for hånd.',
    nn: 'Fann ikkje det siterte avsnittet nøyaktig éin gong i teksten slik han er no. Før inn endringa for hand.',
  },
  already_applied: {
    status: 409,
    nb: 'Forslaget er allerede ført inn i teksten.',
    nn: 'Forslaget er alt ført inn i teksten.',
  },
  cross_site_request: {
    status: 403,
    nb: 'Forespørselen kom fra et annet nettsted og ble avvist.',
    nn: 'Førespurnaden kom frå ein annan nettstad og vart avvist.',
  },
  payload_too_large: { status: 413, nb: 'Forespørselen er for stor.', nn: 'Førespurnaden er for stor.' },
  internal: {
    status: 500,
    nb: 'Noe gikk galt på serveren. Ingenting er lagret.',
    nn: 'Noko gjekk gale på tenaren. Ingenting er lagra.',
  },
} as const satisfies Record<string, { status: number; nb: string; nn: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** Every error answer of the HTTP API (DESIGN 6.2): the code, the message in the asker's language, the field at fault. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string };
}
export type Language = 'nb' | 'nn';

/** Bad input whose field users have a name for: said with that name, as «fyll inn» when it was left empty. */
const FIELD_MESSAGES = {
  missing: { nb: 'Fyll inn {field}.', nn: 'Fyll inn {field}.' },
  unnamed: { nb: 'Forespørselen har en ugyldig verdi.', nn: 'Førespurnaden har ein ugyldig verdi.' },
} as const;

/**
 * The user's message for an error code. For `invalid_input`, `params.field` is a field path
 * (`email`, `admin.password`) and is said by its Norwegian name, never as the path itself;
 * `params.missing: "1"` says the field was left empty.
 */
export function errorMessage(code: ErrorCode, language: Language, params: Record<string, string> = {}): string {
  let template: string = ERRORS[code][language];
  let values = params;
  if (code === 'invalid_input') {
    const label = fieldLabel(params.field, language);
    if (!label) return FIELD_MESSAGES.unnamed[language];
    if (params.missing === '1') template = FIELD_MESSAGES.missing[language];
    values = { ...params, field: label };
  }
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? key);
}

/** A refusal the server turns into `{ error: { code, message } }` with the code's HTTP status. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string>;

  constructor(code: ErrorCode, params: Record<string, string> = {}) {
    super(errorMessage(code, 'nb', params));
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}
