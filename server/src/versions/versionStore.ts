import { randomUUID } from 'node:crypto';
import {
  DomainError,
  isBlankText,
  type PlanView,
  type SectionContentView,
  type VersionKind,
  type VersionSectionView,
  type VersionSummaryView,
  type VersionView,
} from '@fellesplan/domain';
import type { Actor } from '@fellesplan/domain';
import type { SectionContentState } from '../content/sectionContent.js';
import { loadPlanView } from '../queries/planView.js';
import type { AppContext } from '../routes/context.js';
import type { Db } from '../storage/database.js';
import { loadSectionText, storeSectionText } from './sectionTexts.js';

/** A plan as it is now: its view and every readable section's body, read outside any transaction. */
export interface PlanSnapshot {
  view: PlanView;
  bodies: Map<string, SectionContentView>;
}

/** The plan with its bodies, as `GET /api/versions/:id` shows a version but for the text as it is now. */
export type PlanTextsView = Omit<VersionView, 'version'>;

/**
 * Reads the plan and its section bodies as one moment: each section's revision, status and
 * marker staleness are derived from the very body kept, never from a second read that an edit
 * may have overtaken (which would keep a marker as current on a text it was not set on, and
 * cache a comparison under a revision that names another text). Bodies are read before the
 * transaction that stores a version: on SQLite a read outside the transaction would wait for it.
 * A body that cannot be read is left out; its section keeps `contentError` and shows as unreadable.
 */
export async function readPlanSnapshot(ctx: AppContext, planId: string): Promise<PlanSnapshot> {
  const bodies = new Map<string, SectionContentView>();
  const view = await loadPlanView(ctx.db, { state: (sectionId) => keptState(ctx, sectionId, bodies) }, planId);
  if (!view) throw new DomainError('not_found');
  return { view, bodies };
}

async function keptState(
  ctx: AppContext,
  sectionId: string,
  bodies: Map<string, SectionContentView>,
): Promise<SectionContentState> {
  try {
    const body = await ctx.content.view(sectionId);
    bodies.set(sectionId, body);
    return { revision: body.revision, unreadable: false, empty: isBlankText(body.text) };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return ctx.content.state(sectionId);
  }
}

/** The snapshot with one section shown locked: what a lock's version holds once the lock commits. */
export function lockedIn(snapshot: PlanSnapshot, sectionId: string): PlanSnapshot {
  const sections = snapshot.view.sections.map((s) =>
    s.id === sectionId ? { ...s, locked: true, status: 'locked' as const } : s,
  );
  return { ...snapshot, view: { ...snapshot.view, sections } };
}

export interface VersionMeta {
  name: string;
  kind: VersionKind;
  sectionId?: string | null;
  actor: Pick<Actor, 'userId' | 'partyId'>;
  at: string;
}

/**
 * The reusable step of publishing a version (named, at a lock, for a hearing): stores the plan as
 * the snapshot shows it, and each body by its revision. The snapshot's sections hold the revision
 * their body was read at, so what a version names is exactly what it keeps.
 */
export async function storeVersion(db: Db, snapshot: PlanSnapshot, meta: VersionMeta): Promise<string> {
  const id = randomUUID();
  const sections = snapshot.view.sections.map((section) => {
    const body = snapshot.bodies.get(section.id);
    return body ? { ...section, revision: body.revision } : section;
  });
  for (const [sectionId, body] of snapshot.bodies) await storeSectionText(db, sectionId, body, meta.at);
  await db
    .insertInto('versions')
    .values({
      id,
      plan_id: snapshot.view.id,
      name: meta.name,
      kind: meta.kind,
      section_id: meta.sectionId ?? null,
      created_by: meta.actor.userId,
      created_party: meta.actor.partyId,
      created_at: meta.at,
      snapshot: JSON.stringify({ ...snapshot.view, sections }),
    })
    .execute();
  return id;
}

/** Versions of a plan, newest first. */
export async function listVersions(db: Db, planId: string): Promise<VersionSummaryView[]> {
  const rows = await db
    .selectFrom('versions')
    .leftJoin('users', 'users.id', 'versions.created_by')
    .select([
      'versions.id',
      'versions.name',
      'versions.kind',
      'versions.section_id',
      'versions.created_at',
      'versions.created_by',
      'versions.created_party',
      'users.name as user_name',
    ])
    .where('versions.plan_id', '=', planId)
    .orderBy('versions.created_at', 'desc')
    .orderBy('versions.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    at: row.created_at,
    kind: row.kind as VersionKind,
    sectionId: row.section_id,
    by: { userId: row.created_by, name: row.user_name ?? '', partyId: row.created_party },
  }));
}

/** The plan id a version belongs to, or null if there is no such version. */
export async function versionPlanId(db: Db, versionId: string): Promise<string | null> {
  const row = await db.selectFrom('versions').select('plan_id').where('id', '=', versionId).executeTakeFirst();
  return row?.plan_id ?? null;
}

/** A version as stored, with every section's body; null if there is no such version. */
export async function loadVersionView(db: Db, versionId: string): Promise<VersionView | null> {
  const row = await db.selectFrom('versions').selectAll().where('id', '=', versionId).executeTakeFirst();
  if (!row) return null;
  const plan = JSON.parse(row.snapshot) as PlanView;
  const summary = (await listVersions(db, row.plan_id)).find((v) => v.id === versionId);
  if (!summary) return null;
  const sections: VersionSectionView[] = [];
  for (const section of plan.sections) {
    const body = section.contentError ? null : await loadSectionText(db, section.id, section.revision);
    sections.push(withBody(section, body));
  }
  return { ...plan, version: summary, sections };
}

/** The plan now in the shape of a version: what a comparison with "now" compares against. */
export async function loadCurrentTexts(ctx: AppContext, planId: string): Promise<PlanTextsView> {
  const { view, bodies } = await readPlanSnapshot(ctx, planId);
  return { ...view, sections: view.sections.map((s) => withBody(s, bodies.get(s.id) ?? null)) };
}

function withBody(section: PlanView['sections'][number], body: SectionContentView | null): VersionSectionView {
  if (!body) return { ...section, contentError: 'unreadable', json: null, text: '' };
  return { ...section, json: body.json, text: body.text };
}
