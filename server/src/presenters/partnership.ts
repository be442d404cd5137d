import type {
  InvitationAdminView,
  PartyAdminView,
  PartyKind,
  PersonAdminView,
  PlanSummaryView,
  Role,
} from '@fellesplan/domain';
import type { InvitationRow, PartyRow, UserRow } from '../storage/schema.js';

/** Explicit field lists: no password hash, token hash or OpenID subject ever leaves here. */
export function presentPartyAdmin(party: PartyRow): PartyAdminView {
  return {
    id: party.id,
    name: party.name,
    kind: party.kind as PartyKind,
    orgNumber: party.org_number,
    description: party.description,
    active: party.deactivated_at === null,
  };
}

export function presentPersonAdmin(user: UserRow): PersonAdminView {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    partyId: user.party_id,
    role: user.role as Role,
    active: user.deactivated_at === null,
    password: user.password_hash !== '',
    oidc: user.oidc_subject !== null,
    createdAt: user.created_at,
  };
}

export function presentInvitationAdmin(invitation: InvitationRow, now: string): InvitationAdminView {
  const status =
    invitation.accepted_at !== null
      ? 'accepted'
      : invitation.revoked_at !== null
        ? 'revoked'
        : invitation.expires_at <= now
          ? 'expired'
          : 'pending';
  return {
    id: invitation.id,
    partyId: invitation.party_id,
    email: invitation.email,
    name: invitation.name,
    role: invitation.role as Role,
    createdAt: invitation.created_at,
    expiresAt: invitation.expires_at,
    status,
    invitedBy: invitation.invited_by,
  };
}

export function presentPlanAdmin(row: {
  id: string;
  title: string;
  forum: string | null;
  period: string | null;
  archived_at: string | null;
  section_count: number | string | bigint | null;
}): PlanSummaryView {
  return {
    id: row.id,
    title: row.title,
    forum: row.forum,
    sectionCount: Number(row.section_count ?? 0),
    period: row.period,
    archivedAt: row.archived_at,
  };
}
