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
  payload_too_large: { status: 413, nb: 'Forespørselen er for stor.', nn: 'Førespurnaden er for stor.' },
  internal: {
    status: 500,
    nb: 'Noe gikk galt på serveren. Ingenting er lagret.',
    nn: 'Noko gjekk gale på tenaren. Ingenting er lagra.',
  },
} as const satisfies Record<string, { status: number; nb: string; nn: string }>;

export type ErrorCode = keyof typeof ERRORS;
export type Language = 'nb' | 'nn';

export function errorMessage(code: ErrorCode, language: Language, params: Record<string, string> = {}): string {
  return ERRORS[code][language].replace(/\{(\w+)\}/g, (_, key: string) => params[key] ?? key);
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
