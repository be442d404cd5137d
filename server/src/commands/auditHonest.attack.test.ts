import { describe, expect, it } from 'vitest';
import { api, command, useTestServer, type DemoTokens, type TestServer } from '../testing/index.js';

let server: TestServer;
let tokens: DemoTokens;
useTestServer((started, loggedIn) => {
  server = started;
  tokens = loggedIn;
});

const PARTIES = ['kommune', 'hf', 'fastlege', 'bruker'] as const;

async function revisionOf(sectionId: string): Promise<string> {
  const content = await api<{ revision: string }>(server.url, `/api/sections/${sectionId}/content`, {
    token: tokens.kommune,
  });
  return content.body.revision;
}

async function verify() {
  return (
    await api<Record<string, unknown>>(server.url, `/api/plans/${server.demo.planId}/audit/verify`, {
      token: tokens.sekretariat,
    })
  ).body;
}

describe('decision log under honest use', () => {
  it('[A4] marks, re-marks, lock, unlock, and comment edits and deletes verify as ok', async () => {
    const sectionId = server.demo.sectionIds[7] ?? '';
    const revision = await revisionOf(sectionId);
    for (const party of PARTIES) {
      expect(
        (await command(server.url, tokens[party], 'sections.mark', { sectionId, stance: 'agree', revision })).status,
      ).toBe(200);
    }
    expect((await command(server.url, tokens.sekretariat, 'sections.lock', { sectionId })).status).toBe(200);
    expect(
      (await command(server.url, tokens.sekretariat, 'sections.unlock', { sectionId, reason: 'Feil' })).status,
    ).toBe(200);
    expect(
      (await command(server.url, tokens.hf, 'sections.mark', { sectionId, stance: 'abstain', revision })).status,
    ).toBe(200);
    const thread = await command(server.url, tokens.bruker, 'threads.create', { sectionId, body: 'Første' });
    const threadId = String(thread.body.id);
    const reply = await command(server.url, tokens.kommune, 'threads.reply', { threadId, body: 'Svar' });
    const replyId = String(reply.body.id);
    await command(server.url, tokens.kommune, 'comments.edit', { commentId: replyId, body: 'Svar, rettet' });
    await command(server.url, tokens.kommune, 'comments.edit', { commentId: replyId, body: 'Svar' });
    await command(server.url, tokens.kommune, 'comments.delete', { commentId: replyId });
    await command(server.url, tokens.bruker, 'threads.resolve', { threadId });
    await command(server.url, tokens.bruker, 'threads.reopen', { threadId });
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('[A4] concurrent marks and comment edits by one person verify as ok', async () => {
    const sectionId = server.demo.sectionIds[8] ?? '';
    const revision = await revisionOf(sectionId);
    const stances = ['agree', 'abstain', 'agree', 'abstain', 'agree', 'abstain', 'agree', 'abstain'];
    await Promise.all(
      stances.map((stance) => command(server.url, tokens.fastlege, 'sections.mark', { sectionId, stance, revision })),
    );
    const thread = await command(server.url, tokens.fastlege, 'threads.create', { sectionId, body: 'Start' });
    const commentsOf = await api<{ id: string; comments: { id: string }[] }[]>(
      server.url,
      `/api/plans/${server.demo.planId}/threads`,
      { token: tokens.fastlege },
    );
    const commentId = commentsOf.body.find((t) => t.id === thread.body.id)?.comments[0]?.id ?? '';
    await Promise.all(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((body) =>
        command(server.url, tokens.fastlege, 'comments.edit', { commentId, body }),
      ),
    );
    expect(await verify()).toMatchObject({ ok: true });
  });
});
