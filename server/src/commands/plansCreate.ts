import { randomUUID } from 'node:crypto';
import {
  adminRefusal,
  canonicalTags,
  copiedSectionParties,
  DEFAULT_PLAN_TEMPLATE,
  defaultRequiredParties,
  DomainError,
  templateSectionParties,
} from '@fellesplan/domain';
import type { TiptapJSON } from '@fellesplan/editor';
import { insertSection, type NewSection } from '../storage/repositories/sections.js';
import { activePartnershipParties } from './activeParties.js';
import { loadPartnership } from './adminTarget.js';
import { readPlanCopy, type PlanCopy } from './planCopy.js';
import { defineCommand, type RegisteredCommand } from './pipeline.js';

/** What a plan made from a Word file gets: its sections, and the parties that first own every one. */
export interface ImportedPlan {
  sections: { title: string; body: TiptapJSON | null }[];
  owners: readonly string[];
}

/**
 * `plans.create`: an administrator starts a plan of their helsefellesskap for the chosen parties,
 * from the default outline of BRIEF, as a copy of an earlier plan (sections and their text), or
 * blank. Its decision log starts with this event.
 */
export const plansCreate = definePlansCreate();

/**
 * `POST /api/plans/import`: the same command, with the same rights, checks and log, whose sections
 * come from an uploaded file (read and checked before), each owned by the chosen parties.
 */
export function plansImport(imported: ImportedPlan): RegisteredCommand {
  return definePlansCreate(imported);
}

function definePlansCreate(imported?: ImportedPlan): RegisteredCommand {
  return defineCommand({
    name: 'plans.create',
    load: loadPartnership,
    authorize: (actor) => adminRefusal(actor),
    check: (ctx, actor, _target, input): Promise<PlanCopy | null> =>
      input.copyFromPlanId ? readPlanCopy(ctx, actor, input.copyFromPlanId) : Promise.resolve(null),
    async change(trx, { actor, input, checked: copy, at }) {
      const parties = await activePartnershipParties(trx, actor.helsefellesskapId, input.partyIds);
      const planId = randomUUID();
      await trx
        .insertInto('plans')
        .values({
          id: planId,
          helsefellesskap_id: actor.helsefellesskapId,
          title: input.title,
          forum: input.forum ?? null,
          period: input.period ?? null,
          created_at: at,
        })
        .execute();
      await trx
        .insertInto('plan_parties')
        .values(parties.map((p) => ({ plan_id: planId, party_id: p.id })))
        .execute();

      const sections: Omit<NewSection, 'id' | 'planId' | 'position' | 'at'>[] = imported
        ? importedSections(imported, parties)
        : copy
          ? copy.sections.map((s) => ({
              title: s.title,
              ...copiedSectionParties(s, copy.parties, parties),
              tags: canonicalTags(s.tags),
              body: s.body,
            }))
          : input.template === 'default'
            ? DEFAULT_PLAN_TEMPLATE.map((s) => ({ title: s.title, ...templateSectionParties(s, parties), tags: [] }))
            : [];
      const sectionIds: string[] = [];
      for (const [position, section] of sections.entries()) {
        const id = randomUUID();
        sectionIds.push(id);
        await insertSection(trx, { ...section, id, planId, position, at });
      }
      return {
        result: { id: planId },
        audit: {
          type: 'plan.created',
          sectionId: null,
          planId,
          payload: {
            title: input.title,
            forum: input.forum ?? null,
            period: input.period ?? null,
            template: imported ? 'import' : copy ? 'copy' : input.template,
            copiedFrom: copy?.planId ?? null,
            partyIds: parties.map((p) => p.id),
            sectionIds,
          },
        },
      };
    },
  });
}

function importedSections(imported: ImportedPlan, parties: Parameters<typeof defaultRequiredParties>[0]) {
  const inPlan = new Set(parties.map((p) => p.id));
  if (imported.owners.length === 0) throw new DomainError('owners_required');
  if (imported.owners.some((id) => !inPlan.has(id))) throw new DomainError('not_plan_party');
  const requiredParties = defaultRequiredParties(parties);
  return imported.sections.map((s) => ({
    title: s.title,
    owners: [...imported.owners],
    requiredParties,
    tags: [],
    body: s.body,
  }));
}
