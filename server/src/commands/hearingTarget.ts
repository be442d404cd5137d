import { DomainError, type Actor } from '@fellesplan/domain';
import type { Transaction } from 'kysely';
import { visiblePlan } from '../access/visibleTo.js';
import type { AppContext } from '../routes/context.js';
import { findHearing, findRemark, findResponse } from '../storage/repositories/hearings.js';
import { findSection, type PlanRecord, type SectionRecord } from '../storage/repositories/plans.js';
import type { Database, HearingRemarkRow, HearingResponseRow, HearingRow } from '../storage/schema.js';

export interface HearingTarget {
  plan: PlanRecord;
  hearing: HearingRow;
}

/** A hearing and its plan; 404 alike when there is none or the actor takes no part in its plan. */
export async function loadHearingTarget(
  ctx: AppContext,
  actor: Actor,
  input: { hearingId: string },
): Promise<HearingTarget> {
  const hearing = await findHearing(ctx.db, input.hearingId);
  if (!hearing) throw new DomainError('not_found');
  return { plan: await visiblePlan(ctx.db, actor, hearing.plan_id), hearing };
}

export interface ResponseTarget extends HearingTarget {
  response: HearingResponseRow;
}

export async function loadResponseTarget(
  ctx: AppContext,
  actor: Actor,
  input: { responseId: string },
): Promise<ResponseTarget> {
  const response = await findResponse(ctx.db, input.responseId);
  if (!response) throw new DomainError('not_found');
  return { ...(await loadHearingTarget(ctx, actor, { hearingId: response.hearing_id })), response };
}

export interface RemarkTarget extends HearingTarget {
  remark: HearingRemarkRow;
  /** The remark's section as it is now (owners, lock); null once it is deleted from the plan. */
  remarkSection: SectionRecord | null;
}

export async function loadRemarkTarget(
  ctx: AppContext,
  actor: Actor,
  input: { remarkId: string },
): Promise<RemarkTarget> {
  const remark = await findRemark(ctx.db, input.remarkId);
  if (!remark) throw new DomainError('not_found');
  const target = await loadHearingTarget(ctx, actor, { hearingId: remark.hearing_id });
  const section = await findSection(ctx.db, remark.section_id);
  const live = section && section.planId === target.plan.id ? section : null;
  return { ...target, remark, remarkSection: live };
}

/**
 * The hearing as committed, read in the command's transaction behind the plan row: a close or an
 * extension may have come between `load` and now, and the command decides on what holds.
 */
export async function committedHearing(trx: Transaction<Database>, hearingId: string): Promise<HearingRow> {
  const hearing = await findHearing(trx, hearingId);
  if (!hearing) throw new DomainError('not_found');
  return hearing;
}
