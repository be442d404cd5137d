import { z } from 'zod';
import type { AuditEventType } from './audit.js';
import type { Stance } from './consensus/stances.js';
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
  /** [R2] Set when the stored body cannot be read: the section shows an error, not an editor. */
  contentError?: 'unreadable';
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
  parties: Party[];
  /** The people of the plan's parties (for names and @mentions). */
  members: MemberView[];
  sections: SectionView[];
}

export interface SectionContentView {
  revision: string;
  json: unknown;
  text: string;
}

/** The read-only projection written into the `plan:<id>` document, under the map `projection`. */
export const PROJECTION_MAP = 'projection';
/** What the `plan:<id>` document carries: the plan view plus its comment threads, live. */
export interface PlanProjection extends PlanView {
  threads: ThreadView[];
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
