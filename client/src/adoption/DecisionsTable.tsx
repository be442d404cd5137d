import { Button, Table } from '@digdir/designsystemet-react';
import type { AdoptionRoundView, Party } from '@fellesplan/domain';
import { useTranslation } from '../i18n/useTranslation.js';
import { formatDate } from '../i18n/formatDate.js';
import { formatDateTime } from '../i18n/formatDateTime.js';

/** One round: a row per party that must adopt, with its decision or «Ikke registrert». */
export function DecisionsTable({
  round,
  parties,
  mayRecord,
  onRecord,
}: {
  round: AdoptionRoundView;
  parties: readonly Party[];
  /** Whether the reader may record this party's decision (its own people, or the sekretariat). */
  mayRecord: (partyId: string) => boolean;
  onRecord: (party: Party) => void;
}) {
  const { t } = useTranslation();
  const rows = round.parties.flatMap((id) => {
    const party = parties.find((p) => p.id === id);
    return party ? [party] : [];
  });
  return (
    <Table data-testid="adoption.decisions" data-round-id={round.id}>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('adoption.columnParty')}</Table.HeaderCell>
          <Table.HeaderCell>{t('adoption.columnOutcome')}</Table.HeaderCell>
          <Table.HeaderCell>{t('adoption.columnBody')}</Table.HeaderCell>
          <Table.HeaderCell>{t('adoption.columnDate')}</Table.HeaderCell>
          <Table.HeaderCell>{t('adoption.columnCaseNumber')}</Table.HeaderCell>
          <Table.HeaderCell>{t('adoption.columnNote')}</Table.HeaderCell>
          <Table.HeaderCell>{t('adoption.columnActions')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {rows.map((party) => {
          const decision = round.decisions.find((d) => d.partyId === party.id);
          return (
            <Table.Row key={party.id} data-testid="adoption.row" data-party-id={party.id}>
              <Table.Cell>{party.name}</Table.Cell>
              <Table.Cell data-testid="adoption.outcome">
                {decision ? t(`adoption.outcome.${decision.outcome}`) : t('adoption.notRecorded')}
              </Table.Cell>
              <Table.Cell>{decision?.body}</Table.Cell>
              <Table.Cell>{decision ? formatDate(decision.date) : ''}</Table.Cell>
              <Table.Cell>{decision?.caseNumber}</Table.Cell>
              <Table.Cell>
                {decision?.note}
                {decision && (
                  <span className="adoption-page__recorded">
                    {t('adoption.recordedBy', { name: decision.recordedBy, at: formatDateTime(decision.recordedAt) })}
                  </span>
                )}
              </Table.Cell>
              <Table.Cell>
                {mayRecord(party.id) && (
                  <Button
                    variant="secondary"
                    data-size="sm"
                    onClick={() => onRecord(party)}
                    aria-label={t(decision ? 'adoption.correctLabel' : 'adoption.recordLabel', { party: party.name })}
                    data-testid="adoption.record"
                  >
                    {t(decision ? 'adoption.correct' : 'adoption.record')}
                  </Button>
                )}
              </Table.Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table>
  );
}
