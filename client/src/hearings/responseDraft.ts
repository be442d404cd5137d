import { HEARING_LIMITS, type HearingResponseInput } from '@fellesplan/domain';

/** One remark as the respondent writes it: on a section, or on a passage they selected in it. */
export interface RemarkDraft {
  /** Stable while editing (React key, focus after adding). */
  key: string;
  sectionId: string;
  quote: string;
  text: string;
  proposedText: string;
}

/** A response being written on the public hearing page, as kept in the browser until it is sent. */
export interface ResponseDraft {
  kind: 'person' | 'organisation';
  name: string;
  organisation: string;
  email: string;
  statement: string;
  remarks: RemarkDraft[];
  onBehalfOfParty: boolean;
  acknowledged: boolean;
}

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function emptyDraft(): ResponseDraft {
  return {
    kind: 'person',
    name: '',
    organisation: '',
    email: '',
    statement: '',
    remarks: [],
    onBehalfOfParty: false,
    acknowledged: false,
  };
}

/** One key per hearing: a person answering two hearings keeps two drafts. */
export function draftKey(token: string): string {
  return `fellesplan.hearingDraft.${token}`;
}

/** Whether the respondent has written anything worth keeping. */
export function isDraftEmpty(draft: ResponseDraft): boolean {
  return (
    draft.name.trim() === '' &&
    draft.organisation.trim() === '' &&
    draft.email.trim() === '' &&
    draft.statement.trim() === '' &&
    draft.remarks.length === 0
  );
}

const str = (value: unknown, max: number): string => (typeof value === 'string' ? value.slice(0, max) : '');

/**
 * The draft kept for this hearing, or null. What is stored is read as untrusted (another version
 * of the app, or a hand-edited value, may have written it): each field is taken only when it has
 * the right type, cut to the limits the server will apply anyway.
 */
export function loadDraft(storage: DraftStorage | null, token: string): ResponseDraft | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(draftKey(token)) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const stored = value as Record<string, unknown>;
  const remarks = Array.isArray(stored.remarks) ? stored.remarks : [];
  const draft: ResponseDraft = {
    kind: stored.kind === 'organisation' ? 'organisation' : 'person',
    name: str(stored.name, 200),
    organisation: str(stored.organisation, HEARING_LIMITS.organisation),
    email: str(stored.email, HEARING_LIMITS.email),
    statement: str(stored.statement, HEARING_LIMITS.statement),
    remarks: remarks
      .slice(0, HEARING_LIMITS.remarks)
      .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
      .filter((r) => typeof r.sectionId === 'string' && r.sectionId !== '')
      .map((r, index) => ({
        key: str(r.key, 40) || `r${index}`,
        sectionId: str(r.sectionId, 100),
        quote: str(r.quote, HEARING_LIMITS.quote),
        text: str(r.text, HEARING_LIMITS.remarkText),
        proposedText: str(r.proposedText, HEARING_LIMITS.proposedText),
      })),
    onBehalfOfParty: stored.onBehalfOfParty === true,
    acknowledged: stored.acknowledged === true,
  };
  return isDraftEmpty(draft) ? null : draft;
}

/** Keeps the draft; false when the browser refuses (private mode, storage full): the page says so. */
export function saveDraft(storage: DraftStorage | null, token: string, draft: ResponseDraft): boolean {
  if (!storage) return false;
  try {
    if (isDraftEmpty(draft)) storage.removeItem(draftKey(token));
    else storage.setItem(draftKey(token), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage: DraftStorage | null, token: string): void {
  try {
    storage?.removeItem(draftKey(token));
  } catch {
    // Nothing to clear where storage is refused.
  }
}

/** `localStorage` where the browser allows it. */
export function browserStorage(): DraftStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The body of `POST /api/public/hearings/:token/responses`; empty optional fields are left out. */
export function draftToInput(draft: ResponseDraft): HearingResponseInput {
  const optional = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    respondent: {
      name: draft.name.trim(),
      organisation: draft.kind === 'organisation' ? optional(draft.organisation) : null,
      email: draft.email.trim(),
    },
    statement: optional(draft.statement),
    remarks: draft.remarks.map((remark) => ({
      sectionId: remark.sectionId,
      quote: optional(remark.quote),
      text: remark.text.trim(),
      proposedText: optional(remark.proposedText),
    })),
    onBehalfOfParty: draft.onBehalfOfParty,
  };
}
