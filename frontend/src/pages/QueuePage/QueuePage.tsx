import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, type DeadlineState, type Dossier, type DossierStatus } from '../../api';
import { useAuth } from '../../auth/AuthContext';
import { DeadlineTag } from '../../components/DeadlineTag/DeadlineTag';
import { SelectField } from '../../components/Field/Field';
import { ResourceView } from '../../components/ResourceView/ResourceView';
import { PageHeading } from '../../components/PageHeading/PageHeading';
import { StatusTag } from '../../components/StatusTag/StatusTag';
import { formatCalendarDate } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { useResource } from '../../lib/useResource';
import { useUrlFilter } from '../../lib/useUrlFilter';
import { AssignDialog } from './AssignDialog';
import './QueuePage.css';

export const STATUSES: DossierStatus[] = ['SUBMITTED', 'UNDER_REVIEW', 'SUPPLEMENT_REQUESTED', 'REVIEWED', 'APPROVED', 'MONITORED'];
/** The states in which a reviewer may be named (the workflow's ASSIGN transitions). */
const DEADLINES = ['OVERDUE', 'DUE_SOON'] as const;
export const SORTS = ['deadline', 'deadline-desc', 'submitted'] as const;
export type Sort = (typeof SORTS)[number];

/** How urgent a deadline is: overdue first, then due soon, on time, paused, none. */
const URGENCY: Record<DeadlineState, number> = { OVERDUE: 0, DUE_SOON: 1, ON_TIME: 2, PAUSED: 3, NONE: 4 };

/**
 * The queue in the order asked: by deadline (the most urgent first, then the nearest
 * appointment date), the reverse, or by submission time. Dossiers without a date go last.
 */
export function sortQueue(dossiers: Dossier[], sort: Sort): Dossier[] {
  const date = (d: Dossier) => d.appointmentDate ?? '9999-12-31';
  const submitted = (d: Dossier) => d.submittedAt ?? '9999';
  const byDeadline = (a: Dossier, b: Dossier) =>
    URGENCY[a.deadline ?? 'NONE'] - URGENCY[b.deadline ?? 'NONE'] || date(a).localeCompare(date(b)) || submitted(a).localeCompare(submitted(b));
  const sorted = [...dossiers];
  if (sort === 'deadline') sorted.sort(byDeadline);
  else if (sort === 'deadline-desc') sorted.sort((a, b) => byDeadline(b, a));
  else sorted.sort((a, b) => submitted(a).localeCompare(submitted(b)));
  return sorted;
}

/** The officer's work: the agency's dossiers, the most urgent first. Filters and order live in the URL. */
export function QueuePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('queue.title'));
  const { state: auth } = useAuth();
  const me = auth.status === 'signedIn' ? auth.user.username : '';
  const [params, update] = useUrlFilter();
  const status = STATUSES.find((s) => s === params.get('trang-thai'));
  const mine = params.get('cua-toi') === '1';
  const unassigned = params.get('chua-giao') === '1';
  const deadline = DEADLINES.find((d) => d === params.get('han'));
  const sort: Sort = SORTS.find((s) => s === params.get('sap-xep')) ?? 'deadline';
  const [queue, , replace] = useResource(
    () => api.queue({ status, assignee: mine ? 'me' : undefined, unassigned: unassigned || undefined }),
    [status, mine, unassigned],
  );
  const [assigning, setAssigning] = useState<Dossier | null>(null);
  const [assigned, setAssigned] = useState<Dossier | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  function onAssigned(updated: Dossier) {
    if (queue.state === 'ready') replace(queue.data.map((d) => (d.id === updated.id ? updated : d)));
    setAssigning(null);
    setAssigned(updated);
    // The dialog gives the focus back to its button first; then the confirmation is read out.
    setTimeout(() => noticeRef.current?.focus(), 0);
  }

  const all = queue.state === 'ready' ? queue.data : [];
  const overdue = all.filter((d) => d.deadline === 'OVERDUE').length;
  const dueSoon = all.filter((d) => d.deadline === 'DUE_SOON').length;
  const shown = sortQueue(deadline ? all.filter((d) => d.deadline === deadline) : all, sort);

  return (
    <>
      <PageHeading>{t('queue.heading')}</PageHeading>
      <p className="lead">{t('queue.lead')}</p>

      <nav className="queue-tabs" aria-label={t('queue.byStatus')}>
        <ul>
          {[undefined, ...STATUSES].map((s) => {
            const next = new URLSearchParams(params);
            if (s) next.set('trang-thai', s);
            else next.delete('trang-thai');
            return (
              <li key={s ?? 'all'}>
                <Link to={`?${next.toString()}`} aria-current={s === status ? 'page' : undefined} className="queue-tabs__link">
                  {s ? t(`status.${s}`) : t('queue.allStatuses')}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <form className="queue-filter" role="search" aria-label={t('queue.filter')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="queue-deadline"
          label={t('deadline.label')}
          placeholder={t('queue.allDeadlines')}
          value={deadline ?? ''}
          onChange={(value) => update('han', value || null)}
          options={DEADLINES.map((d) => ({ value: d, label: t(`deadline.${d}`) }))}
        />
        <SelectField
          id="queue-sort"
          label={t('queue.sort')}
          placeholder={t('queue.sorts.deadline')}
          value={sort === 'deadline' ? '' : sort}
          onChange={(value) => update('sap-xep', value || null)}
          options={SORTS.filter((s) => s !== 'deadline').map((s) => ({ value: s, label: t(`queue.sorts.${s}`) }))}
        />
        <div className="queue-filter__checks">
          <div className="queue-filter__check">
            <input id="queue-mine" type="checkbox" checked={mine} onChange={(e) => update('cua-toi', e.target.checked ? '1' : null)} />
            <label htmlFor="queue-mine">{t('queue.mine')}</label>
          </div>
          <div className="queue-filter__check">
            <input
              id="queue-unassigned"
              type="checkbox"
              checked={unassigned}
              onChange={(e) => update('chua-giao', e.target.checked ? '1' : null)}
            />
            <label htmlFor="queue-unassigned">{t('queue.unassigned')}</label>
          </div>
        </div>
      </form>

      {assigned ? (
        <div className="notice notice--success" role="status" tabIndex={-1} ref={noticeRef}>
          <p>{t('queue.assigned', { code: assigned.code ?? '', name: assigned.assignedReviewer ?? '' })}</p>
        </div>
      ) : null}

      <ResourceView resource={queue}>
        {() => (
          <>
            <p className="queue-summary" data-testid="queue-summary">
              <span className="queue-summary__item queue-summary__item--overdue">{t('queue.overdueCount', { count: overdue })}</span>
              <span className="queue-summary__item queue-summary__item--due-soon">{t('queue.dueSoonCount', { count: dueSoon })}</span>
            </p>
            {shown.length === 0 ? (
              <p>{t('queue.empty')}</p>
            ) : (
              <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="queue-caption">
                <table className="table queue-table">
                  <caption id="queue-caption">{t('queue.caption', { count: shown.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('dossiers.code')}</th>
                      <th scope="col">{t('dossiers.dossierTitle')}</th>
                      <th scope="col">{t('dossiers.status')}</th>
                      <th scope="col" aria-sort={sort === 'deadline' ? 'ascending' : sort === 'deadline-desc' ? 'descending' : undefined}>
                        {t('deadline.label')}
                      </th>
                      <th scope="col">{t('dossier.appointmentDate')}</th>
                      <th scope="col">{t('dossier.assignedReviewer')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((d) => (
                      <tr key={d.id} className={d.deadline ? `queue__row--${d.deadline.toLowerCase().replace('_', '-')}` : undefined}>
                        <td>
                          <Link to={`/ho-so/${encodeURIComponent(d.id)}`}>{d.code ?? t('common.noCode')}</Link>
                        </td>
                        <td>{d.title}</td>
                        <td>
                          <StatusTag status={d.status} serverName={d.statusName} />
                        </td>
                        <td>
                          <DeadlineTag deadline={d.deadline} />
                        </td>
                        <td>{d.appointmentDate ? formatCalendarDate(d.appointmentDate, i18n.language) : t('common.none')}</td>
                        <td>
                          <span className="queue__assignee">{d.assignedReviewer ?? t('queue.nobody')}</span>
                          {d.allowedEvents?.includes('ASSIGN') ? (
                            <button type="button" className="button button--secondary button--small" onClick={() => setAssigning(d)}>
                              {d.assignedReviewer ? t('queue.reassign') : t('queue.assign')}
                              <span className="visually-hidden"> {d.code ?? d.title}</span>
                            </button>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </ResourceView>
      <AssignDialog dossier={assigning} me={me} onAssigned={onAssigned} onClose={() => setAssigning(null)} />
    </>
  );
}
