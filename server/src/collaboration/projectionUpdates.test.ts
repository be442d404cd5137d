import { readProjection } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { command, connectProvider, insertThreads, useFixture, waitFor } from '../testing/index.js';

const f = useFixture();

const COMMENT = 10_000;
const EXISTING = 400;
const SENT = 50;

const commentCount = (doc: Y.Doc) =>
  readProjection(doc)?.threads.reduce((sum, thread) => sum + thread.comments.length, 0) ?? 0;

describe('the plan projection sends what changed', () => {
  it(`[T7] one ${COMMENT}-character comment costs an observer an update of that order, not of every thread`, async () => {
    const plan = await f.plan();
    const sectionId = plan.section('Barn og unge').id;
    const token = f.token('helseforetak');
    const [first] = await insertThreads(f.db, {
      planId: plan.id,
      sectionId,
      authorId: f.user('kommune').id,
      partyId: f.party('kommune'),
      threads: EXISTING,
      body: 'k'.repeat(COMMENT),
    });
    const observer = connectProvider(f.url, token, plan.documentName);
    await observer.synced();
    await waitFor(() => commentCount(observer.doc) === EXISTING, { timeout: 30_000 });

    let received = 0;
    observer.doc.on('update', (update: Uint8Array) => (received += update.byteLength));
    const perComment: number[] = [];
    let own = '';
    for (let n = 0; n < SENT; n++) {
      const before = received;
      const body = String(n % 10).repeat(COMMENT);
      const res =
        n % 2 === 0
          ? await command(f.url, token, 'threads.create', { sectionId, body })
          : await command(f.url, token, 'threads.reply', { threadId: first, body });
      expect(res.status).toBe(200);
      own = String(res.body.commentId ?? res.body.id);
      await waitFor(() => commentCount(observer.doc) === EXISTING + n + 1, { timeout: 30_000 });
      perComment.push(received - before);
    }
    // Editing one comment sends that comment again, nothing else.
    const before = received;
    const edited = 'e'.repeat(COMMENT);
    expect((await command(f.url, token, 'comments.edit', { commentId: own, body: edited })).status).toBe(200);
    await waitFor(() => readProjection(observer.doc)?.threads.some((t) => t.comments.some((c) => c.body === edited)), {
      timeout: 30_000,
    });
    perComment.push(received - before);
    const mean = perComment.reduce((a, b) => a + b, 0) / perComment.length;
    console.info(
      `[T7] bytes an observer received per comment: mean ${Math.round(mean)}, max ${Math.max(...perComment)}`,
    );
    expect(Math.max(...perComment)).toBeLessThan(3 * COMMENT);
    observer.destroy();
  }, 600_000);
});
