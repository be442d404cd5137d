import type { SearchResultView, SectionContentView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { api, appendParagraph, command, connectProvider, useFixture, waitFor } from '../testing/index.js';

const f = useFixture();

const LAST = 'Oppfølging, evaluering og årsrapport';

const search = (planId: string, q: string, who = 'bruker') =>
  api<SearchResultView & { error?: { code: string; message: string } }>(
    f.url,
    `/api/plans/${planId}/search?q=${encodeURIComponent(q)}`,
    { token: f.token(who) },
  );

describe('plan search', () => {
  it('finds a word of the last section, whose editor nobody has open, case-insensitively, where the text has it', async () => {
    const plan = await f.plan();
    const res = await search(plan.id, 'MIDTVEISEVALUERING');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    const [group] = res.body.sections;
    expect(group).toMatchObject({ sectionId: plan.section(LAST).id, title: LAST });
    const [hit] = group?.hits ?? [];
    if (!hit) throw new Error('no hit');
    expect(hit).toMatchObject({ kind: 'text', occurrence: 0 });
    const content = await api<SectionContentView>(f.url, `/api/sections/${group?.sectionId}/content`, {
      token: f.token('bruker'),
    });
    expect(content.body.text.slice(hit.start, hit.end)).toBe('Midtveisevaluering');
    expect(hit.snippet.slice(hit.snippetMatch.start, hit.snippetMatch.end)).toBe('Midtveisevaluering');
    expect(hit.snippet).toContain('legges fram');
  });

  it('finds titles and comments, with the thread of a comment hit, grouped by section in plan order', async () => {
    const plan = await f.plan();
    const barn = plan.section('Barn og unge').id;
    const thread = await command(f.url, f.token('fastlege'), 'threads.create', {
      sectionId: plan.section(LAST).id,
      body: 'Bør årsrapporten nevne skolehelsetjenesten for barn?',
    });
    expect(thread.status).toBe(200);
    const res = await search(plan.id, 'barn');
    expect(res.status).toBe(200);
    const ids = res.body.sections.map((s) => s.sectionId);
    expect(ids.indexOf(barn)).toBeLessThan(ids.indexOf(plan.section(LAST).id));
    expect(res.body.sections.find((s) => s.sectionId === barn)?.hits.map((h) => h.kind)).toContain('title');
    const comment = res.body.sections.find((s) => s.sectionId === plan.section(LAST).id)?.hits;
    expect(comment).toEqual([
      expect.objectContaining({ kind: 'comment', threadId: thread.body.id, commentId: thread.body.commentId }),
    ]);
    // Deleted comments are not found.
    await command(f.url, f.token('fastlege'), 'comments.delete', { commentId: thread.body.commentId });
    const after = await search(plan.id, 'skolehelsetjenesten');
    expect(after.body.total).toBe(0);
  });

  it('keeps æ, ø and å as letters: «bør» does not find «bor»', async () => {
    const plan = await f.plan();
    const withO = await search(plan.id, 'fØringer');
    expect(withO.body.total).toBeGreaterThan(0);
    expect((await search(plan.id, 'foringer')).body.total).toBe(0);
  });

  it('sees an edit made a moment ago, in a section loaded live', async () => {
    const plan = await f.plan();
    const client = connectProvider(f.url, f.token('sekretariat'), plan.section(LAST).documentName);
    await client.synced();
    expect((await search(plan.id, 'kvartalsvis')).body.total).toBe(0);
    appendParagraph(client.doc, 'Rapporteringen skjer kvartalsvis.');
    await waitFor(async () => (await search(plan.id, 'kvartalsvis')).body.total === 1);
    client.destroy();
  });

  it('caps the hits it answers with, and says how many there were', async () => {
    const plan = await f.plan();
    const res = await search(plan.id, 'en');
    expect(res.body.total).toBeGreaterThan(50);
    expect(res.body.truncated).toBe(true);
    expect(res.body.sections.flatMap((s) => s.hits)).toHaveLength(50);
  });

  it('refuses a query too long or too short with 400 and a Norwegian message', async () => {
    const plan = await f.plan();
    for (const q of ['x'.repeat(201), 'x', '   ']) {
      const res = await search(plan.id, q);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 'search_query_invalid',
        message: 'Søket må være mellom 2 og 200 tegn.',
      });
    }
    const missing = await api<{ error: { code: string } }>(f.url, `/api/plans/${plan.id}/search`, {
      token: f.token('bruker'),
    });
    expect(missing.status).toBe(400);
    const huge = await api(f.url, `/api/plans/${plan.id}/search?q=${'a'.repeat(20_000)}`, { token: f.token('bruker') });
    expect(huge.status).toBeGreaterThanOrEqual(400);
    expect(huge.status).toBeLessThan(500);
  });

  it('answers 404 to people outside the plan, whatever they ask, and 401 without a session', async () => {
    const plan = await f.plan();
    const outsider = f.other.people[0];
    if (!outsider) throw new Error('no outsider');
    for (const q of ['midtveisevaluering', 'x'.repeat(500)]) {
      const res = await api(f.url, `/api/plans/${plan.id}/search?q=${q}`, { token: outsider.token });
      expect(res.status).toBe(404);
    }
    expect((await api(f.url, `/api/plans/${plan.id}/search?q=barn`)).status).toBe(401);
    expect((await api(f.url, `/api/plans/nope/search?q=barn`, { token: f.token('bruker') })).status).toBe(404);
  });
});
