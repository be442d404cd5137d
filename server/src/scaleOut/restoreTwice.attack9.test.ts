import { sectionDocumentName, type PlanView, type SessionView } from '@fellesplan/domain';
import { readTextFromYDoc } from '@fellesplan/editor';
import { describe, expect, it, onTestFailed } from 'vitest';
import * as Y from 'yjs';
import {
  api,
  appendParagraph,
  command,
  connectProvider,
  demoLogin,
  Prng,
  spawnCluster,
  waitFor,
  type TestProvider,
  storedDocumentAt,
} from '../testing/index.js';

// Adversary round 9 (issue 14): one restore through A and one through B at once. Each replaces the
// text in its own instance's live copy; on one instance both would share one copy.
const clustered = Boolean(process.env.DATABASE_URL);
// Rounds of stances and locks by the same people: the races are under test, not the rate limits.
const unlimitedCommands = { COMMANDS_PER_USER_PER_MINUTE: '1000000', COMMANDS_PER_PLAN_PER_MINUTE: '1000000' };
const SEED = Number(process.env.ATTACK9_SEED ?? 914_2026);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!clustered)('adversary 9: two restores at once through both instances', () => {
  it(`restoring one version through A and B at once leaves exactly the version's text, stored and shown (seed ${SEED})`, async () => {
    const random = new Prng(SEED);
    const cluster = await spawnCluster(2, { env: unlimitedCommands });
    onTestFailed(() => console.log(cluster.instances.map((i) => i.output().slice(-3000)).join('\n=====\n')));
    const clients: TestProvider[] = [];
    try {
      const [a, b] = cluster.instances.map((instance) => instance.url) as [string, string];
      const people = new Map<string, SessionView>();
      for (const email of ['kommune@demo.no', 'sekretariat@demo.no']) people.set(email, await demoLogin(a, email));
      const token = (email: string) => people.get(email)?.token ?? '';
      const plans = await api<{ id: string }[]>(a, '/api/plans', { token: token('kommune@demo.no') });
      const plan = (await api<PlanView>(a, `/api/plans/${plans.body[0]?.id}`, { token: token('kommune@demo.no') }))
        .body;
      const kommune = people.get('kommune@demo.no')?.user.partyId ?? '';
      const section = plan.sections.find((s) => s.owners.includes(kommune) && !s.empty);
      if (!section) throw new Error('no kommune-owned section with text');
      const name = sectionDocumentName(section.id);
      const readers = [a, b].map((url) => connectProvider(url, token('kommune@demo.no'), name));
      clients.push(...readers);
      await Promise.all(readers.map((r) => r.synced(15_000)));
      const versionText = readTextFromYDoc(readers[0]?.doc ?? new Y.Doc());
      const version = await command(a, token('sekretariat@demo.no'), 'versions.create', {
        planId: plan.id,
        name: 'Utgangspunkt',
      });
      expect(version.status).toBe(200);
      const problems: string[] = [];
      const outcomes: string[] = [];
      for (let round = 0; round < 10 && problems.length === 0; round++) {
        const writer = random.pick(readers);
        const line = `Runde ${round}: tekst som skal bort igjen.`;
        appendParagraph(writer.doc, line);
        await waitFor(() => !writer.provider.hasUnsyncedChanges);
        await waitFor(() => readers.every((r) => readTextFromYDoc(r.doc).includes(line)));
        const restore = (url: string) =>
          command(url, token('kommune@demo.no'), 'sections.restore', {
            sectionId: section.id,
            versionId: version.body.id,
          });
        const gap = random.int(0, 20);
        const replies = await Promise.all([restore(a), sleep(gap).then(() => restore(b))]);
        outcomes.push(replies.map((r) => r.status).join('/'));
        await sleep(500);
        const stored = await storedDocumentAt(cluster.database.url ?? '', name);
        const storedText = readTextFromYDoc(stored);
        if (storedText !== versionText) {
          problems.push(
            `round ${round} (gap ${gap} ms, answers ${outcomes.at(-1)}): stored text is ${storedText.length} characters, the version's ${versionText.length}`,
          );
        }
        for (const [i, reader] of readers.entries()) {
          if (readTextFromYDoc(reader.doc) !== storedText)
            problems.push(`round ${round}: reader on ${'AB'[i]} differs`);
        }
      }
      expect(problems, outcomes.join(' ')).toEqual([]);
    } finally {
      for (const client of clients) client.destroy();
      await cluster.close();
    }
  }, 90_000);
});
