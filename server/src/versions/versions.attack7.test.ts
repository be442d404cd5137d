import { createHash } from 'node:crypto';
import { canonicalJson, type VersionSummaryView, type VersionView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { api, appendParagraph, command, connectProvider, useFixture, waitFor } from '../testing/index.js';
import { loadCurrentTexts, readPlanSnapshot, storeVersion } from './versionStore.js';

/**
 * Attacks on versions (issue 12) from raw clients: what a version holds must never change once
 * made, must be one consistent moment of the plan, and must not reach anyone outside the plan.
 */
const f = useFixture();
const TITLE = 'Samarbeidsstruktur og organisering';
const sekretariat = () => f.token('sekretariat');

const getVersion = (id: string, who = 'kommune') =>
  api<VersionView>(f.url, `/api/versions/${id}`, { token: f.token(who) });

async function createVersion(planId: string, name: string): Promise<string> {
  const res = await command(f.url, sekretariat(), 'versions.create', { planId, name });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as string;
}

/** [R1] what a revision names: a hash of the body (these bodies hold no links to strip). */
const revisionOf = (json: unknown) => createHash('sha256').update(canonicalJson(json)).digest('hex').slice(0, 32);

describe('versions under attack', () => {
  it('a version never changes: not by a later rename, move, delete, marker, edit, restore or archive', async () => {
    const plan = await f.plan();
    const section = plan.section(TITLE);
    await plan.agreeAll(TITLE);
    const id = await createVersion(plan.id, 'Før alt');
    const before = await getVersion(id);
    expect(before.status).toBe(200);

    const client = connectProvider(f.url, f.token('kommune'), section.documentName);
    await client.synced();
    appendParagraph(client.doc, 'Skrevet etter versjonen.');
    await waitFor(async () => (await plan.sectionView(TITLE, 'kommune')).markers.every((m) => m.stale));
    client.destroy();
    const others = plan.sections.filter((s) => s.id !== section.id);
    const changes: [string, Record<string, unknown>][] = [
      ['sections.mark', { sectionId: section.id, stance: 'disagree', note: 'Nei' }],
      ['sections.rename', { sectionId: section.id, title: 'Nytt navn' }],
      ['sections.move', { sectionId: section.id, afterSectionId: others.at(-1)!.id }],
      ['sections.restore', { sectionId: section.id, versionId: id }],
      ['sections.delete', { sectionId: others[0]!.id, reason: 'Ut' }],
      ['plans.archive', { planId: plan.id }],
    ];
    for (const [name, input] of changes) {
      const who = name === 'sections.mark' || name === 'sections.restore' ? f.token('kommune') : sekretariat();
      const res = await command(f.url, who, name, input);
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(200);
      expect((await getVersion(id)).body, `after ${name}`).toEqual(before.body);
    }
    // Archived: still readable, never a new version.
    const late = await command(f.url, sekretariat(), 'versions.create', { planId: plan.id, name: 'For sent' });
    expect(late.status).toBe(409);
    expect(late.body.error?.code).toBe('plan_archived');
    const restore = await command(f.url, f.token('kommune'), 'sections.restore', {
      sectionId: section.id,
      versionId: id,
    });
    expect(restore.status).toBe(409);
    expect(restore.body.error?.code).toBe('plan_archived');
    expect((await getVersion(id)).body).toEqual(before.body);
  });

  it('a version is one moment of the plan: its markers are stale exactly when their revision is not the kept text’s', async () => {
    const plan = await f.plan();
    const section = plan.section(TITLE);
    const client = connectProvider(f.url, f.token('kommune'), section.documentName);
    await client.synced();
    const ids: string[] = [];
    for (let round = 0; round < 12; round += 1) {
      await plan.agreeAll(TITLE);
      // The edit and the version race: whichever wins, the version must be consistent.
      const made = command(f.url, sekretariat(), 'versions.create', { planId: plan.id, name: `Runde ${round}` });
      for (let i = 0; i < 5; i += 1) appendParagraph(client.doc, `Runde ${round}, avsnitt ${i}.`);
      const res = await made;
      expect(res.status).toBe(200);
      ids.push(res.body.id as string);
      await waitFor(async () => (await plan.sectionView(TITLE, 'kommune')).markers.every((m) => m.stale));
    }
    client.destroy();
    for (const id of ids) {
      const kept = (await getVersion(id)).body.sections.find((s) => s.id === section.id)!;
      expect(revisionOf(kept.json)).toBe(kept.revision);
      for (const marker of kept.markers) expect(marker.stale, kept.text).toBe(marker.revision !== kept.revision);
    }
  });

  it('the plan “now” that a comparison is cached under names exactly the text it holds, while people type', async () => {
    const plan = await f.plan();
    const section = plan.section(TITLE);
    const client = connectProvider(f.url, f.token('kommune'), section.documentName);
    await client.synced();
    let typing = true;
    let n = 0;
    const typist = (async () => {
      while (typing) {
        appendParagraph(client.doc, `Avsnitt ${(n += 1)}.`);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    try {
      for (let round = 0; round < 40; round += 1) {
        const now = await loadCurrentTexts(f.server.context, plan.id);
        for (const s of now.sections) if (!s.contentError) expect(revisionOf(s.json), s.title).toBe(s.revision);
      }
    } finally {
      typing = false;
      await typist;
      client.destroy();
    }
  });

  it('many versions at once all land, each listed once, and the names are kept exactly, control characters refused', async () => {
    const plan = await f.plan();
    const names = Array.from({ length: 12 }, (_, i) => `Versjon ${i} – «${'æøå'.repeat(i)}»`);
    const ids = await Promise.all(names.map((name) => createVersion(plan.id, name)));
    const list = await api<VersionSummaryView[]>(f.url, `/api/plans/${plan.id}/versions`, { token: f.token('bruker') });
    expect(new Set(list.body.map((v) => v.id))).toEqual(new Set(ids));
    expect(list.body.map((v) => v.name).sort()).toEqual([...names].sort());

    for (const name of ['x'.repeat(100_000), 'Versjon\u0000', 'Ny\nlinje', '\u202Eslettet', '']) {
      const res = await command(f.url, sekretariat(), 'versions.create', { planId: plan.id, name });
      expect(res.status, JSON.stringify(name.slice(0, 20))).toBe(400);
      expect(res.body.error?.message).toBeTruthy();
    }
    const after = await api<VersionSummaryView[]>(f.url, `/api/plans/${plan.id}/versions`, {
      token: f.token('bruker'),
    });
    expect(after.body).toHaveLength(names.length);
  });

  it('a version of another helsefellesskap is invisible, in every route and command that takes one', async () => {
    const plan = await f.plan();
    const foreignPlan = f.other.plan;
    // The other helsefellesskap has no sekretariat: its version is stored as the command would.
    const foreign = await storeVersion(f.db, await readPlanSnapshot(f.server.context, foreignPlan.id), {
      name: 'Deres',
      kind: 'named',
      actor: { userId: f.other.user('kommune').id, partyId: f.other.party('kommune') },
      at: new Date().toISOString(),
    });
    const { id: sectionId } = plan.section(TITLE);
    const token = f.token('kommune');
    expect((await getVersion(foreign)).status).toBe(404);
    const compare = await api(f.url, `/api/plans/${plan.id}/compare?from=${foreign}&to=now`, { token });
    expect(compare.status).toBe(404);
    // Their own plan's id with our token: the plan is not ours, so nothing.
    expect((await api(f.url, `/api/plans/${foreignPlan.id}/versions`, { token })).status).toBe(404);
    const restore = await command(f.url, token, 'sections.restore', { sectionId, versionId: foreign });
    expect(restore.status).toBe(404);
    // Their sekretariat cannot name a version of our plan either.
    const theirs = await command(f.url, f.other.token('kommune'), 'versions.create', { planId: plan.id, name: 'Inn' });
    expect(theirs.status).toBe(404);
  });
});
