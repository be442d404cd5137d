import { describe, expect, it } from 'vitest';
import { api, command, useFixture, type FixturePlan } from '../testing/index.js';

const f = useFixture();

const PARTIES = ['kommune', 'helseforetak', 'fastlege', 'bruker'] as const;

async function revisionOf(sectionId: string): Promise<string> {
  const content = await api<{ revision: string }>(f.url, `/api/sections/${sectionId}/content`, {
    token: f.token('kommune'),
  });
  return content.body.revision;
}

async function verify(plan: FixturePlan) {
  return (
    await api<Record<string, unknown>>(f.url, `/api/plans/${plan.id}/audit/verify`, {
      token: f.token('sekretariat'),
    })
  ).body;
}

describe('decision log under honest use', () => {
  it('[A4] marks, re-marks, lock, unlock, and comment edits and deletes verify as ok', async () => {
    const plan = await f.plan();
    const sectionId = plan.section('Personer med flere kroniske lidelser').id;
    const revision = await revisionOf(sectionId);
    for (const party of PARTIES) {
      expect(
        (await command(f.url, f.token(party), 'sections.mark', { sectionId, stance: 'agree', revision })).status,
      ).toBe(200);
    }
    expect((await command(f.url, f.token('sekretariat'), 'sections.lock', { sectionId })).status).toBe(200);
    expect(
      (await command(f.url, f.token('sekretariat'), 'sections.unlock', { sectionId, reason: 'Feil' })).status,
    ).toBe(200);
    expect(
      (await command(f.url, f.token('helseforetak'), 'sections.mark', { sectionId, stance: 'abstain', revision }))
        .status,
    ).toBe(200);
    const thread = await command(f.url, f.token('bruker'), 'threads.create', { sectionId, body: 'Første' });
    const threadId = String(thread.body.id);
    const reply = await command(f.url, f.token('kommune'), 'threads.reply', { threadId, body: 'Svar' });
    const replyId = String(reply.body.id);
    await command(f.url, f.token('kommune'), 'comments.edit', { commentId: replyId, body: 'Svar, rettet' });
    await command(f.url, f.token('kommune'), 'comments.edit', { commentId: replyId, body: 'Svar' });
    await command(f.url, f.token('kommune'), 'comments.delete', { commentId: replyId });
    await command(f.url, f.token('bruker'), 'threads.resolve', { threadId });
    await command(f.url, f.token('bruker'), 'threads.reopen', { threadId });
    expect(await verify(plan)).toMatchObject({ ok: true });
  });

  it('[A4] concurrent marks and comment edits by one person verify as ok', async () => {
    const plan = await f.plan();
    const sectionId = plan.section('Akuttmedisinsk kjede').id;
    const revision = await revisionOf(sectionId);
    const stances = ['agree', 'abstain', 'agree', 'abstain', 'agree', 'abstain', 'agree', 'abstain'];
    await Promise.all(
      stances.map((stance) => command(f.url, f.token('fastlege'), 'sections.mark', { sectionId, stance, revision })),
    );
    const thread = await command(f.url, f.token('fastlege'), 'threads.create', { sectionId, body: 'Start' });
    const commentsOf = await api<{ id: string; comments: { id: string }[] }[]>(f.url, `/api/plans/${plan.id}/threads`, {
      token: f.token('fastlege'),
    });
    const commentId = commentsOf.body.find((t) => t.id === thread.body.id)?.comments[0]?.id ?? '';
    await Promise.all(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((body) =>
        command(f.url, f.token('fastlege'), 'comments.edit', { commentId, body }),
      ),
    );
    expect(await verify(plan)).toMatchObject({ ok: true });
  });
});
