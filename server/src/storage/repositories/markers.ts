import { latestMarkers, type Marker, type Stance } from '@fellesplan/domain';
import type { Db } from '../database.js';

export interface MarkerRecord extends Marker {
  sectionId: string;
  userId: string;
  userName: string;
}

/** The latest marker per party for each of the given sections; of markers set in the same millisecond, the one stored last. */
export async function latestMarkersBySection(
  db: Db,
  sectionIds: readonly string[],
): Promise<Map<string, MarkerRecord[]>> {
  const result = new Map<string, MarkerRecord[]>();
  if (sectionIds.length === 0) return result;
  const rows = await db
    .selectFrom('markers')
    .innerJoin('users', 'users.id', 'markers.user_id')
    .select([
      'markers.section_id',
      'markers.party_id',
      'markers.user_id',
      'users.name as user_name',
      'markers.stance',
      'markers.note',
      'markers.revision',
      'markers.created_at',
    ])
    .where('markers.section_id', 'in', sectionIds)
    .orderBy('markers.created_at')
    .orderBy('markers.seq')
    .execute();
  const bySection = new Map<string, MarkerRecord[]>();
  for (const row of rows) {
    const list = bySection.get(row.section_id) ?? [];
    list.push({
      sectionId: row.section_id,
      partyId: row.party_id,
      userId: row.user_id,
      userName: row.user_name,
      stance: row.stance as Stance,
      note: row.note,
      revision: row.revision,
      at: row.created_at,
    });
    bySection.set(row.section_id, list);
  }
  for (const [sectionId, list] of bySection) result.set(sectionId, latestMarkers(list));
  return result;
}
