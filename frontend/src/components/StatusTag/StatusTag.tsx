import { useTranslation } from 'react-i18next';
import type { DossierStatus } from '../../api/types';
import './StatusTag.css';

const TONE: Record<string, string> = {
  DRAFT: 'neutral',
  SUBMITTED: 'progress',
  UNDER_REVIEW: 'progress',
  REVIEWED: 'progress',
  MONITORED: 'progress',
  SUPPLEMENT_REQUESTED: 'action',
  APPROVED: 'done',
  COMPLETED: 'done',
  REJECTED: 'stopped',
  WITHDRAWN: 'stopped',
  TERMINATED: 'stopped',
};

/** A status name in the interface language; the server's own name covers any status added later. */
export function useStatusName() {
  const { t } = useTranslation();
  return (status: DossierStatus | string, serverName?: string) =>
    t(`status.${status}`, { defaultValue: serverName ?? status });
}

export function StatusTag({ status, serverName }: { status: DossierStatus | string; serverName?: string }) {
  const statusName = useStatusName();
  return <strong className={`status-tag status-tag--${TONE[status] ?? 'neutral'}`}>{statusName(status, serverName)}</strong>;
}
