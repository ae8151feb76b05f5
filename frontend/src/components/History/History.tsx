import { useTranslation } from 'react-i18next';
import { SERVER_LANGUAGE } from '../../api/describeError';
import type { HistoryEntry } from '../../api/types';
import { formatInstant } from '../../lib/format';
import { useStatusName } from '../StatusTag/StatusTag';
import './History.css';

/** Every step the dossier went through, oldest first: what happened, who did it, why, and when. */
export function History({ entries, labelledBy }: { entries: HistoryEntry[]; labelledBy?: string }) {
  const { t, i18n } = useTranslation();
  const statusName = useStatusName();
  return (
    <ol className="history" aria-labelledby={labelledBy}>
      {entries.map((entry) => (
        <li key={entry.id} className="history__item">
          <p className="history__event">
            <strong>{t(`event.${entry.event}`, { defaultValue: entry.event })}</strong>
            {entry.from !== entry.to ? <> — {t('history.newStatus', { status: statusName(entry.to) })}</> : null}
          </p>
          <p className="history__meta">
            <time dateTime={entry.occurredAt}>{formatInstant(entry.occurredAt, i18n.language)}</time>
            {entry.actorRole ? <> · {t(`role.${entry.actorRole}`, { defaultValue: entry.actorRole })}</> : null}
            {entry.actor ? <> · {entry.actor}</> : null}
          </p>
          {entry.comment ? (
            <p className="history__comment" lang={SERVER_LANGUAGE}>
              {entry.comment}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
