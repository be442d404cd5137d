import { awaitsParty, currentMarkers, type SectionView } from '@fellesplan/domain';

/** The ways a party looks at the plan: everything, or only what asks something of it. */
export const SECTION_VIEWS = ['all', 'ours', 'needsUs', 'disputed'] as const;
export type SectionViewName = (typeof SECTION_VIEWS)[number];

/** Does the section belong in the view, for a person of this party? */
export function inView(view: SectionViewName, section: SectionView, partyId: string): boolean {
  switch (view) {
    case 'all':
      return true;
    case 'ours':
      return section.owners.includes(partyId);
    case 'needsUs':
      return awaitsParty(partyId, section);
    case 'disputed':
      // Only stances that still count: a disagreement about text since changed is no longer one.
      return currentMarkers(section).some((m) => m.stance === 'disagree' || m.stance === 'reservation');
  }
}

export function viewCounts(sections: readonly SectionView[], partyId: string): Record<SectionViewName, number> {
  const counts = { all: 0, ours: 0, needsUs: 0, disputed: 0 };
  for (const section of sections)
    for (const view of SECTION_VIEWS) if (inView(view, section, partyId)) counts[view] += 1;
  return counts;
}

export function isSectionView(value: string | null): value is SectionViewName {
  return (SECTION_VIEWS as readonly string[]).includes(value ?? '');
}
