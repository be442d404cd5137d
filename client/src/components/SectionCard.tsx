import { Alert, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import {
  lockRefusal,
  markRefusal,
  planParties,
  unlockRefusal,
  type Actor,
  type PlanProjection,
  type SectionView,
  type ThreadView,
} from '@fellesplan/domain';
import { LinkIcon } from '@navikt/aksel-icons';
import { memo, useRef } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { Link } from 'react-router-dom';
import type { EditorUser } from '../editor/SectionEditor.js';
import { StaticBody } from '../editor/StaticBody.js';
import { SectionPlaceholder } from './SectionPlaceholder.js';
import type { StoredBody } from '../plan/usePlanBodies.js';
import type { PlanVisitor } from '../plan/usePlanPresence.js';
import { ConsensusBar } from './ConsensusBar.js';
import { LockControls } from './LockControls.js';
import { MarkControls } from './MarkControls.js';
import { PartyBadge } from './PartyBadge.js';
import { StatusTag } from './StatusTag.js';
import { sameSectionProps } from './sameSectionProps.js';
import { useLiveSection } from './liveSectionModule.js';
import { useNearViewport } from './useNearViewport.js';

/** What a section needs of its plan: a card re-renders only when one of these changes. */
export type SectionPlan = Pick<PlanProjection, 'id' | 'parties' | 'members'>;

export interface SectionProps {
  plan: SectionPlan;
  section: SectionView;
  number: number;
  actor: Actor;
  user: EditorUser;
  /** The section's threads that the current filter shows. */
  threads: readonly ThreadView[];
  openThreads: number;
  /** The plan is archived: everything can be read, nothing changed. */
  archived?: boolean;
  /** The section's stored text, shown until its live editor has synced. */
  storedBody?: StoredBody | undefined;
  /** Told when the live editor shows (and stops showing) this section's synced text. */
  onLive?: (sectionId: string, live: boolean) => void;
  /** A thread a link pointed at: shown, made active and focused when it is in this section. */
  focusThread?: { id: string; seq: string } | null;
  /** The people in this section now (their caret is here, or they are reading it). */
  visitors?: readonly PlanVisitor[];
}

/** One section of the plan page; memoised, as the page re-renders on every change anywhere in the plan. */
export const SectionCard = memo(function SectionCard(props: SectionProps) {
  const { t } = useTranslation();
  const { plan, section, number } = props;
  const ref = useRef<HTMLElement>(null);
  const near = useNearViewport(ref);
  // The live part (editor, carets, threads): its script is the editor's, loaded late.
  const LiveSection = useLiveSection(near);
  const owners = plan.parties.filter((p) => section.owners.includes(p.id));
  // The same policies the server enforces decide what this person is offered.
  const policyPlan = planParties(plan);
  const governed = { ...section, planId: plan.id };
  // An archived plan is read-only for everyone; the server refuses every change to it.
  const markRefused = markRefusal(props.actor, governed, policyPlan);
  const mayMark = !props.archived && markRefused === null;
  const mayLock = !props.archived && lockRefusal(props.actor, governed, policyPlan) === null;
  const mayUnlock = !props.archived && unlockRefusal(props.actor, governed, policyPlan) === null;
  const headingId = `section-title-${section.id}`;
  const staticBody = props.storedBody ? (
    <StaticBody json={props.storedBody.json} label={t('plan.editorLabel', { title: section.title })} />
  ) : (
    <SectionPlaceholder />
  );
  return (
    <section
      ref={ref}
      id={`section-${section.id}`}
      className="section-card"
      aria-labelledby={headingId}
      data-testid="plan.section"
      data-section-id={section.id}
      data-status={section.status}
      data-revision={section.revision}
    >
      <header className="section-card__header">
        {/* Focusable by script only: a jump from the contents or a link moves focus here. */}
        <Heading level={2} data-size="sm" id={headingId} className="section-card__title" tabIndex={-1}>
          <span className="section-card__number">{number}</span> {section.title}
        </Heading>
        <a
          className="section-card__permalink no-print"
          href={`#section-${section.id}`}
          data-testid="section.permalink"
          aria-label={t('plan.permalink', { title: `${number} ${section.title}` })}
          title={t('plan.permalinkHint')}
        >
          <LinkIcon aria-hidden="true" />
        </a>
        <Link
          className="section-card__history no-print"
          to={`/plans/${plan.id}/seksjoner/${section.id}/historikk`}
          aria-label={t('history.linkLabel', { title: `${number} ${section.title}` })}
          data-testid="section.history"
        >
          {t('history.link')}
        </Link>
        <div className="section-card__tags">
          {props.openThreads > 0 && (
            <span className="section-card__comments" data-testid="section.open-threads" data-count={props.openThreads}>
              {t('comments.openCount', { count: props.openThreads })}
            </span>
          )}
          <StatusTag status={section.status} />
        </div>
      </header>
      {(section.tags?.length ?? 0) > 0 && (
        <ul className="section-card__groups" aria-label={t('plan.patientGroups')} data-testid="section.tags">
          {section.tags?.map((tag) => (
            <li key={tag}>
              <Tag data-size="sm" data-color="info" data-tag={tag}>
                {t(`patientGroup.${tag}`)}
              </Tag>
            </li>
          ))}
        </ul>
      )}
      <div className="section-card__owners">
        <span className="section-card__owners-label">{t('plan.owners')}:</span>
        {owners.map((party) => (
          <PartyBadge key={party.id} party={party} />
        ))}
      </div>
      <ConsensusBar section={section} parties={plan.parties} />
      <div className="section-card__governance">
        {mayMark && <MarkControls section={section} myPartyId={props.actor.partyId} />}
        {!props.archived && markRefused === 'section_empty' && (
          <Paragraph data-size="sm" className="section-card__no-stance" data-testid="mark.empty">
            {t('consensus.emptyNoStance')}
          </Paragraph>
        )}
        {(mayLock || mayUnlock) && <LockControls section={section} unlocking={mayUnlock} />}
      </div>
      {section.contentError ? (
        // [R2] No editor on a body the schema cannot hold: it would show or sync something else.
        <Alert data-color="danger" data-size="sm" className="section-card__notice" data-testid="section.unreadable">
          {t('plan.unreadableSection')}
        </Alert>
      ) : near && LiveSection ? (
        <LiveSection {...props} />
      ) : (
        // The editor's script loads only when a section comes near; until then, and while it
        // loads, the stored text stands in.
        staticBody
      )}
    </section>
  );
}, sameSectionProps);
