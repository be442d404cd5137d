import {
  COMMANDS,
  DomainError,
  isAdministrator,
  type AdminEventType,
  type AuditEventType,
  type CommandName,
  type CommandResult,
  type ErrorCode,
  type ParsedCommandInput,
} from '@fellesplan/domain';
import type { Transaction } from 'kysely';
import { appendAdminEvent } from '../audit/appendAdminEvent.js';
import { appendAuditEvent } from '../audit/appendEvent.js';
import type { SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../routes/context.js';
import type { PlanRecord } from '../storage/repositories/plans.js';
import { lockPlanRow } from '../storage/rowLocks.js';
import type { Database } from '../storage/schema.js';
import { recordNotifications } from '../notifications/recordNotifications.js';

/** What a plan command acts on, as its loader found it: within one plan. */
export interface PlanTarget {
  plan: PlanRecord;
}

/** What an administrative command acts on: the actor's own helsefellesskap, no plan. */
export interface PartnershipTarget {
  plan?: undefined;
  helsefellesskapId: string;
}

export type CommandTarget = PlanTarget | PartnershipTarget;

/**
 * The decision-log entry a command's change writes (A1); the runner adds actor and time. It goes
 * to the target plan's log, or to `planId`'s (a plan the command created).
 */
export interface AuditEntry {
  type: AuditEventType;
  sectionId: string | null;
  payload: Record<string, unknown>;
  planId?: string;
}

/** An administrative act (parties, people, invitations): the helsefellesskap's own log. */
export interface AdminAuditEntry {
  admin: AdminEventType;
  payload: Record<string, unknown>;
}

/** What a command knows of the request that carried it. */
export interface CommandRequest {
  /**
   * Where links the command makes point to (invitations): `PUBLIC_URL` when configured, else the
   * request's own origin, whose host the server has already checked against its allowed hosts.
   */
  baseUrl?: string;
}

export interface ChangeContext<N extends CommandName, T, C> {
  ctx: AppContext;
  actor: SessionUser;
  input: ParsedCommandInput<N>;
  target: T;
  checked: C;
  /** One timestamp for the command's rows and its audit event. */
  at: string;
  request: CommandRequest;
}

/**
 * A command, declared once: its name (input and result types come from `COMMANDS` in
 * `@fellesplan/domain`), what it acts on, the domain policy that authorizes it and what it
 * changes. `runCommand` does everything else, in the same order for every command.
 */
export interface CommandDefinition<N extends CommandName, T extends CommandTarget, C = undefined> {
  name: N;
  /** Finds what the command acts on; `not_found` (404) when it does not exist or the actor may not see it. */
  load(ctx: AppContext, actor: SessionUser, input: ParsedCommandInput<N>): Promise<T>;
  /** The domain policy: null when the actor may, or the refusal's error code (403/409). */
  authorize(actor: SessionUser, target: T, input: ParsedCommandInput<N>): ErrorCode | null;
  /**
   * Checks on the current state that need more than the policy (revision, anchors), outside the
   * transaction; what it returns reaches `change`. For a command that `freezes`, it runs again
   * once the section is frozen, so the transaction acts on exactly the text that was checked.
   */
  check?(ctx: AppContext, actor: SessionUser, target: T, input: ParsedCommandInput<N>): Promise<C>;
  /** A section whose open connections must stop writing before the check and the transaction. */
  freezes?(target: T): string;
  /** Sections whose connections' write scope may change with this command. */
  rescopes?(target: T): string[];
  /** Whether the command may act on an archived plan (otherwise 409 `plan_archived`). */
  onArchivedPlan?: boolean;
  /** The change, inside the transaction, and the audit event that records it in the same transaction. */
  change(
    trx: Transaction<Database>,
    c: ChangeContext<N, T, C>,
  ): Promise<{ result: CommandResult<N>; audit: AuditEntry | AdminAuditEntry }>;
  /** Releases what `check` holds for the change (an open document), whether or not it committed. */
  release?(checked: C): Promise<void>;
  /**
   * Effects on live state once the change committed (closing sockets, rescoping a person's
   * connections, refreshing other plans' projections). They go through `ctx.access`/`ctx.sessions`,
   * the one place that acts on open connections, so they can later travel to every instance.
   * What it returns replaces the result (e.g. whether an e-mail went out); nothing keeps it.
   */
  after?(
    ctx: AppContext,
    c: { actor: SessionUser; input: ParsedCommandInput<N>; target: T; result: CommandResult<N> },
  ): Promise<CommandResult<N> | void>;
}

async function planArchived(trx: Transaction<Database>, planId: string): Promise<boolean> {
  const row = await trx.selectFrom('plans').select('archived_at').where('id', '=', planId).executeTakeFirst();
  return Boolean(row?.archived_at);
}

/** The section a command acts on, if any: its own, or that of its thread or comment. */
function targetSectionId(target: CommandTarget): string | undefined {
  const { section, thread } = target as { section?: { id: string }; thread?: { section_id: string } };
  return section?.id ?? thread?.section_id;
}

/**
 * Whether the actor is still who the command was authorized as: active, in the same party (itself
 * active) with the same role, and, unless an administrator, in the plan. A person deactivated,
 * moved, demoted or taken out of the plan while their command was under way does not act as before.
 */
async function actorChanged(trx: Transaction<Database>, actor: SessionUser, planId: string | undefined) {
  const row = await trx
    .selectFrom('users')
    .innerJoin('parties', 'parties.id', 'users.party_id')
    .select(['users.party_id', 'users.role', 'users.deactivated_at', 'parties.deactivated_at as party_deactivated_at'])
    .where('users.id', '=', actor.userId)
    .executeTakeFirst();
  if (!row || row.deactivated_at !== null || row.party_deactivated_at !== null) return 'unauthenticated';
  if (row.party_id !== actor.partyId || row.role !== actor.role) return 'forbidden';
  if (planId === undefined || isAdministrator(actor)) return null;
  const member = await trx
    .selectFrom('plan_parties')
    .select('party_id')
    .where('plan_id', '=', planId)
    .where('party_id', '=', actor.partyId)
    .executeTakeFirst();
  return member ? null : 'not_found';
}

async function sectionDeleted(trx: Transaction<Database>, sectionId: string): Promise<boolean> {
  const row = await trx.selectFrom('sections').select('deleted_at').where('id', '=', sectionId).executeTakeFirst();
  return !row || row.deleted_at !== null;
}

/** The content revision of the section a section command acts on, as its loader read it or now. */
async function sectionRevision(ctx: AppContext, target: CommandTarget): Promise<string | undefined> {
  const { section, current } = target as { section?: { id: string }; current?: { revision: string } };
  if (current) return current.revision;
  return section ? ctx.content.revision(section.id) : undefined;
}

/** A declared command, its types erased so the registry can hold all of them. */
export interface RegisteredCommand {
  name: CommandName;
  run(ctx: AppContext, actor: SessionUser, raw: unknown, request?: CommandRequest): Promise<unknown>;
}

/** A command's declaration as written, typed: tests run variants of it through `runCommand`. */
export function declareCommand<N extends CommandName, T extends CommandTarget, C = undefined>(
  definition: CommandDefinition<N, T, C>,
): CommandDefinition<N, T, C> {
  return definition;
}

export function defineCommand<N extends CommandName, T extends CommandTarget, C = undefined>(
  definition: CommandDefinition<N, T, C>,
): RegisteredCommand {
  return {
    name: definition.name,
    run: (ctx, actor, raw, request) => {
      const run = () => runCommand(definition, ctx, actor, raw, request);
      // Latency and errors per command for /metrics (contexts built by unit tests have none).
      return ctx.metrics ? ctx.metrics.measureCommand(definition.name, run) : run();
    },
  };
}

/**
 * The one way a command runs: validate (400 naming the field), load (404), charge the plan's
 * rate limit, authorize (403/409), check, then one transaction holding the change and its audit
 * event, then connection scopes and the projection, then the reply.
 */
export async function runCommand<N extends CommandName, T extends CommandTarget, C>(
  command: CommandDefinition<N, T, C>,
  ctx: AppContext,
  actor: SessionUser,
  raw: unknown,
  request: CommandRequest = {},
): Promise<CommandResult<N>> {
  const input = COMMANDS[command.name].input.parse(raw) as ParsedCommandInput<N>;
  const target = await command.load(ctx, actor, input);
  const planId = target.plan?.id;
  // Only after load: outsiders never reach a plan's budget.
  if (planId !== undefined) await ctx.commandLimits.chargePlan(planId);
  const refusal = command.authorize(actor, target, input);
  if (refusal) throw new DomainError(refusal);
  if (target.plan?.archivedAt && !command.onArchivedPlan) throw new DomainError('plan_archived');
  let checked = (await command.check?.(ctx, actor, target, input)) as C;

  const frozen = command.freezes?.(target);
  let changed = false;
  let notified: string[] = [];
  // Whether a party is still waited on depends on the text; read before the transaction, which
  // must not wait on another connection (SQLite has one).
  const revision = await sectionRevision(ctx, target);
  try {
    if (frozen !== undefined) {
      await ctx.access.freezeSection(frozen);
      // With writes stopped, the text is final: decide once more on exactly this state.
      checked = (await command.check?.(ctx, actor, target, input)) as C;
    }
    const result = await ctx.db.transaction().execute(async (trx) => {
      // Commands of one plan take turns from here (a no-op on SQLite, where transactions never
      // overlap): caps are counted and heads appended by one at a time, and the time is taken in
      // decision-log order, so the latest marker by time is the latest in the log.
      if (planId !== undefined) {
        await lockPlanRow(trx, planId);
        // An archive that committed after `load` read the plan: nothing more changes in it.
        if (!command.onArchivedPlan && (await planArchived(trx, planId))) throw new DomainError('plan_archived');
        // [PS7] Nor does anything land on a section deleted after `load` found it (a stance, a thread).
        const sectionId = targetSectionId(target);
        if (sectionId !== undefined && (await sectionDeleted(trx, sectionId))) throw new DomainError('not_found');
      }
      const actorRefusal = await actorChanged(trx, actor, planId);
      if (actorRefusal) throw new DomainError(actorRefusal);
      const at = ctx.clock().toISOString();
      const { result, audit } = await command.change(trx, { ctx, actor, input, target, checked, at, request });
      if ('admin' in audit) {
        await appendAdminEvent(trx, {
          helsefellesskapId: actor.helsefellesskapId,
          actor,
          at,
          type: audit.admin,
          payload: audit.payload,
        });
      } else {
        const logPlanId = audit.planId ?? planId;
        if (logPlanId === undefined) throw new Error(`${command.name}: a plan event needs a plan`);
        await appendAuditEvent(
          trx,
          { planId: logPlanId, actor, at, type: audit.type, sectionId: audit.sectionId, payload: audit.payload },
          ctx.auditSigner,
        );
        // Who is told is decided from the same entry, in the same transaction: no change without
        // its notifications, no notification of a change that did not commit.
        notified = await recordNotifications(trx, { planId: logPlanId, actor, at, audit, revision });
      }
      return result;
    });
    changed = true;
    if (notified.length > 0) await ctx.notifications.publish(notified);
    return (await command.after?.(ctx, { actor, input, target, result })) ?? result;
  } finally {
    if (checked !== undefined) await command.release?.(checked);
    if (changed || frozen !== undefined) {
      // Scopes recomputed from the database: a section locked by this command stays read-only,
      // one whose lock did not commit thaws (unless another command still holds it frozen).
      if (frozen !== undefined) await ctx.access.thawSection(frozen);
      for (const sectionId of command.rescopes?.(target) ?? []) {
        if (sectionId !== frozen) await ctx.access.refreshSection(sectionId);
      }
      if (planId !== undefined) await ctx.projection.refresh(planId);
    }
  }
}
