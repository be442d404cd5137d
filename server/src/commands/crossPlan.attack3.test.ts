import { describe, expect, it } from 'vitest';
import { command, useFixture } from '../testing/index.js';

// A small plan budget, so outsiders could use it up if their refused commands were charged to it.
const f = useFixture({ commandLimits: { perUserPerMinute: 200, perPlanPerMinute: 12 } });

describe('commands aimed at another helsefellesskap', () => {
  it('[RL1] are 404 like missing ids, name nothing, and do not use up the plan’s rate limit', async () => {
    const plan = await f.plan();
    const sectionId = plan.section('Innledning').id;
    const created = await command(f.url, f.token('kommune'), 'threads.create', { sectionId, body: 'Intern' });
    expect(created.status).toBe(200);
    const threadId = String(created.body.id);
    const commentId = String(created.body.commentId);
    const attempts: [string, Record<string, unknown>][] = [
      ['sections.mark', { sectionId, stance: 'agree' }],
      ['sections.lock', { sectionId }],
      ['sections.unlock', { sectionId, reason: 'x' }],
      ['threads.create', { sectionId, body: 'x' }],
      ['threads.reply', { threadId, body: 'x' }],
      ['threads.resolve', { threadId }],
      ['threads.reopen', { threadId }],
      ['comments.edit', { commentId, body: 'x' }],
      ['comments.delete', { commentId }],
    ];
    const missing = { sectionId: 'finnes-ikke', threadId: 'finnes-ikke', commentId: 'finnes-ikke' };
    for (const who of ['kommune@annet.no', 'hf@annet.no']) {
      for (const [name, input] of attempts) {
        const foreign = await command(f.url, f.other.token(who), name, input);
        const absent = await command(f.url, f.other.token(who), name, {
          ...input,
          ...Object.fromEntries(
            Object.keys(missing)
              .filter((k) => k in input)
              .map((k) => [k, 'finnes-ikke']),
          ),
        });
        expect(foreign.status, `${who} ${name}`).toBe(404);
        expect(foreign.body).toEqual(absent.body);
      }
    }
    // The plan's own members still have their budget.
    const reply = await command(f.url, f.token('bruker'), 'threads.reply', { threadId, body: 'Fortsatt her' });
    expect(reply.status).toBe(200);
    const row = await f.db
      .selectFrom('comments')
      .select(['body', 'deleted_at'])
      .where('id', '=', commentId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ body: 'Intern', deleted_at: null });
  });
});
