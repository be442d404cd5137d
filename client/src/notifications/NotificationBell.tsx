import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { NotificationView } from '@fellesplan/domain';
import { BellIcon } from '@navikt/aksel-icons';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { Link } from 'react-router-dom';
import { useNotifications } from './useNotifications.js';

function notificationHref(n: NotificationView): string {
  const base = `/plans/${n.planId}`;
  if (n.threadId) return `${base}#thread-${n.threadId}`;
  return n.sectionId ? `${base}#section-${n.sectionId}` : base;
}

/** The header's bell: unread count in its name and badge, and the list of notifications under it. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { unread, notifications, markRead } = useNotifications(true);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const sentence = (n: NotificationView) =>
    t(`notifications.kind.${n.kind}`, {
      actor: n.actorName,
      party: n.actorPartyName,
      section: n.sectionTitle ?? t('notifications.deletedSection'),
      stance: n.stance ? t(`consensus.stance.${n.stance}`, { defaultValue: n.stance }) : '',
    });

  return (
    <div className="notifications">
      <Button
        ref={button}
        variant="tertiary"
        data-size="sm"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        data-testid="notifications.button"
        data-unread={unread}
      >
        <BellIcon aria-hidden="true" />
        <span className="visually-hidden">{t('notifications.button', { count: unread })}</span>
        {unread > 0 && (
          <span className="notifications__badge" aria-hidden="true" data-testid="notifications.badge">
            {unread}
          </span>
        )}
      </Button>
      <div
        ref={panel}
        id={panelId}
        className="notifications__panel"
        hidden={!open}
        role="region"
        aria-labelledby={`${panelId}-title`}
        data-testid="notifications.panel"
      >
        <div className="notifications__head">
          <Heading level={2} data-size="2xs" id={`${panelId}-title`}>
            {t('notifications.title')}
          </Heading>
          {unread > 0 && (
            <Button
              variant="tertiary"
              data-size="sm"
              onClick={() => void markRead({ all: true })}
              data-testid="notifications.mark-all"
            >
              {t('notifications.markAllRead')}
            </Button>
          )}
        </div>
        {notifications.length === 0 ? (
          <Paragraph data-size="sm">{t('notifications.empty')}</Paragraph>
        ) : (
          <ul className="notifications__list">
            {notifications.map((n) => (
              <li
                key={n.id}
                className={n.readAt ? 'notifications__item' : 'notifications__item notifications__item--unread'}
                data-testid="notifications.item"
                data-kind={n.kind}
                data-read={n.readAt ? 'true' : 'false'}
              >
                <Link
                  to={notificationHref(n)}
                  onClick={() => {
                    setOpen(false);
                    if (!n.readAt) void markRead({ ids: [n.id] });
                  }}
                >
                  {!n.readAt && <span className="visually-hidden">{t('notifications.unread')}: </span>}
                  {sentence(n)}
                </Link>
                <time dateTime={n.at} className="notifications__time">
                  {new Date(n.at).toLocaleString(document.documentElement.lang === 'nn' ? 'nn-NO' : 'nb-NO', {
                    dateStyle: 'short',
                    timeStyle: 'short',
                  })}
                </time>
                {!n.readAt && (
                  <Button
                    variant="tertiary"
                    data-size="sm"
                    onClick={() => void markRead({ ids: [n.id] })}
                    aria-label={`${t('notifications.markRead')}: ${sentence(n)}`}
                  >
                    {t('notifications.markRead')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
