import { Tooltip } from '@digdir/designsystemet-react';
import type { MarkerView, Party, SectionView } from '@fellesplan/domain';
import { useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { PARTY_COLORS } from '@fellesplan/domain';
import { SinceAgreedDialog } from '../compare/SinceAgreedDialog.js';
import { useSession } from '../session/SessionContext.js';
import { formatDateTime } from '../i18n/formatDateTime.js';

/** One chip per required party: its stance, whether the text changed since, who set it and when. */
export function ConsensusBar({ section, parties }: { section: SectionView; parties: readonly Party[] }) {
  const { t } = useTranslation();
  const { user } = useSession();
  // Kept here, not in the chip: the chip stops being stale when the party re-confirms, and the
  // dialog must stay open to say so.
  const [comparing, setComparing] = useState<Party | null>(null);
  const required = parties.filter((p) => section.requiredParties.includes(p.id));
  // The reasons behind reservations and disagreements are what the sekretariat acts on: shown
  // in full under the chips, not only in a tooltip.
  const notes = required.flatMap((party) => {
    const marker = section.markers.find((m) => m.partyId === party.id);
    return marker?.note ? [{ party, marker, note: marker.note }] : [];
  });
  return (
    <div className="consensus" data-testid="section.consensus">
      <span className="consensus__label" id={`consensus-${section.id}`}>
        {t('consensus.label')}:
      </span>
      <ul className="consensus__list" aria-labelledby={`consensus-${section.id}`}>
        {required.map((party) => (
          <ConsensusChip
            key={party.id}
            party={party}
            marker={section.markers.find((m) => m.partyId === party.id)}
            onCompare={() => setComparing(party)}
          />
        ))}
      </ul>
      {notes.length > 0 && (
        <ul className="consensus__notes" aria-label={t('consensus.notes')}>
          {notes.map(({ party, marker, note }) => (
            <li
              key={party.id}
              className={`consensus__note consensus__note--${marker.stance}`}
              data-testid="consensus.note"
              data-party-id={party.id}
              data-stale={marker.stale}
            >
              <strong>
                {party.name}, {t(`consensus.stance.${marker.stance}`).toLowerCase()}
                {marker.stale && <> ({t('consensus.staleShort')})</>}:
              </strong>{' '}
              <q>{note}</q>
            </li>
          ))}
        </ul>
      )}
      {comparing && (
        <SinceAgreedDialog
          sectionId={section.id}
          party={comparing}
          mayReconfirm={user?.partyId === comparing.id && !section.locked}
          onClose={() => setComparing(null)}
        />
      )}
    </div>
  );
}

function ConsensusChip({
  party,
  marker,
  onCompare,
}: {
  party: Party;
  marker: MarkerView | undefined;
  onCompare: () => void;
}) {
  const { t } = useTranslation();
  const stance = marker ? t(`consensus.stance.${marker.stance}`) : t('consensus.waiting');
  const details = marker
    ? [
        marker.stale
          ? t(marker.stance === 'agree' ? 'consensus.stale' : 'consensus.staleOther', { party: party.name })
          : null,
        t('consensus.setBy', { stance, name: marker.by.name, when: formatDateTime(marker.at) }),
        marker.note ? t('consensus.noteLabel', { note: marker.note }) : null,
      ]
        .filter(Boolean)
        .join('. ')
    : `${party.name}: ${stance}`;
  const state = !marker ? 'waiting' : marker.stale ? 'stale' : marker.stance;
  return (
    <li>
      <Tooltip content={details}>
        {/* Focusable so keyboard users get the same details as a mouse hover. */}
        <span
          className={`consensus-chip consensus-chip--${state}`}
          style={{ '--party-color': PARTY_COLORS[party.kind] } as React.CSSProperties}
          tabIndex={0}
          data-testid="consensus.chip"
          data-party-id={party.id}
          data-stance={marker?.stance ?? 'none'}
          data-stale={marker?.stale ?? false}
        >
          <span className="consensus-chip__party">{party.name}</span>
          <span className="consensus-chip__stance">
            {stance}
            {marker?.stale && <> ({t('consensus.staleShort')})</>}
          </span>
        </span>
      </Tooltip>
      {marker?.stale && (
        <button
          type="button"
          className="consensus-chip__compare"
          onClick={onCompare}
          aria-label={t('sinceAgreed.openFor', { party: party.name })}
          data-testid="consensus.sinceAgreed"
          data-party-id={party.id}
        >
          {t('sinceAgreed.open')}
        </button>
      )}
    </li>
  );
}
