import { useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, type Dossier, type HistoryEntry } from '../../api';
import { describeError, SERVER_LANGUAGE } from '../../api/describeError';
import { useAuth } from '../../auth/AuthContext';
import { Loading } from '../../components/Loading/Loading';
import { PageHeading } from '../../components/PageHeading/PageHeading';
import { formatCalendarDate } from '../../lib/format';
import { formatVnd } from '../../lib/money';
import { usePageTitle } from '../../lib/usePageTitle';
import { useResource } from '../../lib/useResource';
import { MonitoringForm } from './MonitoringForm';
import { MonitoringTimeline } from './MonitoringTimeline';
import { monitoringApi, setPath, type FieldSpec, type MonitoringView, type Payload } from './monitoringApi';
import './MonitoringPage.css';

interface Loaded {
  dossier: Dossier;
  view: MonitoringView;
  history: HistoryEntry[];
}

async function load(id: string): Promise<Loaded> {
  const [dossier, view, history] = await Promise.all([
    api.dossier(id),
    monitoringApi.view(id),
    api.history(id).catch(() => [] as HistoryEntry[]),
  ]);
  return { dossier, view, history };
}

/** Blank milestone rows offered by the plan form; blank rows are left out. */
const PLAN_ROWS = 3;

function Table({ caption, head, rows }: { caption: string; head: string[]; rows: ReactNode[][] }) {
  return (
    <table className="monitoring-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells, index) => (
          <tr key={index}>
            {cells.map((cell, column) => (
              <td key={column}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * After approval: the implementation plan and monthly reports of the enterprise; the inspections, payments,
 * change decisions and acceptance of the officers; the same figures for everyone who may see the dossier.
 */
export function MonitoringPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { state: auth } = useAuth();
  const roles = auth.status === 'signedIn' ? auth.user.roles : [];
  const isEnterprise = roles.includes('ENTERPRISE');
  const isMonitor = roles.includes('MONITOR');
  const isApprover = roles.includes('APPROVER');
  const [resource, reload, replace] = useResource(() => load(id), [id]);
  const [problemCount, setProblemCount] = useState(0);
  const evidence = useRef<HTMLInputElement>(null);
  const current = resource.state === 'ready' ? resource.data : null;
  usePageTitle(current ? t('monitoring.title', { name: current.dossier.title }) : t('monitoring.heading'), problemCount);

  const money = (value: number | null | undefined) => (value == null ? t('common.none') : formatVnd(value, i18n.language));
  const date = (value: string | null | undefined) =>
    value ? <time dateTime={value}>{formatCalendarDate(value, i18n.language)}</time> : t('common.none');
  const done = (view: MonitoringView) => {
    if (!current) return;
    replace({ ...current, view });
    // the history gained a row: read it again, keeping the page as it is meanwhile
    void api.history(id).then((history) => replace({ ...current, view, history }), () => undefined);
  };

  if (resource.state === 'loading') return <Loading />;
  if (resource.state === 'failed' || !current) {
    return (
      <>
        <PageHeading>{t('monitoring.heading')}</PageHeading>
        <p role="alert">{describeError(t, resource.state === 'failed' ? resource.error : null).message}</p>
      </>
    );
  }
  const { dossier, view } = current;
  const monitored = view.status === 'MONITORED';
  const canPlan = isEnterprise && (view.status === 'APPROVED' || monitored) && view.reports.length === 0;
  const kindOptions = ['BUDGET', 'CONTENT', 'SITE', 'TIMELINE'].map((value) => ({
    value,
    label: t(`monitoring.change.kinds.${value}`),
  }));

  const planFields: FieldSpec[] = Array.from({ length: PLAN_ROWS }, (_, i) => [
    { name: `milestones[${i}].title`, kind: 'text' as const, label: t('monitoring.plan.milestoneTitle', { n: i + 1 }), required: i === 0 },
    { name: `milestones[${i}].dueOn`, kind: 'date' as const, label: t('monitoring.plan.dueOn', { n: i + 1 }), required: i === 0 },
    { name: `milestones[${i}].promisedOutcome`, kind: 'text' as const, label: t('monitoring.plan.promisedOutcome', { n: i + 1 }), required: i === 0 },
  ]).flat();
  const reportFields: FieldSpec[] = [
    { name: 'period', kind: 'month', label: t('monitoring.report.period'), required: true, hint: t('monitoring.report.periodHint') },
    ...view.plan.map((m, i) => ({
      name: `milestones[${i}].percentDone`,
      kind: 'percent' as const,
      label: t('monitoring.report.percentDone', { title: m.title }),
      required: true,
    })),
    { name: 'spentAmount', kind: 'money', label: t('monitoring.report.spentAmount'), required: true, hint: t('monitoring.report.spentHint') },
    { name: 'counterpartInvested', kind: 'money', label: t('monitoring.report.counterpartInvested'), required: true },
    { name: 'note', kind: 'long', label: t('monitoring.report.note') },
  ];

  return (
    <>
      <PageHeading caption={dossier.code ?? undefined}>{t('monitoring.heading')}</PageHeading>
      <p lang={SERVER_LANGUAGE}>{dossier.title}</p>

      {view.overdue ? (
        <section aria-labelledby="overdue-heading" className="monitoring-overdue">
          <h2 id="overdue-heading">{t('monitoring.overdue.heading')}</h2>
          <ul lang={SERVER_LANGUAGE}>
            {view.notices.map((notice) => (
              <li key={notice.id}>{notice.message}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t('monitoring.summary.heading')}</h2>
        {!view.started ? <p>{t('monitoring.summary.notStarted')}</p> : null}
        <dl className="summary-list">
          <div>
            <dt>{t('monitoring.summary.approvedAmount')}</dt>
            <dd>{money(view.approvedAmount)}</dd>
          </div>
          <div>
            <dt>{t('monitoring.summary.advancesPaid')}</dt>
            <dd>{money(view.advancesPaid)}</dd>
          </div>
          <div>
            <dt>{t('monitoring.summary.totalPaid')}</dt>
            <dd>{money(view.totalPaid)}</dd>
          </div>
          <div>
            <dt>{t('monitoring.summary.remaining')}</dt>
            <dd>{money(view.remaining)}</dd>
          </div>
          <div>
            <dt>{t('monitoring.summary.progress')}</dt>
            <dd>{view.progressPercent == null ? t('common.none') : `${view.progressPercent}%`}</dd>
          </div>
          {view.advanceCeiling ? (
            <div>
              <dt>{t('monitoring.summary.advanceCeiling')}</dt>
              <dd>
                {t('monitoring.summary.advanceRule', {
                  percent: view.advanceCeiling.maxPercent,
                  amount: money(view.advanceCeiling.ceiling),
                })}{' '}
                {view.advanceCeiling.progressOverPercent != null
                  ? t('monitoring.summary.advanceProgress', { percent: view.advanceCeiling.progressOverPercent })
                  : null}{' '}
                <span lang={SERVER_LANGUAGE}>({view.advanceCeiling.legalBasis})</span>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t('monitoring.summary.nextReportDue')}</dt>
            <dd>{date(view.nextReportDue)}</dd>
          </div>
          <div>
            <dt>{t('monitoring.summary.endsOn')}</dt>
            <dd>{date(view.endsOn)}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="plan-heading">
        <h2 id="plan-heading">{t('monitoring.plan.heading')}</h2>
        {view.plan.length === 0 ? (
          <p>{t('monitoring.plan.none')}</p>
        ) : (
          <Table
            caption={t('monitoring.plan.heading')}
            head={[t('monitoring.plan.title'), t('monitoring.plan.due'), t('monitoring.plan.outcome')]}
            rows={view.plan.map((m) => [<span lang={SERVER_LANGUAGE}>{m.title}</span>, date(m.dueOn), <span lang={SERVER_LANGUAGE}>{m.promisedOutcome}</span>])}
          />
        )}
        {canPlan ? (
          <MonitoringForm
            id="plan"
            heading={t('monitoring.plan.formHeading')}
            lead={t('monitoring.plan.formLead')}
            button={t('monitoring.plan.save')}
            fields={planFields}
            extra={(payload) => ({
              milestones: ((payload.milestones as Payload[] | undefined) ?? []).filter((m) => m && Object.keys(m).length > 0),
            })}
            send={(payload) => monitoringApi.plan(id, payload)}
            onDone={done}
            onProblemCount={setProblemCount}
          />
        ) : null}
      </section>

      <section aria-labelledby="reports-heading">
        <h2 id="reports-heading">{t('monitoring.report.heading')}</h2>
        {view.reports.length === 0 ? (
          <p>{t('monitoring.report.none')}</p>
        ) : (
          <Table
            caption={t('monitoring.report.heading')}
            head={[t('monitoring.report.period'), t('monitoring.report.spentAmount'), t('monitoring.report.counterpartInvested'), t('monitoring.report.onTime')]}
            rows={view.reports.map((r) => [
              r.period,
              money(r.spentAmount),
              money(r.counterpartInvested),
              r.late ? t('monitoring.report.late') : t('monitoring.report.inTime'),
            ])}
          />
        )}
        {isEnterprise && monitored && view.plan.length > 0 ? (
          <MonitoringForm
            id="report"
            heading={t('monitoring.report.formHeading')}
            lead={t('monitoring.report.formLead', { day: view.reportDueDay })}
            button={t('monitoring.report.send')}
            fields={reportFields}
            extra={async (payload) => {
              view.plan.forEach((m, i) => setPath(payload, `milestones[${i}].milestoneId`, m.id));
              const file = evidence.current?.files?.[0];
              if (file) {
                const document = await monitoringApi.evidence(id, 'EVIDENCE_PHOTO', file);
                payload.evidenceDocumentIds = [document.id];
              }
              return payload;
            }}
            send={(payload) => monitoringApi.report(id, payload)}
            onDone={(next) => {
              if (evidence.current) evidence.current.value = '';
              done(next);
            }}
            onProblemCount={setProblemCount}
          >
            <div className="field monitoring-file">
              <label className="field__label" htmlFor="report-evidence">
                {t('monitoring.report.evidence')}
              </label>
              <p className="field__hint" id="report-evidence-hint">
                {t('monitoring.report.evidenceHint')}
              </p>
              <input id="report-evidence" type="file" ref={evidence} accept="application/pdf,image/jpeg,image/png" aria-describedby="report-evidence-hint" />
            </div>
          </MonitoringForm>
        ) : null}
      </section>

      <section aria-labelledby="inspections-heading">
        <h2 id="inspections-heading">{t('monitoring.inspection.heading')}</h2>
        {view.inspections.length === 0 ? (
          <p>{t('monitoring.inspection.none')}</p>
        ) : (
          <ul lang={SERVER_LANGUAGE}>
            {view.inspections.map((i) => (
              <li key={i.id}>
                {date(i.inspectedOn)}: {i.findings} — {i.conclusion}
                {i.correctiveAction ? (
                  <>
                    {' '}
                    ({t('monitoring.inspection.correctiveAction')}: {i.correctiveAction}, {t('monitoring.inspection.correctiveDueOn')} {date(i.correctiveDueOn)})
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {isMonitor && monitored ? (
          <MonitoringForm
            id="inspection"
            heading={t('monitoring.inspection.formHeading')}
            button={t('monitoring.inspection.save')}
            fields={[
              { name: 'inspectedOn', kind: 'date', label: t('monitoring.inspection.inspectedOn'), required: true },
              { name: 'findings', kind: 'long', label: t('monitoring.inspection.findings'), required: true },
              { name: 'conclusion', kind: 'text', label: t('monitoring.inspection.conclusion'), required: true },
              { name: 'correctiveAction', kind: 'long', label: t('monitoring.inspection.correctiveAction') },
              { name: 'correctiveDueOn', kind: 'date', label: t('monitoring.inspection.correctiveDueOn') },
            ]}
            send={(payload) => monitoringApi.inspection(id, payload)}
            onDone={done}
            onProblemCount={setProblemCount}
          />
        ) : null}
      </section>

      <section aria-labelledby="money-heading">
        <h2 id="money-heading">{t('monitoring.money.heading')}</h2>
        {view.disbursements.length === 0 ? (
          <p>{t('monitoring.money.none')}</p>
        ) : (
          <Table
            caption={t('monitoring.money.heading')}
            head={[t('monitoring.money.kind'), t('monitoring.money.amount'), t('monitoring.money.paidOn'), t('monitoring.money.reference')]}
            rows={view.disbursements.map((d) => [t(`monitoring.money.kinds.${d.kind}`), money(d.amount), date(d.paidOn), d.reference])}
          />
        )}
        {isMonitor && monitored ? (
          <MonitoringForm
            id="disbursement"
            heading={t('monitoring.money.formHeading')}
            button={t('monitoring.money.save')}
            fields={[
              {
                name: 'kind',
                kind: 'select',
                label: t('monitoring.money.kind'),
                required: true,
                options: ['ADVANCE', 'PAYMENT'].map((value) => ({ value, label: t(`monitoring.money.kinds.${value}`) })),
              },
              { name: 'amount', kind: 'money', label: t('monitoring.money.amount'), required: true },
              { name: 'paidOn', kind: 'date', label: t('monitoring.money.paidOn'), required: true },
              { name: 'reference', kind: 'text', label: t('monitoring.money.reference'), required: true },
            ]}
            send={(payload) => monitoringApi.disbursement(id, payload)}
            onDone={done}
            onProblemCount={setProblemCount}
          />
        ) : null}
      </section>

      <section aria-labelledby="changes-heading">
        <h2 id="changes-heading">{t('monitoring.change.heading')}</h2>
        {view.changeRequests.length === 0 ? (
          <p>{t('monitoring.change.none')}</p>
        ) : (
          <ul>
            {view.changeRequests.map((c) => (
              <li key={c.id}>
                <strong>{t(`monitoring.change.kinds.${c.kind}`)}</strong> — {t(`monitoring.change.statuses.${c.status}`)}:{' '}
                <span lang={SERVER_LANGUAGE}>{c.reason}</span>
                {c.proposedAmount != null ? <> ({money(c.proposedAmount)})</> : null}
                {c.proposedEndsOn ? <> ({date(c.proposedEndsOn)})</> : null}
                {isApprover && c.status === 'PENDING' && monitored ? (
                  <MonitoringForm
                    id={`decision-${c.id}`}
                    heading={t('monitoring.change.decisionHeading')}
                    button={t('monitoring.change.decide')}
                    fields={[
                      {
                        name: 'approved',
                        kind: 'select',
                        label: t('monitoring.change.decision'),
                        required: true,
                        options: [
                          { value: 'true', label: t('monitoring.change.approve') },
                          { value: 'false', label: t('monitoring.change.refuse') },
                        ],
                      },
                      { name: 'comment', kind: 'long', label: t('monitoring.change.comment') },
                    ]}
                    extra={(payload) => ({ ...payload, approved: payload.approved === 'true' })}
                    send={(payload) => monitoringApi.decide(id, c.id, payload)}
                    onDone={done}
                    onProblemCount={setProblemCount}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {(isEnterprise || isMonitor) && monitored ? (
          <MonitoringForm
            id="change"
            heading={t('monitoring.change.formHeading')}
            lead={t('monitoring.change.formLead')}
            button={t('monitoring.change.send')}
            fields={[
              { name: 'kind', kind: 'select', label: t('monitoring.change.kind'), required: true, options: kindOptions },
              { name: 'reason', kind: 'long', label: t('monitoring.change.reason'), required: true },
              { name: 'proposedAmount', kind: 'money', label: t('monitoring.change.proposedAmount') },
              { name: 'proposedEndsOn', kind: 'date', label: t('monitoring.change.proposedEndsOn') },
              { name: 'proposedCommuneCode', kind: 'text', label: t('monitoring.change.proposedCommuneCode') },
              { name: 'proposedContent', kind: 'long', label: t('monitoring.change.proposedContent') },
            ]}
            send={(payload) => monitoringApi.changeRequest(id, payload)}
            onDone={done}
            onProblemCount={setProblemCount}
          />
        ) : null}
      </section>

      <section aria-labelledby="acceptance-heading">
        <h2 id="acceptance-heading">{t('monitoring.acceptance.heading')}</h2>
        {view.settlement ? (
          <dl className="summary-list">
            <div>
              <dt>{t('monitoring.acceptance.outcome')}</dt>
              <dd>{t(`monitoring.acceptance.outcomes.${view.settlement.outcome}`)}</dd>
            </div>
            <div>
              <dt>{t('monitoring.acceptance.totalSupportPaid')}</dt>
              <dd>{money(view.settlement.totalSupportPaid)}</dd>
            </div>
            <div>
              <dt>{t('monitoring.acceptance.counterpartRealised')}</dt>
              <dd>{money(view.settlement.counterpartRealised)}</dd>
            </div>
            <div>
              <dt>{t('monitoring.acceptance.workersTrained')}</dt>
              <dd>{view.settlement.workersTrained}</dd>
            </div>
            <div>
              <dt>{t('monitoring.acceptance.machinesWorking')}</dt>
              <dd>
                {view.settlement.machinesWorking}/{view.settlement.machinesInstalled}
              </dd>
            </div>
            <div>
              <dt>{t('monitoring.acceptance.settledOn')}</dt>
              <dd>{date(view.settlement.settledOn)}</dd>
            </div>
          </dl>
        ) : (
          <p>{t('monitoring.acceptance.none')}</p>
        )}
        {view.acceptance ? <p lang={SERVER_LANGUAGE}>{view.acceptance.conclusion}</p> : null}
        {isMonitor && monitored ? (
          <MonitoringForm
            id="acceptance"
            heading={t('monitoring.acceptance.formHeading')}
            lead={t('monitoring.acceptance.formLead')}
            button={t('monitoring.acceptance.save')}
            fields={[
              { name: 'acceptedOn', kind: 'date', label: t('monitoring.acceptance.acceptedOn'), required: true },
              { name: 'outcomes.workersTrained', kind: 'count', label: t('monitoring.acceptance.workersTrained'), required: true },
              { name: 'outcomes.machinesInstalled', kind: 'count', label: t('monitoring.acceptance.machinesInstalled'), required: true },
              { name: 'outcomes.machinesWorking', kind: 'count', label: t('monitoring.acceptance.machinesWorking'), required: true },
              { name: 'outcomes.products', kind: 'count', label: t('monitoring.acceptance.products'), required: true },
              { name: 'outcomes.fairsAttended', kind: 'count', label: t('monitoring.acceptance.fairsAttended'), required: true },
              { name: 'counterpartRealised', kind: 'money', label: t('monitoring.acceptance.counterpartRealised'), required: true },
              { name: 'conclusion', kind: 'long', label: t('monitoring.acceptance.conclusion'), required: true },
            ]}
            send={(payload) => monitoringApi.accept(id, payload)}
            onDone={done}
            onProblemCount={setProblemCount}
          />
        ) : null}
        {isApprover && monitored ? (
          <MonitoringForm
            id="termination"
            heading={t('monitoring.termination.heading')}
            lead={t('monitoring.termination.lead')}
            button={t('monitoring.termination.button')}
            fields={[{ name: 'comment', kind: 'long', label: t('monitoring.termination.reason'), required: true }]}
            send={async (payload) => {
              await monitoringApi.terminate(id, String(payload.comment));
              return monitoringApi.view(id);
            }}
            onDone={() => reload()}
            onProblemCount={setProblemCount}
          />
        ) : null}
      </section>

      <MonitoringTimeline entries={current.history} />

      <p className="no-print">
        <Link to={`/ho-so/${encodeURIComponent(id)}`}>{t('monitoring.back')}</Link>
      </p>
    </>
  );
}
