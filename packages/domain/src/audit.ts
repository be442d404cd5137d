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
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];
