import type { Party } from '@fellesplan/domain';
import { useTranslation } from '../i18n/useTranslation.js';
import { PARTY_COLORS } from '@fellesplan/domain';

export function PartyBadge({ party }: { party: Party }) {
  const { t } = useTranslation();
  return (
    <span
      className="party-badge"
      style={{ '--party-color': PARTY_COLORS[party.kind] } as React.CSSProperties}
      title={t(`partyKind.${party.kind}`)}
      data-testid="section.owner"
    >
      {party.name}
    </span>
  );
}
