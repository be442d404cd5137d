import type { Actor, PlanMembership, SectionAccess } from '../types.js';
import { isPlanMember } from './plans.js';
import { sectionEditRefusal } from './sections.js';

/** What a collaboration connection may do with its document. */
export type ConnectionScope = 'write' | 'read' | 'refuse';

/**
 * [O1] [L1] The one decision about a connection, made when it opens and again whenever rights
 * change (lock, unlock, owners, membership): members read, owners of an unlocked section write,
 * and nobody writes the plan document, which is a projection of the database.
 */
export function connectionScope(
  actor: Actor,
  document: { kind: 'plan' } | { kind: 'section'; section: SectionAccess | null },
  plan: PlanMembership | null,
): ConnectionScope {
  if (!plan || !isPlanMember(actor, plan)) return 'refuse';
  if (document.kind === 'plan') return 'read';
  if (!document.section || document.section.planId !== plan.id) return 'refuse';
  if (plan.archived) return 'read';
  return sectionEditRefusal(actor, document.section, plan) === null ? 'write' : 'read';
}
