import type { SearchResultView } from '@fellesplan/domain';
import { CONTENT_FIELD } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import { api, appendParagraph, command, connectProvider, useFixture, waitFor } from '../testing/index.js';

const f = useFixture();

const search = (planId: string, q: string, who = 'bruker') =>
  api<SearchResultView>(f.url, `/api/plans/${planId}/search?q=${encodeURIComponent(q)}`, { token: f.token(who) });
const total = async (planId: string, q: string) => {
  const res = await search(planId, q);
  expect(res.status).toBe(200);
  return res.body.total;
};

describe('search never answers with what is gone or elsewhere', () => {
  it('text deleted from a body, a deleted comment, a deleted section and another plan’s words are not found', async () => {
    const plan = await f.plan();
    const elsewhere = await f.plan();
    const title = 'Kunnskapsgrunnlag og utfordringsbilde';
    // Words only this test writes, one per place.
    const [inText, inComment, inDeleted, inOther] = ['zqxtekst', 'zqxkommentar', 'zqxslettet', 'zqxannenplan'];

    const editor = connectProvider(f.url, f.token('kommune'), plan.section(title).documentName);
    const other = connectProvider(f.url, f.token('kommune'), elsewhere.section(title).documentName);
    await Promise.all([editor.synced(), other.synced()]);
    appendParagraph(editor.doc, `Midlertidig ${inText}.`);
    appendParagraph(other.doc, `Bare i den andre planen: ${inOther}.`);
    await waitFor(async () => (await total(plan.id, inText)) === 1);
    await waitFor(async () => (await total(elsewhere.id, inOther)) === 1);
    expect(await total(plan.id, inOther)).toBe(0);

    // The paragraph goes again: the cached text of the earlier revision must not answer.
    const fragment = editor.doc.getXmlFragment(CONTENT_FIELD);
    fragment.delete(fragment.length - 1, 1);
    await waitFor(async () => (await total(plan.id, inText)) === 0);

    const thread = await command(f.url, f.token('kommune'), 'threads.create', {
      sectionId: plan.section(title).id,
      body: `Se ${inComment}`,
    });
    expect(thread.status).toBe(200);
    expect(await total(plan.id, inComment)).toBe(1);
    const [comment] =
      (
        await api<{ id: string; comments: { id: string }[] }[]>(f.url, `/api/plans/${plan.id}/threads`, {
          token: f.token('kommune'),
        })
      ).body.find((t) => t.id === thread.body.id)?.comments ?? [];
    expect((await command(f.url, f.token('kommune'), 'comments.delete', { commentId: comment?.id })).status).toBe(200);
    expect(await total(plan.id, inComment)).toBe(0);

    // A deleted section: its title, its text and its threads' comments are gone for search too.
    const doomed = plan.section('Digitalisering og velferdsteknologi');
    const writer = connectProvider(f.url, f.token('kommune'), doomed.documentName);
    await writer.synced();
    appendParagraph(writer.doc, `Tekst ${inDeleted}.`);
    await waitFor(async () => (await total(plan.id, inDeleted)) === 1);
    expect(
      (await command(f.url, f.token('kommune'), 'threads.create', { sectionId: doomed.id, body: `Om ${inDeleted}` }))
        .status,
    ).toBe(200);
    expect(await total(plan.id, inDeleted)).toBe(2);
    expect((await command(f.url, f.token('sekretariat'), 'sections.delete', { sectionId: doomed.id })).status).toBe(
      200,
    );
    expect(await total(plan.id, inDeleted)).toBe(0);
    expect(await total(plan.id, 'Digitalisering og velferd')).toBe(0);
    for (const p of [editor, other, writer]) p.destroy();
  });

  it('a query is text, not a pattern: regular-expression and SQL syntax find nothing in a plan without them', async () => {
    const plan = await f.plan();
    for (const q of ['.*', '(a+)+$', '[^]', '\\d', '%%', '__', "' OR 1=1 --"]) {
      const res = await search(plan.id, q);
      expect(res.status, q).toBe(200);
      expect(res.body.total, q).toBe(0);
    }
  });
});
