import { Alert, Heading, Skeleton } from '@digdir/designsystemet-react';
import {
  sectionDocumentName,
  sectionEditRefusal,
  type Actor,
  type PlanView,
  type SectionView,
} from '@fellesplan/domain';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCollabDocument } from '../collab/CollabContext.js';
import { formatList } from '../i18n/formatList.js';
import { SectionEditor, type EditorUser } from '../editor/SectionEditor.js';
import { usePresence } from '../editor/usePresence.js';
import { ConsensusBar } from './ConsensusBar.js';
import { LockControls } from './LockControls.js';
import { MarkControls } from './MarkControls.js';
import { PartyBadge } from './PartyBadge.js';
import { PresenceList } from './PresenceList.js';
import { StatusTag } from './StatusTag.js';
import { useNearViewport } from './useNearViewport.js';

interface SectionProps {
  plan: PlanView;
  section: SectionView;
  number: number;
  actor: Actor;
  user: EditorUser;
}

export function SectionCard(props: SectionProps) {
  const { t } = useTranslation();
  const { plan, section, number } = props;
  const ref = useRef<HTMLElement>(null);
  const near = useNearViewport(ref);
  const owners = plan.parties.filter((p) => section.owners.includes(p.id));
  const headingId = `section-title-${section.id}`;
  return (
    <section
      ref={ref}
      id={`section-${section.id}`}
      className="section-card"
      aria-labelledby={headingId}
      data-testid="plan.section"
      data-section-id={section.id}
      data-status={section.status}
    >
      <header className="section-card__header">
        <Heading level={2} data-size="sm" id={headingId} className="section-card__title">
          <span className="section-card__number">{number}</span> {section.title}
        </Heading>
        <StatusTag status={section.status} />
      </header>
      <div className="section-card__owners">
        <span className="section-card__owners-label">{t('plan.owners')}:</span>
        {owners.map((party) => (
          <PartyBadge key={party.id} party={party} />
        ))}
      </div>
      <ConsensusBar section={section} parties={plan.parties} />
      <div className="section-card__governance">
        {section.requiredParties.includes(props.actor.partyId) && !section.locked && (
          <MarkControls section={section} myPartyId={props.actor.partyId} />
        )}
        {plan.parties.some((p) => p.id === props.actor.partyId && p.kind === 'sekretariat') && (
          <LockControls section={section} />
        )}
      </div>
      {near ? <LiveSection {...props} /> : <Skeleton height="6rem" aria-label={t('plan.loadingSection')} />}
    </section>
  );
}

function LiveSection({ plan, section, actor, user }: SectionProps) {
  const { t } = useTranslation();
  const collab = useCollabDocument(sectionDocumentName(section.id));
  const presence = usePresence(collab?.provider);
  const refusal = sectionEditRefusal(
    actor,
    { id: section.id, planId: plan.id, owners: section.owners, locked: section.locked },
    { id: plan.id, partyIds: plan.parties.map((p) => p.id) },
  );
  const ownerNames = plan.parties.filter((p) => section.owners.includes(p.id)).map((p) => p.name);
  const notice =
    refusal === 'locked'
      ? t('plan.readOnlyLocked')
      : refusal === 'not_owner'
        ? t('plan.readOnlyOwners', { owners: formatList(ownerNames) })
        : null;

  return (
    <>
      <PresenceList users={presence} />
      {notice && (
        <Alert data-color="info" data-size="sm" className="section-card__notice" data-testid="section.readonly-notice">
          {notice}
        </Alert>
      )}
      {collab ? (
        <SectionEditor
          collab={collab}
          mayEdit={refusal === null}
          label={t('plan.editorLabel', { title: section.title })}
          user={user}
        />
      ) : (
        <Skeleton height="6rem" aria-label={t('plan.loadingSection')} />
      )}
    </>
  );
}
