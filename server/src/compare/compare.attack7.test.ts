import type { PlanCompareView, SectionContentView, VersionView } from '@fellesplan/domain';
import { readTextFromYDoc, type TiptapJSON } from '@fellesplan/editor';
import { diffBodies } from '@fellesplan/editor/compare';
import { describe, expect, it } from 'vitest';
import {
  api,
  command,
  connectProvider,
  Prng,
  randomEdit,
  storedSectionText,
  useFixture,
  waitFor,
} from '../testing/index.js';

/**
 * Attacks on the plan comparison (issue 12). Its body diffs are cached under the two revisions:
 * the property below asks for random pairs, repeatedly and in random order, and checks every
 * answer against a diff computed from scratch from the versions' own bodies.
 */
const f = useFixture();
const EMPTY: TiptapJSON = { type: 'doc', content: [{ type: 'paragraph' }] };

describe('compare under attack', () => {
  it('every cached section diff equals one computed from scratch, for any pair of versions and now', async () => {
    const rng = new Prng(4711);
    const plan = await f.plan();
    const owned = (await plan.view('kommune')).sections
      .filter((s) => s.owners.includes(f.party('kommune')))
      .slice(0, 2);
    const clients = owned.map((s) => ({
      id: s.id,
      client: connectProvider(f.url, f.token('kommune'), `section:${s.id}`),
    }));
    await Promise.all(clients.map((c) => c.client.synced()));
    const versions: string[] = [];
    try {
      for (let round = 0; round < 5; round += 1) {
        for (const { client } of clients) {
          for (let i = rng.int(0, 3); i > 0; i -= 1) randomEdit(client.doc, rng);
          await waitFor(() => !client.provider.hasUnsyncedChanges);
        }
        // Stored, so the version (read from the server) holds these edits.
        for (const { id, client } of clients) {
          const text = readTextFromYDoc(client.doc);
          await waitFor(async () => (await storedSectionText(f.db, id)) === text);
        }
        const res = await command(f.url, f.token('sekretariat'), 'versions.create', {
          planId: plan.id,
          name: `Runde ${round}`,
        });
        expect(res.status).toBe(200);
        versions.push(res.body.id as string);
      }
    } finally {
      for (const { client } of clients) client.destroy();
    }
    const bodies = new Map<string, Map<string, unknown>>();
    for (const id of versions) {
      const version = await api<VersionView>(f.url, `/api/versions/${id}`, { token: f.token('bruker') });
      bodies.set(id, new Map(version.body.sections.map((s) => [s.id, s.json])));
    }
    const now = new Map<string, unknown>();
    for (const s of (await plan.view('bruker')).sections) {
      const content = await api<SectionContentView>(f.url, `/api/sections/${s.id}/content`, {
        token: f.token('bruker'),
      });
      now.set(s.id, content.body.json);
    }
    bodies.set('now', now);
    const sides = [...versions, 'now'];
    for (let query = 0; query < 24; query += 1) {
      const from = rng.pick(sides);
      const to = rng.pick(sides.filter((s) => s !== from));
      const res = await api<PlanCompareView>(f.url, `/api/plans/${plan.id}/compare?from=${from}&to=${to}`, {
        token: f.token('bruker'),
      });
      expect(res.status).toBe(200);
      for (const section of res.body.sections) {
        const before = (bodies.get(from)!.get(section.sectionId) ?? EMPTY) as TiptapJSON;
        const after = (bodies.get(to)!.get(section.sectionId) ?? EMPTY) as TiptapJSON;
        expect(section.diff, `${from} → ${to}, ${section.titleAfter ?? ''}`).toEqual(
          JSON.parse(JSON.stringify(diffBodies(before, after))),
        );
      }
    }
  });

  it('garbage query strings are refused with a Norwegian message, never a crash or a leak', async () => {
    const plan = await f.plan();
    const version = await command(f.url, f.token('sekretariat'), 'versions.create', { planId: plan.id, name: 'V' });
    const id = version.body.id as string;
    const token = f.token('bruker');
    const queries = [
      '',
      `from=${id}`,
      `from=${id}&to=${id}`,
      `from=${id}&from=now&to=now`,
      `from[]=${id}&to=now`,
      `from[a]=${id}&to=now`,
      `from=${id}&to=now&extra=1`,
      `from=${'x'.repeat(5000)}&to=now`,
      `from=%00&to=now`,
      `from=${id}&to=NOW`,
      `from=..%2F..%2Fetc&to=now`,
    ];
    for (const q of queries) {
      const res = await api<{ error?: { code: string; message: string } }>(
        f.url,
        `/api/plans/${plan.id}/compare?${q}`,
        { token },
      );
      expect([400, 404], q.slice(0, 60)).toContain(res.status);
      expect(res.body.error?.message, q.slice(0, 60)).toMatch(/[a-zæøå]/i);
    }
    for (const q of ['partyId=', `partyId=${'p'.repeat(500)}`, 'partyId[]=x', 'partyId=a&partyId=b', '']) {
      const sectionId = plan.sections[0]!.id;
      const res = await api(f.url, `/api/sections/${sectionId}/since-agreed?${q}`, { token });
      expect(res.status, q.slice(0, 40)).toBe(400);
    }
    // Still serving.
    expect((await api(f.url, `/api/plans/${plan.id}/compare?from=${id}&to=now`, { token })).status).toBe(200);
  });
});
