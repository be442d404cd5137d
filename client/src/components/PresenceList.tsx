import { useTranslation } from '../i18n/useTranslation.js';
import type { PlanVisitor } from '../plan/usePlanPresence.js';

/** One entry per person: someone with the plan open in two tabs is one visitor, at their busiest. */
export function distinctVisitors(visitors: readonly PlanVisitor[]): PlanVisitor[] {
  const byPerson = new Map<string, PlanVisitor>();
  for (const visitor of visitors) {
    const key = `${visitor.name}\u0000${visitor.party}`;
    const seen = byPerson.get(key);
    const rank = (v: PlanVisitor | undefined) => (!v?.viewing ? 0 : v.viewing.away ? 1 : v.viewing.editing ? 3 : 2);
    if (!seen || rank(visitor) > rank(seen)) byPerson.set(key, visitor);
  }
  return [...byPerson.values()];
}

/** «Her nå» in a section: the people whose caret is in it or who are reading it right now. */
export function PresenceList({ visitors }: { visitors: readonly PlanVisitor[] }) {
  const { t } = useTranslation();
  const people = distinctVisitors(visitors);
  return (
    <div className="presence" data-testid="section.presence" data-count={people.length}>
      <span className="presence__label">{t('plan.presence')}:</span>
      {people.length === 0 ? (
        <span className="presence__none">{t('plan.nobodyHere')}</span>
      ) : (
        <ul className="presence__list">
          {people.map((u) => (
            <li key={u.clientId} className="presence__user" style={{ '--party-color': u.color } as React.CSSProperties}>
              <span className="presence__avatar" aria-hidden="true">
                {initials(u.name)}
              </span>
              <span>
                {u.name}
                {u.party ? ` (${u.party})` : ''}
                {u.viewing?.editing ? ` – ${t('presence.writing')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Everyone in the plan now, and in which section. */
export function PlanPresence({
  visitors,
  sections,
}: {
  visitors: readonly PlanVisitor[];
  sections: readonly { id: string; title: string; number: number }[];
}) {
  const { t } = useTranslation();
  const people = distinctVisitors(visitors);
  if (people.length === 0) return null;
  const where = (v: PlanVisitor) => {
    if (!v.viewing || v.viewing.away) return t('presence.away');
    const section = sections.find((s) => s.id === v.viewing?.sectionId);
    if (!section) return t('presence.inPlan');
    const place = `${section.number} ${section.title}`;
    return v.viewing.editing
      ? t('presence.writingIn', { section: place })
      : t('presence.readingIn', { section: place });
  };
  return (
    <section className="plan-presence no-print" aria-labelledby="plan-presence-heading" data-testid="plan.presence">
      <h2 className="plan-presence__heading" id="plan-presence-heading">
        {t('presence.inPlanNow', { count: people.length })}
      </h2>
      <ul className="presence__list">
        {people.map((u) => (
          <li
            key={u.clientId}
            className="presence__user"
            style={{ '--party-color': u.color } as React.CSSProperties}
            data-testid="plan.presence.person"
          >
            <span className="presence__avatar" aria-hidden="true">
              {initials(u.name)}
            </span>
            <span>
              {u.name}
              {u.party ? ` (${u.party})` : ''}: {where(u)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}
