import type { MarkerChangeView, SectionCompareView } from '@fellesplan/domain';
import { formatList } from '../i18n/formatList.js';

type Translate = (key: string, values?: Record<string, unknown>) => string;
type PartyName = (partyId: string) => string;

/** What happened to a section besides its text: added, removed, renamed, moved, new owners. */
export function sectionChangeLabels(t: Translate, section: SectionCompareView, partyName: PartyName): string[] {
  const owners = (ids: readonly string[] | null) => formatList((ids ?? []).map(partyName));
  return [
    section.kind === 'added' ? t('compare.added') : null,
    section.kind === 'removed' ? t('compare.removed') : null,
    section.renamed ? t('compare.renamed', { title: section.titleBefore }) : null,
    // Positions count from 0; people count places from 1.
    section.moved && section.positionBefore !== null && section.positionAfter !== null
      ? t('compare.moved', { from: section.positionBefore + 1, to: section.positionAfter + 1 })
      : null,
    section.ownersChanged
      ? t('compare.owners', { before: owners(section.ownersBefore), after: owners(section.ownersAfter) })
      : null,
  ].filter((label): label is string => label !== null);
}

/** "Fastlegene: Enig (teksten endret) → Enig": one party's stance before and after. */
export function markerChangeText(t: Translate, change: MarkerChangeView, partyName: PartyName): string {
  const party = partyName(change.partyId);
  const stance = (marker: MarkerChangeView['before']) => {
    if (!marker) return t('compare.noMarker');
    const name = t(`consensus.stance.${marker.stance}`);
    return marker.stale ? t('compare.staleMarker', { stance: name }) : name;
  };
  const { before, after } = change;
  // The same stance set again (a re-confirmation) would otherwise read "Enig → Enig".
  if (before && after && before.stance === after.stance && before.stale === after.stale) {
    return t('compare.markerRenewed', { party, stance: stance(after) });
  }
  return t('compare.markerChange', { party, before: stance(before), after: stance(after) });
}
