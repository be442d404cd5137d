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
}

export interface UserTable {
  id: string;
  party_id: string;
  name: string;
  email: string;
  password_hash: string;
  created_at: string;
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
