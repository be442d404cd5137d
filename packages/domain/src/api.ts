import { z } from 'zod';
import type { AuditEventType } from './audit.js';
import type { Stance } from './consensus/stances.js';
import type { PatientGroup, Role } from './admin/vocabulary.js';
import type { PlanAdoptionStatus } from './hearings/adoption.js';
import type { Party, SectionStatus } from './types.js';

/** Shapes of the public HTTP API (DESIGN 6.2), shared by server presenters and the client. */

export const sessionInput = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});
export type SessionInput = z.infer<typeof sessionInput>;

export interface UserView {
  id: string;
  name: string;
  email: string;
  partyId: string;
  /** Added with administration (issue 10); optional so older answers still parse. */
  role?: Role;
  language?: 'nb' | 'nn' | null;
  helsefellesskap?: { id: string; name: string };
}

/** `GET /api/profile`: the person themselves, with their party. */
export interface ProfileView extends UserView {
  role: Role;
  language: 'nb' | 'nn' | null;
  helsefellesskap: { id: string; name: string };
  party: { id: string; name: string; kind: string };
}

export interface SessionView {
  token: string;
  user: UserView;
}

export interface PlanSummaryView {
  id: string;
  title: string;
  forum: string | null;
  sectionCount: number;
  period?: string | null;
  /** When the plan was archived (read-only for everyone), or null. */
  archivedAt?: string | null;
  /** How many sections are in each status, for the plan list's progress. */
  statusCounts?: Record<SectionStatus, number>;
  /** Sections that wait for the caller's party's stance. */
  waitingOnUs?: number;
  /** The newest adoption round, or null when the plan was never sent for adoption. */
  adoption?: PlanAdoptionStatus | null;
}

/** A party as administrators see it (`GET /api/partnership`). */
export interface PartyAdminView extends Party {
  orgNumber: string | null;
  description: string | null;
  active: boolean;
}

/** A person as administrators see it. */
export interface PersonAdminView {
  id: string;
  name: string;
  email: string;
  partyId: string;
  role: Role;
  active: boolean;
  /** Whether they can sign in with a password, and whether through OpenID Connect. */
  password: boolean;
  oidc: boolean;
  createdAt: string;
}

export interface InvitationAdminView {
  id: string;
  partyId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  status: 'pending' | 'accepted' | 'expired' | 'revoked';
  invitedBy: string;
}

/** `GET /api/partnership`, for administrators. */
export interface PartnershipView {
  id: string;
  name: string;
  parties: PartyAdminView[];
  users: PersonAdminView[];
  invitations: InvitationAdminView[];
  /** Every plan of the helsefellesskap, archived ones too. */
  plans?: PlanSummaryView[];
}

/** `GET /api/invitations/<token>`: what an invited person sees before accepting. */
export interface InvitationPreview {
  name: string;
  email: string;
  partyName: string;
  partnershipName: string;
  role: Role;
  expiresAt: string;
  /** Sign-in methods on offer. */
  passwords: boolean;
  oidc: { label: string } | null;
}

/** `GET /api/auth/methods`: how people can sign in here. */
export interface AuthMethodsView {
  passwords: boolean;
  oidc: { label: string } | null;
  /** True while the first start's setup has not run. */
  needsSetup: boolean;
}

export interface MarkerView {
  partyId: string;
  stance: Stance;
  note: string | null;
  revision: string;
  stale: boolean;
  at: string;
  /** Who set it on the party's behalf. */
  by: { userId: string; name: string };
}

export interface AuditEventView {
  id: number;
  seq: number;
  type: AuditEventType;
  at: string;
  actor: { userId: string; name: string; partyId: string; partyName: string };
  sectionId: string | null;
  sectionTitle: string | null;
  payload: Record<string, unknown>;
  hash: string;
  prevHash: string;
}

/** How the decision log's head signature checked out (see `GET /api/plans/:planId/audit/verify`). */
export interface AuditSignatureView {
  /** `valid`: signed by this server's key; `invalid`: does not match; `missing`: unsigned; `empty`: no events yet. */
  status: 'valid' | 'invalid' | 'missing' | 'empty';
  /** The first 16 hex digits of SHA-256 of the public key, in groups of four. */
  keyFingerprint: string;
  /** Base64 SPKI DER of the server's Ed25519 public key. */
  publicKey: string;
}

/** Why a decision log failed verification. */
export type AuditVerificationReason = 'chain' | 'signature' | 'marker_mismatch' | 'lock_mismatch' | 'comment_mismatch';

export type AuditVerificationView =
  | { ok: true; events: number; signature: AuditSignatureView }
  | {
      ok: false;
      events: number;
      /** The first event that does not hold, or null when the tables have what no event recorded. */
      brokenAt: number | null;
      reason: AuditVerificationReason;
      sectionId?: string;
      partyId?: string;
      commentId?: string;
      signature: AuditSignatureView;
    };

export interface SectionView {
  id: string;
  title: string;
  position: number;
  owners: string[];
  requiredParties: string[];
  status: SectionStatus;
  revision: string;
  locked: boolean;
  markers: MarkerView[];
  /** Priority patient groups the section concerns. */
  tags?: PatientGroup[];
  /** [R2] Set when the stored body cannot be read: the section shows an error, not an editor. */
  contentError?: 'unreadable';
  /** [C5] The body holds no text: no stance can be taken on it. */
  empty?: boolean;
}

export interface MemberView {
  id: string;
  name: string;
  partyId: string;
}

export interface PlanView {
  id: string;
  title: string;
  forum: string | null;
  period?: string | null;
  archivedAt?: string | null;
  parties: Party[];
  /** The people of the plan's parties (for names and @mentions). */
  members: MemberView[];
  sections: SectionView[];
  /** The newest adoption round (`GET /api/plans/:id` and the projection; never in a version). */
  adoption?: PlanAdoptionStatus | null;
}

export interface SectionContentView {
  revision: string;
  json: unknown;
  text: string;
}

/** One section's body in `GET /api/plans/:planId/contents`, for reading before its editor mounts. */
export type SectionBodyView =
  { sectionId: string; revision: string; json: unknown } | { sectionId: string; error: 'unreadable' };

/** The read-only projection written into the `plan:<id>` document, under the map `projection`. */
export const PROJECTION_MAP = 'projection';
/** What the `plan:<id>` document carries: the plan view plus its comment threads, live. */
export interface PlanProjection extends PlanView {
  threads: ThreadView[];
  /**
   * The plan's hearings with their counts, newest first, so an open plan page sees responses
   * arrive; absent where a view was built from the HTTP API before the projection synced.
   */
  hearings?: PlanHearingProjection[];
}

/** A hearing as the live plan projection carries it. */
export interface PlanHearingProjection {
  id: string;
  title: string;
  /** Open when not closed early and the deadline has not passed (as of the projection's last write). */
  open: boolean;
  deadline: string;
  responses: number;
  remarks: number;
  assessed: number;
}

export interface CommentView {
  id: string;
  authorId: string;
  authorName: string;
  partyId: string;
  /** Plain text; '' when deleted. */
  body: string;
  at: string;
  editedAt: string | null;
  deleted: boolean;
  mentions: { kind: 'user' | 'party'; id: string }[];
}

export interface ThreadView {
  id: string;
  sectionId: string;
  status: 'open' | 'resolved';
  /** Base64 `Y.RelativePosition`s into the section's `content`, or null for the whole section. */
  anchor: { start: string; end: string } | null;
  quote: string | null;
  /** The anchored text is gone; the thread stays with its quote. */
  detached: boolean;
  createdBy: string;
  at: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
  comments: CommentView[];
}
