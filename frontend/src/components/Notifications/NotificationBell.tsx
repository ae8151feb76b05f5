import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../auth/AuthContext';
import { formatInstant } from '../../lib/format';
import { notificationsApi, type AppNotification } from './notificationsApi';
import './NotificationBell.css';

/** How often the unread count is refreshed while the page stays open. */
export const REFRESH_MS = 60_000;

/** The signed-in user's notifications: a button with the unread count, opening the latest ones. */
export function NotificationBell() {
  const { state } = useAuth();
  return state.status === 'signedIn' ? <Bell /> : null;
}

function Bell() {
  const { t, i18n } = useTranslation();
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<AppNotification[] | null>(null);
  const [failed, setFailed] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  const refreshCount = useCallback(() => {
    notificationsApi.unreadCount().then(
      (count) => setUnread(count.unread),
      () => undefined,
    );
  }, []);

  useEffect(() => {
    refreshCount();
    const timer = window.setInterval(refreshCount, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refreshCount]);

  useEffect(() => {
    if (!open) return;
    let current = true;
    setFailed(false);
    notificationsApi.list().then(
      (list) => current && setItems(list),
      () => current && setFailed(true),
    );
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => {
      current = false;
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  function read(item: AppNotification) {
    if (item.read) return;
    setItems((list) => list?.map((n) => (n.id === item.id ? { ...n, read: true } : n)) ?? null);
    setUnread((n) => Math.max(0, n - 1));
    notificationsApi.markRead(item.id).catch(() => refreshCount());
  }

  function readAll() {
    setItems((list) => list?.map((n) => ({ ...n, read: true })) ?? null);
    setUnread(0);
    notificationsApi.markAllRead().catch(() => refreshCount());
  }

  return (
    <div className="notification-bell" ref={root}>
      <button
        type="button"
        className="notification-bell__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">🔔</span>
        <span className="visually-hidden">{t('notifications.heading')}</span>
        {unread > 0 ? (
          <span className="notification-bell__count" data-testid="unread-count">
            {unread > 99 ? '99+' : unread}
            <span className="visually-hidden"> {t('notifications.unread', { count: unread })}</span>
          </span>
        ) : null}
      </button>
      {open ? (
        <div id={panelId} className="notification-bell__panel" role="region" aria-label={t('notifications.heading')}>
          <div className="notification-bell__top">
            <h2 className="notification-bell__title">{t('notifications.heading')}</h2>
            {items && items.some((n) => !n.read) ? (
              <button type="button" className="notification-bell__all" onClick={readAll}>
                {t('notifications.markAllRead')}
              </button>
            ) : null}
          </div>
          {failed ? <p role="alert">{t('notifications.loadFailed')}</p> : null}
          {!failed && items === null ? <p>{t('notifications.loading')}</p> : null}
          {items && items.length === 0 ? <p>{t('notifications.empty')}</p> : null}
          {items && items.length > 0 ? (
            <ul className="notification-bell__list">
              {items.map((item) => (
                <li key={item.id} className={item.read ? 'notification' : 'notification notification--unread'}>
                  {item.dossierId ? (
                    <Link
                      to={`/ho-so/${item.dossierId}`}
                      className="notification__title"
                      onClick={() => {
                        read(item);
                        setOpen(false);
                      }}
                    >
                      {item.title}
                    </Link>
                  ) : (
                    <p className="notification__title">{item.title}</p>
                  )}
                  {!item.read ? <span className="visually-hidden">{t('notifications.new')}</span> : null}
                  <p className="notification__body">{item.body}</p>
                  <p className="notification__meta">
                    <time dateTime={item.createdAt}>{formatInstant(item.createdAt, i18n.language)}</time>
                    {!item.read ? (
                      <button type="button" className="notification__read" onClick={() => read(item)}>
                        {t('notifications.markRead')}
                      </button>
                    ) : null}
                  </p>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
