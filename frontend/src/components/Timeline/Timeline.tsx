import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVER_LANGUAGE } from '../../api/describeError';
import type { HistoryEntry, TimelineEntry } from '../../api/types';
import { formatInstant } from '../../lib/format';
import { useStatusName } from '../StatusTag/StatusTag';
import './Timeline.css';

type Props = { labelledBy?: string } & (
  | {
      /** The public lookup's states, each with its date. */
      entries: TimelineEntry[];
    }
  | {
      /** The full history an owner or an officer sees: events, who did them, and why. */
      history: HistoryEntry[];
    }
);

interface Item {
  key: string;
  title: ReactNode;
  at: string;
  by?: ReactNode;
  comment?: string | null;
}

/**
 * What happened to a dossier, oldest first, on a vertical line: for the public, the states it
 * went through with their dates; for its owner and the officers, every event with who did it
 * and the reasons given.
 */
export function Timeline(props: Props) {
  const { t, i18n } = useTranslation();
  const statusName = useStatusName();
  const items: Item[] =
    'history' in props
      ? props.history.map((entry) => ({
          key: String(entry.id),
          title: (
            <>
              {t(`event.${entry.event}`, { defaultValue: entry.event })}
              {entry.from !== entry.to ? (
                <span className="timeline__change"> — {t('history.newStatus', { status: statusName(entry.to) })}</span>
              ) : null}
            </>
          ),
          at: entry.occurredAt,
          by:
            entry.actorRole || entry.actor ? (
              <>
                {entry.actorRole ? <> · {t(`role.${entry.actorRole}`, { defaultValue: entry.actorRole })}</> : null}
                {entry.actor && entry.actor !== 'SYSTEM' ? <> · {entry.actor}</> : null}
              </>
            ) : undefined,
          comment: entry.comment,
        }))
      : props.entries.map((entry, index) => ({
          key: `${entry.status}-${entry.at}-${index}`,
          title: statusName(entry.status, entry.statusName),
          at: entry.at,
        }));
  return (
    <ol className="timeline" aria-labelledby={props.labelledBy}>
      {items.map((item) => (
        <li key={item.key} className="timeline__item">
          <span className="timeline__state">{item.title}</span>{' '}
          <span className="timeline__meta">
            <time className="timeline__time" dateTime={item.at}>
              {formatInstant(item.at, i18n.language)}
            </time>
            {item.by}
          </span>
          {item.comment ? (
            <span className="timeline__comment" lang={SERVER_LANGUAGE}>
              {item.comment}
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
