import type { MarkerChangeView, MarkerView, SectionCompareView, VersionSectionView } from '@fellesplan/domain';
import { movedItems } from '@fellesplan/editor/compare';
import { diffRevisedBodies } from './bodyDiffs.js';

/**
 * Section by section, what differs between two states of a plan (each a version or the plan
 * now), matched by section id: added, removed, moved, renamed, owners, markers and text. Sections
 * come in the new order, a removed one where it used to be.
 */
export function comparePlanTexts(
  before: readonly VersionSectionView[],
  after: readonly VersionSectionView[],
): SectionCompareView[] {
  const old = new Map(before.map((s) => [s.id, s]));
  const now = new Map(after.map((s) => [s.id, s]));
  const moved = movedItems(
    before.map((s) => s.id),
    after.map((s) => s.id),
  );
  const order = after.map((s) => s.id);
  before.forEach((section, index) => {
    if (now.has(section.id)) return;
    const previous = before
      .slice(0, index)
      .reverse()
      .find((s) => order.includes(s.id));
    order.splice(previous ? order.indexOf(previous.id) + 1 : 0, 0, section.id);
  });
  return order.map((id) => compareSection(id, old.get(id) ?? null, now.get(id) ?? null, moved.has(id)));
}

function compareSection(
  sectionId: string,
  before: VersionSectionView | null,
  after: VersionSectionView | null,
  moved: boolean,
): SectionCompareView {
  const textUnknown = Boolean(before?.contentError || after?.contentError);
  const diff = diffRevisedBodies(
    before && !before.contentError ? before : null,
    after && !after.contentError ? after : null,
  );
  const ownersBefore = before ? [...before.owners].sort() : null;
  const ownersAfter = after ? [...after.owners].sort() : null;
  const ownersChanged = Boolean(before && after && ownersBefore!.join() !== ownersAfter!.join());
  const renamed = Boolean(before && after && before.title !== after.title);
  const markerChanges = compareMarkers(before?.markers ?? [], after?.markers ?? []);
  const kind = !before
    ? 'added'
    : !after
      ? 'removed'
      : diff.changed || renamed || moved || ownersChanged || markerChanges.length > 0 || textUnknown
        ? 'changed'
        : 'unchanged';
  return {
    sectionId,
    kind,
    titleBefore: before?.title ?? null,
    titleAfter: after?.title ?? null,
    renamed,
    moved,
    positionBefore: before ? before.position : null,
    positionAfter: after ? after.position : null,
    ownersBefore,
    ownersAfter,
    ownersChanged,
    markerChanges,
    diff,
    ...(textUnknown ? { textUnknown } : {}),
  };
}

function compareMarkers(before: readonly MarkerView[], after: readonly MarkerView[]): MarkerChangeView[] {
  const parties = [...new Set([...before, ...after].map((m) => m.partyId))];
  const changes: MarkerChangeView[] = [];
  for (const partyId of parties) {
    const old = before.find((m) => m.partyId === partyId) ?? null;
    const now = after.find((m) => m.partyId === partyId) ?? null;
    if (old && now && old.stance === now.stance && old.stale === now.stale && old.at === now.at) continue;
    changes.push({
      partyId,
      before: old && { stance: old.stance, stale: old.stale },
      after: now && { stance: now.stance, stale: now.stale },
    });
  }
  return changes;
}
