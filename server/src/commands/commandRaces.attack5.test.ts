import type { AuditEventView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { findSessionUser, type SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../routes/context.js';
import { adminPartnershipSpec, api, command, useFixture } from '../testing/index.js';
import { commands } from './index.js';

const f = useFixture();

const admin = () => f.token('sekretariat');

async function actor(token: string): Promise<SessionUser> {
  const user = await findSessionUser(f.db, token);
  if (!user) throw new Error('no session');
  return user;
}

/**
 * The server's context, except that the first plan command to be charged (right after its load,
 * before its transaction) first lets `meanwhile` commit: another person's command arriving at the
 * same moment, between what the command read and what it writes.
 */
function racing(meanwhile: () => Promise<void>): AppContext {
  const ctx = f.server.context;
  let done = false;
  return {
    ...ctx,
    commandLimits: {
      chargeUser: (userId) => ctx.commandLimits.chargeUser(userId),
      chargePlan: async (planId) => {
        if (!done) {
          done = true;
          await meanwhile();
        }
        return ctx.commandLimits.chargePlan(planId);
      },
    },
  };
}

/** The administrator runs a command, which must succeed. */
async function adminDoes(name: string, input: Record<string, unknown>, token = admin()): Promise<void> {
  const res = await command(f.url, token, name, input);
  expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(200);
}

function deletingMeanwhile(sectionId: string, reason?: string): AppContext {
  return racing(() => adminDoes('sections.delete', { sectionId, ...(reason ? { reason } : {}) }));
}

/** What lands on a section: markers, threads and comments, and its events after the deletion. */
async function traces(planId: string, sectionId: string) {
  const markers = await f.db.selectFrom('markers').select('id').where('section_id', '=', sectionId).execute();
  const threads = await f.db.selectFrom('threads').select('id').where('section_id', '=', sectionId).execute();
  const comments = await f.db
    .selectFrom('comments')
    .innerJoin('threads', 'threads.id', 'comments.thread_id')
    .select('comments.id')
    .where('threads.section_id', '=', sectionId)
    .execute();
  const events = (await api<AuditEventView[]>(f.url, `/api/plans/${planId}/audit`, { token: admin() })).body;
  const deletedAt = events.findIndex((e) => e.type === 'section.deleted' && e.sectionId === sectionId);
  return {
    markers: markers.length,
    threads: threads.length,
    comments: comments.length,
    afterDeletion: deletedAt === -1 ? [] : events.slice(deletedAt + 1).filter((e) => e.sectionId === sectionId),
  };
}

describe('commands racing with the deletion of their section', () => {
  it('[PS7] a stance, a thread or a reply whose section was deleted while it was under way is refused (404) and leaves nothing', async () => {
    const plan = await f.plan({ sections: ['Barn og unge', 'Skrøpelige eldre', 'Personer med alvorlige'] });
    const kommune = await actor(f.token('kommune'));

    // A thread that exists before the deletion, to reply to and to resolve.
    const thread = await command(f.url, f.token('kommune'), 'threads.create', {
      sectionId: plan.section('Personer med alvorlige').id,
      body: 'Før slettingen',
    });
    expect(thread.status).toBe(200);
    const threadId = thread.body.id as string;

    const cases: [string, string, Record<string, unknown>][] = [
      ['Barn og unge', 'sections.mark', { sectionId: plan.section('Barn og unge').id, stance: 'agree' }],
      ['Skrøpelige eldre', 'threads.create', { sectionId: plan.section('Skrøpelige eldre').id, body: 'Samtidig' }],
      ['Personer med alvorlige', 'threads.reply', { threadId, body: 'Samtidig svar' }],
    ];
    for (const [title, name, input] of cases) {
      const sectionId = plan.section(title).id;
      const before = await traces(plan.id, sectionId);
      const run = commands[name as keyof typeof commands].run(
        deletingMeanwhile(sectionId, 'Slått sammen'),
        kommune,
        input,
      );
      await expect(run, name).rejects.toMatchObject({ code: 'not_found' });
      const after = await traces(plan.id, sectionId);
      expect(after.afterDeletion, name).toEqual([]);
      expect({ ...after, afterDeletion: [] }, name).toEqual({ ...before, afterDeletion: [] });
    }
  });

  it('[PS7] a section deleted without a reason (no stance on it) never ends up with a stance', async () => {
    const plan = await f.plan({ sections: ['Barn og unge'] });
    const sectionId = plan.section('Barn og unge').id;
    // No marker yet: the deletion needs no reason, and gives none.
    const racing = deletingMeanwhile(sectionId);
    await expect(
      commands['sections.mark'].run(racing, await actor(f.token('bruker')), {
        sectionId,
        stance: 'disagree',
        note: 'Nei',
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const markers = await f.db.selectFrom('markers').select('id').where('section_id', '=', sectionId).execute();
    expect(markers).toEqual([]);
  });
});

describe('commands racing with a change of who takes part', () => {
  it('[PS1] a party taken out of the plan while its stance or comment was under way: refused (404), nothing lands', async () => {
    const plan = await f.plan({ sections: ['Barn og unge', 'Skrøpelige eldre'] });
    const bruker = await actor(f.token('bruker'));
    const everyone = ['kommune', 'helseforetak', 'fastlege', 'bruker', 'sekretariat'];
    const without = (key: string) => everyone.filter((k) => k !== key).map((k) => f.party(k));
    const cases: [string, string, Record<string, unknown>][] = [
      [
        'Barn og unge',
        'sections.mark',
        { sectionId: plan.section('Barn og unge').id, stance: 'disagree', note: 'Nei' },
      ],
      ['Skrøpelige eldre', 'threads.create', { sectionId: plan.section('Skrøpelige eldre').id, body: 'Utenfra' }],
    ];
    for (const [title, name, input] of cases) {
      const sectionId = plan.section(title).id;
      const before = await traces(plan.id, sectionId);
      const ctx = racing(async () => {
        await adminDoes('plans.update', { planId: plan.id, partyIds: without('bruker') });
      });
      await expect(commands[name as keyof typeof commands].run(ctx, bruker, input), name).rejects.toMatchObject({
        code: 'not_found',
      });
      expect(await traces(plan.id, sectionId), name).toEqual(before);
      await adminDoes('plans.update', { planId: plan.id, partyIds: without('') });
    }
  });

  it('[ADM4] a person moved to another party while their stance was under way does not speak for the old party', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const kari = p.user('kommune');
    const sectionId = p.section('Felles del').id;
    const ctx = racing(() =>
      adminDoes('users.update', { userId: kari.id, partyId: p.party('helseforetak') }, p.token('admin')),
    );
    await expect(
      commands['sections.mark'].run(ctx, await actor(kari.token), { sectionId, stance: 'agree' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const markers = await f.db.selectFrom('markers').select('party_id').where('section_id', '=', sectionId).execute();
    expect(markers).toEqual([]);
  });
});
