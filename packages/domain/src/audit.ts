/** Every kind of event in a plan's decision log (A1); the payload of each is described in docs/SPEC.md. */
export const AUDIT_EVENT_TYPES = [
  'section.marked',
  'section.locked',
  'section.unlocked',
  'thread.created',
  'thread.replied',
  'thread.resolved',
  'thread.reopened',
  'comment.edited',
  'comment.deleted',
  'plan.created',
  'plan.updated',
  'plan.archived',
  'section.added',
  'section.renamed',
  'section.moved',
  'section.deleted',
  'section.owners_set',
  'section.tagged',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/** Administrative acts of a helsefellesskap that belong to no plan (its own log, `admin_events`). */
export const ADMIN_EVENT_TYPES = [
  'partnership.set_up',
  'party.created',
  'party.updated',
  'party.deactivated',
  'party.reactivated',
  'invitation.created',
  'invitation.revoked',
  'invitation.accepted',
  'user.updated',
  'user.deactivated',
  'user.reactivated',
  'user.linked',
] as const;
export type AdminEventType = (typeof ADMIN_EVENT_TYPES)[number];
