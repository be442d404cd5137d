import { describe, expect, it } from 'vitest';
import { writerThreadReady } from '../storage/documentStore.js';
import { sqliteFileOf } from '../storage/database.js';
import {
  appendParagraph,
  command,
  connectProvider,
  storedSectionText,
  useFixture,
  waitFor,
  type TestProvider,
} from '../testing/index.js';

const f = useFixture();
const LOCKED_TITLE = 'Samarbeidsstruktur og organisering';
const CYCLES = 6;
const WRITERS = 3;

describe('writers on the SQLite writer thread while commands commit on the main connection (attack 11)', () => {
  it('marks, locks and unlocks answer 200 and every typed paragraph is stored, with no SQLITE_BUSY either side', async () => {
    // Both connections in play: the thread's for the edits, the server's for the commands.
    if (sqliteFileOf(f.db)) await writerThreadReady();
    const plan = await f.plan();
    const lockedId = plan.section(LOCKED_TITLE).id;
    const view = await plan.view('kommune');
    const typed = view.sections.find((s) => s.id !== lockedId && s.owners.includes(f.party('kommune')));
    if (!typed) throw new Error('no other section of kommune');
    const writers: TestProvider[] = [];
    for (let i = 0; i < WRITERS; i++) writers.push(connectProvider(f.url, f.token('kommune'), `section:${typed.id}`));
    await Promise.all(writers.map((w) => w.synced()));

    let typing = true;
    let paragraphs = 0;
    // Each writer adds a paragraph per turn of the event loop while the commands run.
    const typers = writers.map(async (writer, index) => {
      for (let n = 0; typing; n++) {
        appendParagraph(writer.doc, `Skriver ${index} avsnitt ${n}.`);
        paragraphs += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    });
    const statuses: number[] = [];
    try {
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        const agreed = await plan.agreeAll(LOCKED_TITLE);
        statuses.push(...agreed.replies.map((r) => r.status));
        const lock = await command(f.url, f.token('sekretariat'), 'sections.lock', { sectionId: lockedId });
        statuses.push(lock.status);
        const unlock = await command(f.url, f.token('sekretariat'), 'sections.unlock', {
          sectionId: lockedId,
          reason: 'Test.',
        });
        statuses.push(unlock.status);
      }
    } finally {
      typing = false;
      await Promise.all(typers);
    }
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(paragraphs).toBeGreaterThan(0);
    // Every writer's last paragraph reaches storage: none of their edits failed to commit.
    await waitFor(() => writers.every((w) => !w.provider.hasUnsyncedChanges), { timeout: 30_000 });
    const stored = await storedSectionText(f.db, typed.id);
    for (const writer of writers) {
      const text = writer.doc.getXmlFragment('content').toString();
      const last = /Skriver \d+ avsnitt \d+\./g;
      const mine = text.match(last) ?? [];
      for (const line of mine) expect(stored).toContain(line);
    }
    writers.forEach((w) => w.destroy());
  }, 120_000);
});
