import { useTranslation } from 'react-i18next';
import type { PresentUser } from '../editor/usePresence.js';

export function PresenceList({ users }: { users: PresentUser[] }) {
  const { t } = useTranslation();
  return (
    <div className="presence" data-testid="section.presence" data-count={users.length}>
      <span className="presence__label">{t('plan.presence')}:</span>
      {users.length === 0 ? (
        <span className="presence__none">{t('plan.nobodyHere')}</span>
      ) : (
        <ul className="presence__list">
          {users.map((u) => (
            <li key={u.clientId} className="presence__user" style={{ '--party-color': u.color } as React.CSSProperties}>
              <span className="presence__avatar" aria-hidden="true">
                {initials(u.name)}
              </span>
              <span>
                {u.name}
                {u.party ? ` (${u.party})` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
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
