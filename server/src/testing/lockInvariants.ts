import { deriveSectionStatus, type Marker, type Stance } from '@fellesplan/domain';

/** What the decision log says happened to one section, in `seq` order. */
export interface LoggedEvent {
  seq: number;
  type: string;
  partyId: string;
  payload: { stance?: string; note?: string | null; revision?: string };
  at: string;
}

/**
 * The lock rules checked against the decision log of one section, replayed in its total order
 * (`seq`), plus the section's revision now. Returns what was broken, in words; empty if nothing.
 *
 * - [L1] A lock commits only in consensus on the revision it records: when it commits, every
 *   required party's latest marker (by the log) is on that revision and together they make
 *   consensus.
 * - [L1] No marker is set while the section is locked.
 * - [L2] No update is applied while locked: the revision the unlock records (or the revision
 *   now, if still locked) is the revision the lock recorded.
 */
export function lockViolations(
  events: readonly LoggedEvent[],
  requiredParties: readonly string[],
  currentRevision: string,
): string[] {
  const violations: string[] = [];
  const latest = new Map<string, Marker>();
  let lock: { seq: number; revision: string } | null = null;
  for (const event of events) {
    const revision = event.payload.revision ?? '';
    if (event.type === 'section.marked') {
      if (lock) violations.push(`[L1] a marker (seq ${event.seq}) was set while locked (since seq ${lock.seq})`);
      latest.set(event.partyId, {
        partyId: event.partyId,
        stance: event.payload.stance as Stance,
        note: event.payload.note ?? null,
        revision,
        at: event.at,
      });
    } else if (event.type === 'section.locked') {
      if (lock) violations.push(`[L1] locked again (seq ${event.seq}) while locked since seq ${lock.seq}`);
      const markers = [...latest.values()];
      const status = deriveSectionStatus({ locked: false, requiredParties, markers, revision });
      if (status !== 'consensus') {
        const stances = markers.map((m) => `${m.stance}@${m.revision.slice(0, 8)}`).join(', ');
        violations.push(
          `[L1] the lock (seq ${event.seq}) committed on revision ${revision.slice(0, 8)} in status ${status} (latest markers: ${stances})`,
        );
      }
      lock = { seq: event.seq, revision };
    } else if (event.type === 'section.unlocked') {
      if (!lock) violations.push(`[L1] unlocked (seq ${event.seq}) while not locked`);
      else if (revision !== lock.revision)
        violations.push(
          `[L2] the text changed while locked: locked (seq ${lock.seq}) on ${lock.revision.slice(0, 8)}, unlocked (seq ${event.seq}) on ${revision.slice(0, 8)}`,
        );
      lock = null;
    }
  }
  if (lock && lock.revision !== currentRevision)
    violations.push(
      `[L2] the text changed while locked: locked (seq ${lock.seq}) on ${lock.revision.slice(0, 8)}, still locked on ${currentRevision.slice(0, 8)}`,
    );
  return violations;
}
