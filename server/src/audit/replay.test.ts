import { describe, expect, it } from 'vitest';
import type { AuditEventRow } from '../storage/schema.js';
import { compareWithTables, replayLog, type MarkerRow } from './replay.js';

const event = (id: number, type: string, payload: Record<string, unknown>): AuditEventRow => ({
  id,
  plan_id: 'p',
  seq: id,
  type,
  actor_user_id: 'u1',
  actor_party_id: 'kommune',
  section_id: 's1',
  payload: JSON.stringify(payload),
  at: `2026-01-0${id}T00:00:00.000Z`,
  prev_hash: '',
  hash: '',
});

const marker = (overrides: Partial<MarkerRow> = {}): MarkerRow => ({
  id: 'm1',
  section_id: 's1',
  party_id: 'kommune',
  user_id: 'u1',
  stance: 'agree',
  note: null,
  revision: 'r1',
  created_at: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

describe('replaying the decision log', () => {
  it('[A4] events from before markers were logged by id still verify', () => {
    const legacy = replayLog([event(1, 'section.marked', { stance: 'agree', note: null, revision: 'r1' })]);
    expect(compareWithTables(legacy, [{ id: 's1', locked: 0 }], [marker()])).toBeNull();
    expect(compareWithTables(legacy, [{ id: 's1', locked: 0 }], [marker({ revision: 'r2' })])).toMatchObject({
      reason: 'marker_mismatch',
      brokenAt: 1,
    });
  });

  it('[A4] comment texts are compared where the log knows them; older events without texts are skipped', () => {
    const state = replayLog([
      event(1, 'thread.created', { threadId: 't', commentId: 'c-old' }),
      event(2, 'thread.replied', { threadId: 't', commentId: 'c1', body: 'Ja' }),
      event(3, 'comment.edited', { threadId: 't', commentId: 'c1', previousBody: 'Ja', body: 'Nei' }),
      event(4, 'thread.replied', { threadId: 't', commentId: 'c2', body: 'Kanskje' }),
      event(5, 'comment.deleted', { threadId: 't', commentId: 'c2', previousBody: 'Kanskje' }),
    ]);
    const comment = (id: string, body: string, deleted = false) => ({
      id,
      section_id: 's1',
      body,
      deleted_at: deleted ? '2026-01-06T00:00:00.000Z' : null,
    });
    const sections = [{ id: 's1', locked: 0 }];
    const rows = [comment('c-old', 'hva som helst'), comment('c1', 'Nei'), comment('c2', '', true)];
    expect(compareWithTables(state, sections, [], rows)).toBeNull();
    expect(compareWithTables(state, sections, [], [comment('c1', 'Ja')])).toMatchObject({
      reason: 'comment_mismatch',
      brokenAt: 3,
      commentId: 'c1',
    });
    expect(compareWithTables(state, sections, [], [comment('c2', 'Kanskje')])).toMatchObject({ brokenAt: 5 });
    expect(compareWithTables(state, sections, [], [comment('c3', 'Uten hendelse')])).toMatchObject({
      brokenAt: null,
    });
  });

  it('[A4] the latest event per party counts, and lock then unlock leaves the section unlocked', () => {
    const state = replayLog([
      event(1, 'section.marked', { stance: 'disagree', note: 'Nei', revision: 'r1', markerId: 'm0' }),
      event(2, 'section.marked', { stance: 'agree', note: null, revision: 'r1', markerId: 'm1' }),
      event(3, 'section.locked', { revision: 'r1' }),
      event(4, 'section.unlocked', { reason: 'Ny høring', revision: 'r1' }),
    ]);
    const rows = [
      marker({ id: 'm0', stance: 'disagree', note: 'Nei' }),
      marker({ created_at: '2026-01-02T00:00:00.000Z' }),
    ];
    expect(compareWithTables(state, [{ id: 's1', locked: 0 }], rows)).toBeNull();
    expect(compareWithTables(state, [{ id: 's1', locked: 1 }], rows)).toMatchObject({
      reason: 'lock_mismatch',
      brokenAt: 4,
    });
  });
});
