import type { AuditEventType, AuditEventView } from '@fellesplan/domain';
import { formatDate } from '../i18n/formatDate.js';
import { forumLabel } from '../i18n/forumLabel.js';
import { formatList } from '../i18n/formatList.js';

export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** What names an event's section and parties: the plan as it is now. */
export interface LogNames {
  /** The plan's sections in plan order; a section is named by its number here and its title. */
  sections: readonly { id: string; title: string }[];
  parties: readonly { id: string; name: string }[];
}

type Payload = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/**
 * The section as a board member knows it: «5 Barn og unge» while it is in the plan, else the
 * name the log was given for it (a deleted section keeps its title there).
 */
export function sectionName(event: Pick<AuditEventView, 'sectionId' | 'sectionTitle'>, names: LogNames): string {
  const index = names.sections.findIndex((s) => s.id === event.sectionId);
  const section = names.sections[index];
  if (section) return `${index + 1} ${section.title}`;
  return event.sectionTitle ?? '';
}

/**
 * One decision-log event as one plain sentence in the user's written form: who, what happened,
 * to which section, and the note, reason or text where the event carries one. Never a raw code:
 * every type of `AUDIT_EVENT_TYPES` has its own sentence (the unit test walks them all).
 */
export function logSentence(event: AuditEventView, names: LogNames, t: Translate): string {
  const payload = event.payload as Payload;
  const partyName = (id: string) => names.parties.find((p) => p.id === id)?.name ?? t('audit.log.unknownParty');
  const partyList = (value: unknown) => formatList(ids(value).map(partyName));
  const actor = event.actor.name ? `${event.actor.partyName} (${event.actor.name})` : event.actor.partyName;
  const section = sectionName(event, names);
  const base = { actor, section };
  const withQuote = (sentence: string, quote: unknown) =>
    text(quote) ? t('audit.log.quoted', { sentence, quote: text(quote) }) : sentence;
  const sentences: Record<AuditEventType, () => string> = {
    'section.marked': () => {
      const stance = text(payload.stance);
      const key = ['agree', 'reservation', 'abstain', 'disagree'].includes(stance) ? stance : 'unknown';
      return withQuote(t(`audit.log.marked.${key}`, base), payload.note);
    },
    'section.locked': () => t('audit.log.locked', base),
    'section.unlocked': () => withQuote(t('audit.log.unlocked', base), payload.reason),
    'thread.created': () => withQuote(t('audit.log.threadCreated', base), payload.body),
    'thread.replied': () => withQuote(t('audit.log.threadReplied', base), payload.body),
    'thread.resolved': () => t('audit.log.threadResolved', base),
    'thread.reopened': () => t('audit.log.threadReopened', base),
    'comment.edited': () =>
      // Events from before the texts were logged have neither.
      payload.previousBody === undefined
        ? t('audit.log.commentEdited', base)
        : t('audit.log.commentEditedFromTo', { ...base, from: text(payload.previousBody), to: text(payload.body) }),
    'comment.deleted': () => withQuote(t('audit.log.commentDeleted', base), payload.previousBody),
    'plan.created': () => t('audit.log.planCreated', { actor, title: text(payload.title) }),
    'plan.updated': () => t('audit.log.planUpdated', { actor, changes: planChanges(payload, partyList, t) }),
    'plan.archived': () => t('audit.log.planArchived', { actor, title: text(payload.title) }),
    'section.added': () => t('audit.log.sectionAdded', { actor, section: section || text(payload.title) }),
    'section.renamed': () => t('audit.log.sectionRenamed', { ...base, from: text(payload.from), to: text(payload.to) }),
    'section.moved': () =>
      t('audit.log.sectionMoved', {
        actor,
        title: names.sections.find((s) => s.id === event.sectionId)?.title ?? event.sectionTitle ?? '',
        from: Number(payload.from) + 1,
        to: Number(payload.to) + 1,
      }),
    'section.deleted': () =>
      withQuote(t('audit.log.sectionDeleted', { actor, title: text(payload.title) || section }), payload.reason),
    'section.owners_set': () => {
      const owners = t('audit.log.ownersSet', { ...base, owners: partyList(payload.owners) });
      return Array.isArray(payload.requiredParties)
        ? t('audit.log.andRequired', { sentence: owners, parties: partyList(payload.requiredParties) })
        : owners;
    },
    'section.tagged': () => {
      const tags = ids(payload.tags).map((tag) => t(`patientGroup.${tag}`));
      return tags.length === 0
        ? t('audit.log.untagged', base)
        : t('audit.log.tagged', { ...base, tags: formatList(tags) });
    },
    'version.created': () => t('audit.log.versionCreated', { actor, name: text(payload.name) }),
    'section.restored': () => t('audit.log.sectionRestored', { ...base, name: text(payload.versionName) }),
    'adoption.sent': () =>
      withQuote(t('audit.log.adoptionSent', { actor, name: text(payload.versionName) }), payload.note),
    'adoption.recorded': () => {
      const outcome = text(payload.outcome);
      const key = ['vedtatt', 'vedtatt_med_endringer', 'ikke_vedtatt'].includes(outcome) ? outcome : 'vedtatt';
      const decision = t(`audit.log.adoptionDecision.${key}`, {
        body: text(payload.body),
        date: formatDate(text(payload.date)),
      });
      const sentence = t(payload.correction === true ? 'audit.log.adoptionCorrected' : 'audit.log.adoptionRecorded', {
        actor,
        party: partyName(text(payload.partyId)),
        decision: text(payload.caseNumber)
          ? t('audit.log.adoptionCase', { decision, caseNumber: text(payload.caseNumber) })
          : decision,
      });
      return withQuote(sentence, payload.note);
    },
    'hearing.published': () =>
      t('audit.log.hearingPublished', { actor, title: text(payload.title), deadline: osloTime(payload.deadline) }),
    'hearing.extended': () =>
      withQuote(
        t('audit.log.hearingExtended', { actor, from: osloTime(payload.from), to: osloTime(payload.to) }),
        payload.reason,
      ),
    'hearing.closed': () =>
      withQuote(t('audit.log.hearingClosed', { actor, title: text(payload.title) }), payload.reason),
    'hearing.publication_set': () =>
      t(payload.to === 'immediately' ? 'audit.log.publicationImmediately' : 'audit.log.publicationAfterDeadline', {
        actor,
      }),
    'hearing.response_received': () => {
      const respondent = [text(payload.name), text(payload.organisation)].filter(Boolean).join(', ');
      const reference = text(payload.reference);
      return typeof payload.partyId === 'string'
        ? t('audit.log.responseReceivedForParty', { reference, respondent, party: partyName(payload.partyId) })
        : t('audit.log.responseReceived', { reference, respondent });
    },
    'response.withheld': () =>
      withQuote(t('audit.log.responseWithheld', { actor, reference: text(payload.reference) }), payload.reason),
    'response.redacted': () =>
      withQuote(t('audit.log.responseRedacted', { actor, reference: text(payload.reference) }), payload.reason),
    'response.published': () =>
      withQuote(t('audit.log.responsePublished', { actor, reference: text(payload.reference) }), payload.reason),
    'remark.assessed': () => {
      const key = text(payload.assessment);
      const known = ['tatt_til_folge', 'delvis_tatt_til_folge', 'ikke_tatt_til_folge', 'tatt_til_orientering'];
      const assessment = known.includes(key) ? t(`audit.log.assessment.${key}`) : '';
      return withQuote(t('audit.log.remarkAssessed', { ...base, assessment }), payload.justification);
    },
    'remark.applied': () => withQuote(t('audit.log.remarkApplied', base), payload.proposedText),
    'section.text_changed': () => {
      const stale = ids(payload.staleParties);
      const markers = Array.isArray(payload.staleMarkers) ? (payload.staleMarkers as { stance?: unknown }[]) : [];
      const stances = markers.map((m) => m.stance);
      // «var enige» only when every stale stance was one of agreeing; else «hadde tatt standpunkt».
      const agreed = stances.every((s) => s === 'agree' || s === 'reservation');
      return t(agreed ? 'audit.log.textChangedAgreed' : 'audit.log.textChangedStances', {
        ...base,
        count: stale.length,
        parties: formatList(stale.map(partyName)),
      });
    },
  };
  const sentence = sentences[event.type] as (() => string) | undefined;
  // A type this client does not know yet (a newer server): said in words, never as its code.
  return sentence ? sentence() : t('audit.log.unknown', base);
}

const OSLO_TIME = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** A deadline as a Norwegian reader reads it: Oslo time, day first (the same in bokmål and nynorsk). */
function osloTime(value: unknown): string {
  const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(at) ? '' : OSLO_TIME.format(at);
}

function planChanges(payload: Payload, partyList: (value: unknown) => string, t: Translate): string {
  const changes: string[] = [];
  const change = (field: string) => payload[field] as { from?: unknown; to?: unknown } | undefined;
  const title = change('title');
  if (title) changes.push(t('audit.log.changeTitle', { to: text(title.to) }));
  const forum = change('forum');
  if (forum) {
    const to = forumLabel((key) => t(key), text(forum.to));
    changes.push(to ? t('audit.log.changeForum', { to }) : t('audit.log.changeForumNone'));
  }
  const period = change('period');
  if (period) changes.push(t('audit.log.changePeriod', { to: text(period.to) }));
  if (ids(payload.addedParties).length > 0)
    changes.push(t('audit.log.changeAdded', { parties: partyList(payload.addedParties) }));
  if (ids(payload.removedParties).length > 0)
    changes.push(t('audit.log.changeRemoved', { parties: partyList(payload.removedParties) }));
  return changes.length > 0 ? formatList(changes) : t('audit.log.changeNothing');
}
