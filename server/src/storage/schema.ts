import type { Generated, Insertable, Selectable } from 'kysely';

/** Database tables. Timestamps are ISO 8601 strings; booleans are 0/1 so SQLite and PostgreSQL agree. */
export interface Database {
  helsefellesskap: HelsefellesskapTable;
  parties: PartyTable;
  users: UserTable;
  sessions: SessionTable;
  plans: PlanTable;
  plan_parties: PlanPartyTable;
  sections: SectionTable;
  section_owners: SectionPartyTable;
  section_required_parties: SectionPartyTable;
  document_updates: DocumentUpdateTable;
  markers: MarkerTable;
  audit_events: AuditEventTable;
  threads: ThreadTable;
  comments: CommentTable;
  comment_mentions: CommentMentionTable;
  installation: InstallationTable;
  setup_tokens: SetupTokenTable;
  invitations: InvitationTable;
  oidc_logins: OidcLoginTable;
  admin_events: AdminEventTable;
  notifications: NotificationTable;
  section_texts: SectionTextTable;
  versions: VersionTable;
  section_edits: SectionEditTable;
  hearings: HearingTable;
  hearing_extensions: HearingExtensionTable;
  hearing_responses: HearingResponseTable;
  hearing_remarks: HearingRemarkTable;
  adoption_rounds: AdoptionRoundTable;
  adoptions: AdoptionTable;
}

export interface HelsefellesskapTable {
  id: string;
  name: string;
  created_at: string;
}

export interface PartyTable {
  id: string;
  helsefellesskap_id: string;
  name: string;
  kind: string;
  created_at: string;
  /** Organisation number (9 digits, mod 11), when the party has one. */
  org_number: Generated<string | null>;
  /** Free text, e.g. which kommuner a helseregion speaks for. */
  description: Generated<string | null>;
  deactivated_at: Generated<string | null>;
}

export interface UserTable {
  id: string;
  party_id: string;
  name: string;
  email: string;
  /** scrypt hash; empty for a person who signs in only through OpenID Connect. */
  password_hash: string;
  created_at: string;
  role: Generated<string>;
  deactivated_at: Generated<string | null>;
  /** 'nb' | 'nn', or null for the browser's choice. */
  language: Generated<string | null>;
  oidc_issuer: Generated<string | null>;
  oidc_subject: Generated<string | null>;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface PlanTable {
  id: string;
  helsefellesskap_id: string;
  title: string;
  forum: string | null;
  created_at: string;
  period: Generated<string | null>;
  archived_at: Generated<string | null>;
  audit_seq: Generated<number>;
  audit_head: Generated<string>;
  /** Base64 Ed25519 signature of (plan, audit_seq, audit_head) by the server's key. */
  audit_head_signature: Generated<string | null>;
}

export interface PlanPartyTable {
  plan_id: string;
  party_id: string;
}

export interface SectionTable {
  id: string;
  plan_id: string;
  position: number;
  title: string;
  locked: number;
  created_at: string;
  /** JSON array of priority patient group codes. */
  tags: Generated<string>;
  deleted_at: Generated<string | null>;
}

export interface SectionPartyTable {
  section_id: string;
  party_id: string;
}

/** Yjs updates per document, appended as they arrive and compacted into one row when stored. */
export interface DocumentUpdateTable {
  id: Generated<number>;
  document_name: string;
  data: Uint8Array;
  created_at: string;
}

export type UserRow = Selectable<UserTable>;
export type SectionRow = Selectable<SectionTable>;
export type PlanRow = Selectable<PlanTable>;
export type NewDocumentUpdate = Insertable<DocumentUpdateTable>;

export interface MarkerTable {
  id: string;
  section_id: string;
  party_id: string;
  user_id: string;
  stance: string;
  note: string | null;
  revision: string;
  created_at: string;
  /** Storage order: among markers with equal `created_at`, the higher `seq` is the later one. */
  seq: Generated<number>;
  /** When the decision log recorded that a text change made this marker stale; null until then. */
  stale_logged_at: Generated<string | null>;
}

export interface AuditEventTable {
  id: Generated<number>;
  plan_id: string;
  seq: number;
  type: string;
  actor_user_id: string;
  actor_party_id: string;
  section_id: string | null;
  /** Canonical JSON of the event's details. */
  payload: string;
  at: string;
  prev_hash: string;
  hash: string;
}

export type AuditEventRow = Selectable<AuditEventTable>;

export interface ThreadTable {
  id: string;
  plan_id: string;
  section_id: string;
  anchor_start: string | null;
  anchor_end: string | null;
  quote: string | null;
  status: string;
  created_by: string;
  created_at: string;
  resolved_by: string | null;
  resolved_at: string | null;
}

export interface CommentTable {
  id: string;
  thread_id: string;
  author_id: string;
  party_id: string;
  body: string;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
}

export interface CommentMentionTable {
  comment_id: string;
  kind: string;
  target_id: string;
}

export type ThreadRow = Selectable<ThreadTable>;
export type CommentRow = Selectable<CommentTable>;

export interface InstallationTable {
  id: string;
  helsefellesskap_id: string;
  set_up_at: string;
}

export interface SetupTokenTable {
  token_hash: string;
  created_at: string;
}

export interface InvitationTable {
  id: string;
  token_hash: string;
  helsefellesskap_id: string;
  party_id: string;
  email: string;
  name: string;
  role: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  revoked_at: string | null;
}

export interface OidcLoginTable {
  state: string;
  code_verifier: string;
  nonce: string;
  invitation_token_hash: string | null;
  return_to: string | null;
  created_at: string;
  expires_at: string;
}

export interface AdminEventTable {
  id: string;
  helsefellesskap_id: string;
  type: string;
  actor_user_id: string;
  actor_party_id: string;
  /** Canonical JSON of the event's details. */
  payload: string;
  at: string;
}

export type InvitationRow = Selectable<InvitationTable>;
export type PartyRow = Selectable<PartyTable>;

export interface NotificationTable {
  id: string;
  user_id: string;
  plan_id: string;
  section_id: string | null;
  thread_id: string | null;
  kind: string;
  actor_user_id: string;
  actor_party_id: string;
  /** Canonical JSON of details for the sentence (the stance taken). */
  payload: Generated<string>;
  created_at: string;
  read_at: string | null;
}

/** A section body by its content revision (a hash of the body): written once, never changed. */
export interface SectionTextTable {
  section_id: string;
  revision: string;
  /** Canonical JSON of the body as Tiptap JSON. */
  json: string;
  text: string;
  created_at: string;
}

/** An immutable snapshot of a whole plan. */
export interface VersionTable {
  id: string;
  plan_id: string;
  name: string;
  kind: string;
  section_id: string | null;
  created_by: string;
  created_party: string;
  created_at: string;
  /** JSON of the plan view as it was; each section names its revision, whose body is in `section_texts`. */
  snapshot: string;
}

/** Accepted updates of a section body with their author; a session's updates are merged into its last row. */
export interface SectionEditTable {
  id: Generated<number>;
  section_id: string;
  /** Null for the body as it was before history was recorded, and for changes nobody made (copies). */
  user_id: string | null;
  party_id: string | null;
  started_at: string;
  created_at: string;
  edits: Generated<number>;
  data: Uint8Array;
}

export interface HearingTable {
  id: string;
  plan_id: string;
  version_id: string;
  title: string;
  intro: string;
  deadline: string;
  public_token: string;
  publish_responses: string;
  closed_at: string | null;
  closed_by: string | null;
  next_response_number: Generated<number>;
  /** The installation's running number of the hearing (migration 011); null only for rows from before it. */
  number: number | null;
  created_by: string;
  created_party: string;
  created_at: string;
}

export interface HearingExtensionTable {
  id: string;
  hearing_id: string;
  from_deadline: string;
  to_deadline: string;
  reason: string;
  created_by: string;
  created_at: string;
}

export interface HearingResponseTable {
  id: string;
  hearing_id: string;
  reference: string;
  name: string;
  organisation: string | null;
  email: string;
  party_id: string | null;
  user_id: string | null;
  statement: string | null;
  visibility: Generated<string>;
  visibility_reason: string | null;
  public_statement: string | null;
  created_at: string;
  /** SHA-256 (hex) of the secret of the respondent's receipt link (migration 011). */
  receipt_hash: string | null;
}

export interface HearingRemarkTable {
  id: string;
  response_id: string;
  hearing_id: string;
  section_id: string;
  position: number;
  quote: string | null;
  text: string;
  proposed_text: string | null;
  public_text: string | null;
  public_proposed_text: string | null;
  assessment: string | null;
  justification: string | null;
  assessed_by: string | null;
  assessed_party: string | null;
  assessed_at: string | null;
  applied_at: string | null;
  applied_by: string | null;
  applied_revision: string | null;
}

export interface AdoptionRoundTable {
  id: string;
  plan_id: string;
  version_id: string;
  note: string | null;
  created_by: string;
  created_at: string;
}

export interface AdoptionTable {
  id: string;
  round_id: string;
  plan_id: string;
  version_id: string;
  party_id: string;
  body: string;
  date: string;
  case_number: string | null;
  outcome: string;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

export type HearingRow = Selectable<HearingTable>;
export type HearingResponseRow = Selectable<HearingResponseTable>;
export type HearingRemarkRow = Selectable<HearingRemarkTable>;
