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
  'section.text_changed',
  'version.created',
  'section.restored',
  'adoption.sent',
  'adoption.recorded',
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

/** What kind of act an event records: the decision log filters by these. */
export const AUDIT_EVENT_KINDS = ['stances', 'locks', 'text', 'comments', 'structure', 'hearings'] as const;
export type AuditEventKind = (typeof AUDIT_EVENT_KINDS)[number];

/** The kind of each event type; a new type must say which kind it is (the compiler asks). */
export const AUDIT_EVENT_KIND: Record<AuditEventType, AuditEventKind> = {
  'section.marked': 'stances',
  'section.locked': 'locks',
  'section.unlocked': 'locks',
  'section.text_changed': 'text',
  'thread.created': 'comments',
  'thread.replied': 'comments',
  'thread.resolved': 'comments',
  'thread.reopened': 'comments',
  'comment.edited': 'comments',
  'comment.deleted': 'comments',
  'plan.created': 'structure',
  'plan.updated': 'structure',
  'plan.archived': 'structure',
  'section.added': 'structure',
  'section.renamed': 'structure',
  'section.moved': 'structure',
  'section.deleted': 'structure',
  'section.owners_set': 'structure',
  'section.tagged': 'structure',
  'version.created': 'structure',
  'section.restored': 'text',
  'adoption.sent': 'hearings',
  'adoption.recorded': 'hearings',
};
