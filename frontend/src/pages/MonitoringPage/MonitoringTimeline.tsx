import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../api/types';
import { Timeline } from '../../components/Timeline/Timeline';

/**
 * The dossier's one history from approval on, as the enterprise and the officers both see it: the transitions
 * of the workflow and the monitoring actions that keep the state (reports, inspections, payments, changes).
 */
export function MonitoringTimeline({ entries }: { entries: HistoryEntry[] }) {
  const { t } = useTranslation();
  const from = entries.findIndex((e) => String(e.event) === 'APPROVE');
  const shown = from < 0 ? entries : entries.slice(from);
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="monitoring-history-heading">
      <h2 id="monitoring-history-heading">{t('monitoring.history.heading')}</h2>
      <Timeline history={shown} labelledBy="monitoring-history-heading" />
    </section>
  );
}
