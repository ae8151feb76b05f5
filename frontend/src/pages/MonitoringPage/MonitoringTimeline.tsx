import { useTranslation } from 'react-i18next';
import { SERVER_LANGUAGE } from '../../api/describeError';
import type { HistoryEntry } from '../../api/types';
import { formatInstant } from '../../lib/format';
import '../../components/History/History.css';

/**
 * The dossier's one history from approval on, as the enterprise and the officers both see it: the transitions
 * of the workflow and the monitoring actions that keep the state (reports, inspections, payments, changes).
 */
export function MonitoringTimeline({ entries }: { entries: HistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  const from = entries.findIndex((e) => String(e.event) === 'APPROVE');
  const shown = from < 0 ? entries : entries.slice(from);
  if (shown.length === 0) return null;
  const label = (event: string) =>
    t(`monitoring.events.${event}`, { defaultValue: t(`event.${event}`, { defaultValue: event }) });
  const role = (actorRole: string) =>
    actorRole === 'SYSTEM' ? t('monitoring.history.system') : t(`role.${actorRole}`, { defaultValue: actorRole });
  return (
    <section aria-labelledby="monitoring-history-heading">
      <h2 id="monitoring-history-heading">{t('monitoring.history.heading')}</h2>
      <ol className="history" aria-labelledby="monitoring-history-heading">
        {shown.map((entry) => (
          <li key={entry.id} className="history__item">
            <p className="history__event">
              <strong>{label(String(entry.event))}</strong>
            </p>
            <p className="history__meta">
              <time dateTime={entry.occurredAt}>{formatInstant(entry.occurredAt, i18n.language)}</time>
              {entry.actorRole ? <> · {role(entry.actorRole)}</> : null}
              {entry.actor && entry.actor !== 'SYSTEM' ? <> · {entry.actor}</> : null}
            </p>
            {entry.comment ? (
              <p className="history__comment" lang={SERVER_LANGUAGE}>
                {entry.comment}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
