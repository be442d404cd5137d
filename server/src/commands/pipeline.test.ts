import { DomainError } from '@fellesplan/domain';
import { ZodError } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../routes/context.js';
import { findPlan, type PlanRecord } from '../storage/repositories/plans.js';
import { useFixture } from '../testing/index.js';
import { runCommand, type CommandDefinition } from './pipeline.js';

/**
 * The runner's order and its promises, with commands declared here: whatever a command
 * declares, a refusal changes nothing, the audit event commits or rolls back with the change,
 * and a frozen section is always refreshed.
 */
const f = useFixture();
let plan: PlanRecord;
let actor: SessionUser;
beforeAll(async () => {
  plan = (await findPlan(f.db, f.demo.plan.id)) as PlanRecord;
  const user = f.user('kommune');
  actor = {
    userId: user.id,
    name: user.name,
    partyId: user.partyId,
    email: user.email,
    partyKind: 'kommune',
    role: 'member',
    helsefellesskapId: plan.helsefellesskapId,
  };
});

/** The server's context with its side effects recorded in `calls`, in order. */
function observed(calls: string[]): AppContext {
  const ctx = f.server.context;
  return {
    ...ctx,
    commandLimits: { ...ctx.commandLimits, chargePlan: async (id: string) => void calls.push(`charge:${id}`) },
    access: {
      freezeSection: async (id: string) => void calls.push(`freeze:${id}`),
      refreshSection: async (id: string) => void calls.push(`refresh:${id}`),
      thawSection: async (id: string) => void calls.push(`thaw:${id}`),
    } as unknown as AppContext['access'],
    projection: {
      refresh: async (id: string) => void calls.push(`projection:${id}`),
    } as unknown as AppContext['projection'],
  };
}

const auditCount = async () =>
  Number(
    (
      await f.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('plan_id', '=', plan.id)
        .executeTakeFirstOrThrow()
    ).n,
  );
const threadStatus = async (id: string) =>
  (await f.db.selectFrom('threads').select('status').where('id', '=', id).executeTakeFirst())?.status;

/** A thread of the demo plan to flip, inserted directly so the runner is all that is tested. */
async function aThread(): Promise<string> {
  const id = `pipeline-${Math.random().toString(36).slice(2)}`;
  await f.db
    .insertInto('threads')
    .values({
      id,
      plan_id: plan.id,
      section_id: f.section('Innledning').id,
      anchor_start: null,
      anchor_end: null,
      quote: null,
      status: 'open',
      created_by: actor.userId,
      created_at: new Date().toISOString(),
      resolved_by: null,
      resolved_at: null,
    })
    .execute();
  return id;
}

type Resolve = CommandDefinition<'threads.resolve', { plan: PlanRecord; threadId: string }, string>;

function resolveCommand(calls: string[], overrides: Partial<Resolve> = {}): Resolve {
  return {
    name: 'threads.resolve',
    load: async (_ctx, _actor, input) => {
      calls.push('load');
      return { plan, threadId: input.threadId };
    },
    authorize: () => {
      calls.push('authorize');
      return null;
    },
    check: async () => {
      calls.push('check');
      return 'checked';
    },
    async change(trx, { target, checked }) {
      calls.push(`change:${checked}`);
      await trx.updateTable('threads').set({ status: 'resolved' }).where('id', '=', target.threadId).execute();
      return {
        result: { ok: true },
        audit: { type: 'thread.resolved', sectionId: null, payload: { threadId: target.threadId } },
      };
    },
    ...overrides,
  };
}

describe('the command pipeline', () => {
  it('runs validate → load → charge → authorize → check → change+audit → projection, in that order', async () => {
    const calls: string[] = [];
    const threadId = await aThread();
    const before = await auditCount();
    const result = await runCommand(resolveCommand(calls), observed(calls), actor, { threadId });
    expect(result).toEqual({ ok: true });
    expect(calls).toEqual([
      'load',
      `charge:${plan.id}`,
      'authorize',
      'check',
      'change:checked',
      `projection:${plan.id}`,
    ]);
    expect(await threadStatus(threadId)).toBe('resolved');
    expect(await auditCount()).toBe(before + 1);
  });

  it('refuses invalid input before loading anything (400 naming the field)', async () => {
    const calls: string[] = [];
    const run = runCommand(resolveCommand(calls), observed(calls), actor, { threadId: 'no spaces allowed' });
    await expect(run).rejects.toBeInstanceOf(ZodError);
    await run.catch((error: ZodError) => expect(error.issues[0]?.path).toEqual(['threadId']));
    expect(calls).toEqual([]);
  });

  it('a refusal of the policy changes nothing and charges only the plan the actor may see', async () => {
    const calls: string[] = [];
    const threadId = await aThread();
    const before = await auditCount();
    const refusing = resolveCommand(calls, { authorize: () => 'not_author' });
    await expect(runCommand(refusing, observed(calls), actor, { threadId })).rejects.toMatchObject({
      code: 'not_author',
    });
    expect(calls).toEqual(['load', `charge:${plan.id}`]);
    expect(await threadStatus(threadId)).toBe('open');
    expect(await auditCount()).toBe(before);
  });

  it('a load that finds nothing is a 404 before the plan is charged', async () => {
    const calls: string[] = [];
    const missing = resolveCommand(calls, {
      load: async () => {
        throw new DomainError('not_found');
      },
    });
    await expect(runCommand(missing, observed(calls), actor, { threadId: 'x' })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(calls).toEqual([]);
  });

  it('[A1] the audit event commits with the change or not at all', async () => {
    const calls: string[] = [];
    const threadId = await aThread();
    const before = await auditCount();
    // The audit append fails (its plan does not exist): the change made before it is rolled back.
    const orphan = resolveCommand(calls, {
      load: async (_ctx, _actor, input) => ({ plan: { ...plan, id: 'no-such-plan' }, threadId: input.threadId }),
    });
    await expect(runCommand(orphan, observed(calls), actor, { threadId })).rejects.toThrow();
    expect(await threadStatus(threadId)).toBe('open');
    expect(await auditCount()).toBe(before);
    expect(calls.some((c) => c.startsWith('projection'))).toBe(false);
  });

  it('[L2] a command that freezes checks again once frozen, and always refreshes the section', async () => {
    const calls: string[] = [];
    const threadId = await aThread();
    let checks = 0;
    const freezing = resolveCommand(calls, {
      freezes: () => 'section-x',
      check: async () => {
        checks += 1;
        calls.push(`check${checks}`);
        return `check${checks}`;
      },
    });
    await runCommand(freezing, observed(calls), actor, { threadId });
    expect(calls).toEqual([
      'load',
      `charge:${plan.id}`,
      'authorize',
      'check1',
      'freeze:section-x',
      'check2',
      // The change acts on what was checked after the freeze, not before it.
      'change:check2',
      'thaw:section-x',
      `projection:${plan.id}`,
    ]);

    // The check after the freeze refuses: nothing changes, and the section thaws.
    const refused: string[] = [];
    let second = false;
    const changedMeanwhile = resolveCommand(refused, {
      freezes: () => 'section-y',
      check: async () => {
        if (second) throw new DomainError('not_in_consensus');
        second = true;
        return 'first';
      },
    });
    const other = await aThread();
    await expect(runCommand(changedMeanwhile, observed(refused), actor, { threadId: other })).rejects.toMatchObject({
      code: 'not_in_consensus',
    });
    expect(refused).toEqual([
      'load',
      `charge:${plan.id}`,
      'authorize',
      'freeze:section-y',
      'thaw:section-y',
      `projection:${plan.id}`,
    ]);
    expect(await threadStatus(other)).toBe('open');
  });
});
