import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../api/types';
import { formatInstant } from '../../lib/format';
import { useStatusName } from '../StatusTag/StatusTag';
import './Timeline.css';

/** The states a dossier went through, oldest first, each with its date. */
export function Timeline({ entries, labelledBy }: { entries: TimelineEntry[]; labelledBy?: string }) {
  const { i18n } = useTranslation();
  const statusName = useStatusName();
  return (
    <ol className="timeline" aria-labelledby={labelledBy}>
      {entries.map((entry, index) => (
        <li key={`${entry.status}-${entry.at}-${index}`} className="timeline__item">
          <span className="timeline__state">{statusName(entry.status, entry.statusName)}</span>{' '}
          <time className="timeline__time" dateTime={entry.at}>
            {formatInstant(entry.at, i18n.language)}
          </time>
        </li>
      ))}
    </ol>
  );
}
