import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  api,
  catalogue,
  catalogueContents,
  isApiError,
  type CatalogueContent,
  type Commune,
  type ContentDetail,
  type Dossier,
  type DossierDocument,
  type HistoryEntry,
  type Processing,
  type WorkflowEvent,
} from '../../api';
import { describeError, SERVER_LANGUAGE } from '../../api/describeError';
import { useAuth } from '../../auth/AuthContext';
import { ConfirmDialog } from '../../components/ConfirmDialog/ConfirmDialog';
import { DeadlineTag } from '../../components/DeadlineTag/DeadlineTag';
import { DocumentChecklist } from '../../components/DocumentChecklist/DocumentChecklist';
import { checklistInputId, documentTypeOfField } from '../../components/DocumentChecklist/checklistInput';
import { DocumentList } from '../../components/DocumentList/DocumentList';
import { ErrorSummary } from '../../components/ErrorSummary/ErrorSummary';
import { ErrorText } from '../../components/ErrorText/ErrorText';
import { OfficialDocuments } from '../../components/OfficialDocuments/OfficialDocuments';
import { SatisfactionForm } from '../../components/Satisfaction/SatisfactionForm';
import { Timeline } from '../../components/Timeline/Timeline';
import { Loading } from '../../components/Loading/Loading';
import { PageHeading } from '../../components/PageHeading/PageHeading';
import { StatusTag } from '../../components/StatusTag/StatusTag';
import { SubmissionReceipt } from '../../components/SubmissionReceipt/SubmissionReceipt';
import { formatCalendarDate, formatInstant } from '../../lib/format';
import { formatVnd } from '../../lib/money';
import { usePageTitle } from '../../lib/usePageTitle';
import { useResource } from '../../lib/useResource';
import type { FieldProblem } from '../../lib/validation';
import { OfficerActions } from './OfficerActions';
import './DossierPage.css';

/** The checklist's upload of the document type a refusal names (`documents.TYPE`), the request letter's by default. */
function documentInput(field: string | null | undefined): string {
  return checklistInputId(documentTypeOfField(field) ?? 'REQUEST_LETTER');
}

/** Refusals of a submission that point at answers of the form. */
const FORM_RULES = new Set(['form-complete', 'support-cap']);

interface DossierView {
  dossier: Dossier;
  documents: DossierDocument[];
  contents: CatalogueContent[];
  content: ContentDetail | null;
  communes: Commune[];
  history: HistoryEntry[];
  processing: Processing | null;
}

async function loadDossier(id: string): Promise<DossierView> {
  const dossier = await api.dossier(id);
  // The catalogue's names and the processing record are niceties: the page works without them.
  const [documents, contents, content, communes, history, processing] = await Promise.all([
    api.documents(id),
    catalogueContents().catch(() => [] as CatalogueContent[]),
    catalogue.content(dossier.contentCode).catch(() => null),
    catalogue.communes().catch(() => [] as Commune[]),
    api.history(id).catch(() => [] as HistoryEntry[]),
    api.processing(id).catch(() => null),
  ]);
  return { dossier, documents, contents, content, communes, history, processing };
}

function editHref(dossier: Dossier, fieldId?: string | null) {
  return `/ho-so/${encodeURIComponent(dossier.id)}/sua${fieldId ? `#${fieldId}` : ''}`;
}

function SummaryList({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="summary-list">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Details({ view }: { view: DossierView }) {
  const { t, i18n } = useTranslation();
  const { dossier } = view;
  const money = (value: number | null | undefined) => (value == null ? t('common.none') : formatVnd(value, i18n.language));
  const date = (value: string | null | undefined) =>
    value ? <time dateTime={value}>{formatCalendarDate(value, i18n.language)}</time> : t('common.none');
  const content = view.contents.find((c) => c.code === dossier.contentCode);
  const kind = view.content?.supportKinds.find((k) => k.kind.code === dossier.supportKind);
  const commune = view.communes.find((c) => c.code === dossier.communeCode);
  const rows: [string, ReactNode][] = [
    [t('status.label'), <StatusTag status={dossier.status} serverName={dossier.statusName} />],
    [t('dossier.code'), dossier.code ?? t('common.noCode')],
    [t('dossier.dossierTitle'), dossier.title],
    [t('dossier.content'), <span lang={SERVER_LANGUAGE}>{content?.name ?? dossier.contentCode}</span>],
    [t('dossier.programme'), t(`programme.${dossier.programme}`, { defaultValue: dossier.programme })],
    [t('form.supportKind'), dossier.supportKind ? <span lang={SERVER_LANGUAGE}>{kind?.kind.name ?? dossier.supportKind}</span> : t('common.none')],
    [t('form.commune'), dossier.communeCode ? <span lang={SERVER_LANGUAGE}>{commune?.name ?? dossier.communeCode}</span> : t('common.none')],
    [t('form.totalBudgetLabel'), money(dossier.totalBudget)],
    [t('dossier.requestedSupport'), money(dossier.requestedSupport)],
    [t('form.counterpartFundsLabel'), money(dossier.counterpartFunds)],
    [t('form.startsOn'), date(dossier.startsOn)],
    [t('form.endsOn'), date(dossier.endsOn)],
    [t('form.expectedOutcomes'), dossier.expectedOutcomes ? <span className="pre-line">{dossier.expectedOutcomes}</span> : t('common.none')],
    [t('dossier.createdAt'), <time dateTime={dossier.createdAt}>{formatInstant(dossier.createdAt, i18n.language)}</time>],
  ];
  if (dossier.submittedAt) {
    rows.push([
      t('dossier.submittedAt'),
      <time dateTime={dossier.submittedAt}>{formatInstant(dossier.submittedAt, i18n.language)}</time>,
    ]);
  }
  if (dossier.appointmentDate) rows.push([t('dossier.appointmentDate'), date(dossier.appointmentDate)]);
  if (dossier.deadline && dossier.deadline !== 'NONE') rows.push([t('deadline.label'), <DeadlineTag deadline={dossier.deadline} />]);
  if (dossier.assignedReviewer) rows.push([t('dossier.assignedReviewer'), dossier.assignedReviewer]);

  const answers = dossier.answers ?? {};
  const fields = view.content?.fields ?? [];
  const answerRows: [string, ReactNode][] = fields
    .filter((f) => answers[f.key] !== undefined && answers[f.key] !== null && answers[f.key] !== '')
    .map((f) => {
      const value = answers[f.key];
      const shown =
        typeof value === 'boolean'
          ? value
            ? t('form.yes')
            : t('form.no')
          : f.type === 'MONEY' && typeof value === 'number'
            ? formatVnd(value, i18n.language)
            : f.type === 'DATE'
              ? date(String(value))
              : <span className="pre-line">{String(value)}</span>;
      return [f.label, shown];
    });
  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">{t('dossier.details')}</h2>
      <SummaryList rows={rows} />
      {answerRows.length > 0 ? (
        <>
          <h3 id="answers-heading">{t('dossier.answersHeading')}</h3>
          <div lang={SERVER_LANGUAGE}>
            <SummaryList rows={answerRows} />
          </div>
        </>
      ) : null}
    </section>
  );
}

function SupplementRequest({ processing }: { processing: Processing }) {
  const { t, i18n } = useTranslation();
  const request = processing.supplementRequest;
  if (!request) return null;
  return (
    <section aria-labelledby="supplement-heading" className="notice">
      <h2 id="supplement-heading" className="notice__title">
        {t('supplement.heading')}
      </h2>
      <p lang={SERVER_LANGUAGE} className="pre-line">
        {request.reasons}
      </p>
      {request.items.length > 0 ? (
        <>
          <p>{t('supplement.items')}</p>
          <ul lang={SERVER_LANGUAGE}>
            {request.items.map((item, index) => (
              <li key={index}>{item}</li>
            ))}
          </ul>
        </>
      ) : null}
      {request.requestedAt ? (
        <p>
          {t('supplement.requestedAt')}{' '}
          <time dateTime={request.requestedAt}>{formatInstant(request.requestedAt, i18n.language)}</time>
        </p>
      ) : null}
      {request.answeredAt ? (
        <p>
          {t('supplement.answeredAt')}{' '}
          <time dateTime={request.answeredAt}>{formatInstant(request.answeredAt, i18n.language)}</time>
        </p>
      ) : null}
    </section>
  );
}

function Decisions({ processing }: { processing: Processing }) {
  const { t, i18n } = useTranslation();
  if (processing.reviews.length === 0 && !processing.decision) return null;
  return (
    <section aria-labelledby="processing-heading">
      <h2 id="processing-heading">{t('processing.heading')}</h2>
      {processing.reviews.map((review, index) => (
        <SummaryList
          key={index}
          rows={[
            [t('processing.reviewer'), review.reviewer],
            [t('processing.totalScore'), String(review.totalScore)],
            [t('processing.recommendedAmount'), formatVnd(review.recommendedAmount, i18n.language)],
            ...(review.comment ? ([[t('processing.comment'), <span lang={SERVER_LANGUAGE}>{review.comment}</span>]] as [string, ReactNode][]) : []),
          ]}
        />
      ))}
      {processing.decision ? (
        <SummaryList
          rows={[
            [t('processing.decisionNumber'), processing.decision.decisionNumber],
            [t('processing.approvedAmount'), formatVnd(processing.decision.approvedAmount, i18n.language)],
          ]}
        />
      ) : null}
    </section>
  );
}

type Pending = 'SUBMIT' | 'RESUBMIT' | 'WITHDRAW' | null;

/** One dossier: details, documents, history; what the enterprise or the officer can do next. */
export function DossierPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { state: auth } = useAuth();
  const roles = auth.status === 'signedIn' ? auth.user.roles : [];
  const isEnterprise = roles.includes('ENTERPRISE');
  const [view, , replace] = useResource(() => loadDossier(id), [id]);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [actionProblems, setActionProblems] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const [uploadErrors, setUploadErrors] = useState<Record<string, string>>({});
  const uploadErrorChanged = useCallback((type: string, message: string | null) => {
    setUploadErrors((errors) => {
      if ((errors[type] ?? null) === message) return errors;
      const { [type]: _cleared, ...others } = errors;
      return message ? { ...others, [type]: message } : others;
    });
  }, []);
  const [confirming, setConfirming] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [justSubmitted, setJustSubmitted] = useState(false);
  const [done, setDone] = useState<WorkflowEvent | null>(null);
  const receiptHeading = useRef<HTMLHeadingElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  const current = view.state === 'ready' ? view.data : null;
  const dossier = current?.dossier ?? null;
  usePageTitle(
    dossier ? t('dossier.title', { name: dossier.title }) : t('dossier.details'),
    problems.length + Object.keys(uploadErrors).length + actionProblems,
  );

  useEffect(() => {
    if (justSubmitted && dossier?.code) receiptHeading.current?.focus();
  }, [justSubmitted, dossier?.code]);

  useEffect(() => {
    if (done && !justSubmitted && view.state === 'ready') doneRef.current?.focus();
  }, [done, justSubmitted, view.state]);

  /** Reads the dossier again without leaving the page blank meanwhile (history, processing, receipt). */
  const refresh = useCallback(() => {
    loadDossier(id).then(replace, () => undefined);
  }, [id, replace]);

  const uploaded = useCallback(
    (document: DossierDocument) => {
      if (!current) return;
      replace({ ...current, documents: [...current.documents.filter((d) => d.id !== document.id), document] });
      setProblems([]);
    },
    [current, replace],
  );

  function refusal(error: unknown, on: Dossier): FieldProblem[] {
    if (!isApiError(error) || error.problem.errors.length === 0) {
      const described = describeError(t, error);
      return [isApiError(error) && error.problem.rule === 'required-documents' ? { fieldId: documentInput(null), ...described } : described];
    }
    const rule = error.problem.rule;
    return error.problem.errors.map((e) => {
      const message = { message: e.message, lang: SERVER_LANGUAGE };
      if (rule === 'required-documents' || rule === 'documents-clean') return { fieldId: documentInput(e.field), ...message };
      if ((rule && FORM_RULES.has(rule)) || e.field) return { href: editHref(on, e.field), ...message };
      return message;
    });
  }

  async function fire(event: Exclude<Pending, null>) {
    if (!current) return;
    setConfirming(null);
    setBusy(true);
    try {
      const updated = await api.fire(current.dossier.id, event);
      setProblems([]);
      if (event === 'SUBMIT') setJustSubmitted(true);
      setDone(event);
      replace({ ...current, dossier: updated });
      refresh();
    } catch (error) {
      setProblems(refusal(error, current.dossier));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  function officerDone(updated: Dossier, event: WorkflowEvent) {
    if (!current) return;
    setDone(event);
    replace({ ...current, dossier: updated });
    refresh();
  }

  if (view.state === 'failed') {
    const missing = isApiError(view.error) && (view.error.status === 404 || view.error.status === 403);
    return (
      <>
        <PageHeading>{t('dossier.details')}</PageHeading>
        <div className="notice notice--error" role="alert">
          {missing ? <p>{t('dossier.notFound')}</p> : <ErrorText error={view.error} />}
        </div>
        <p>
          <Link to={isEnterprise ? '/ho-so' : '/can-bo'}>{t('dossier.backToList')}</Link>
        </p>
      </>
    );
  }

  const editable = dossier?.editable === true;
  const offered = new Set(dossier?.allowedEvents ?? []);
  const confirmTexts = {
    SUBMIT: ['dossier.confirmTitle', 'dossier.confirmText', 'dossier.confirmYes'],
    RESUBMIT: ['supplement.confirmTitle', 'supplement.confirmText', 'supplement.resubmit'],
    WITHDRAW: ['withdraw.confirmTitle', 'withdraw.confirmText', 'withdraw.confirmYes'],
  } as const;
  return (
    <>
      <PageHeading caption={dossier ? <StatusTag status={dossier.status} serverName={dossier.statusName} /> : undefined}>
        {dossier ? dossier.title : t('dossier.details')}
      </PageHeading>
      <ErrorSummary problems={problems} attempt={attempt} />
      {done && !justSubmitted ? (
        <div className="notice notice--success" role="status" tabIndex={-1} ref={doneRef}>
          <p>{t('action.done', { event: t(`event.${done}`) })}</p>
        </div>
      ) : null}

      {!current || !dossier ? (
        <Loading />
      ) : (
        <>
          {dossier.code && isEnterprise ? <SubmissionReceipt dossier={dossier} headingRef={receiptHeading} /> : null}

          {current.processing?.supplementRequest ? <SupplementRequest processing={current.processing} /> : null}

          <Details view={current} />
          {editable ? (
            <p className="no-print">
              <Link to={editHref(dossier)} className="button button--secondary">
                {t('dossier.edit')}
              </Link>
            </p>
          ) : null}

          <section aria-labelledby="documents-heading">
            <h2 id="documents-heading">{t('dossier.documentsHeading')}</h2>
            <DocumentChecklist
              dossierId={dossier.id}
              editable={editable}
              version={current.documents.length}
              onUploaded={uploaded}
              onErrorChange={uploadErrorChanged}
            />
            <DocumentList documents={current.documents} dossierId={dossier.id} />
          </section>

          {current.processing ? <Decisions processing={current.processing} /> : null}
          {['APPROVED', 'MONITORED', 'COMPLETED', 'TERMINATED'].includes(current.dossier.status) ? <p className="no-print"><Link to={`/ho-so/${encodeURIComponent(current.dossier.id)}/theo-doi`}>{t('monitoring.link')}</Link></p> : null}

          {dossier.code ? <OfficialDocuments dossierId={dossier.id} roles={roles} version={dossier.version} /> : null}
          {isEnterprise && dossier.code ? <SatisfactionForm dossierId={dossier.id} version={dossier.version} /> : null}

          {offered.has('SUBMIT') ? (
            <section aria-labelledby="submit-heading" className="no-print">
              <h2 id="submit-heading">{t('dossier.submitHeading')}</h2>
              <p>{t('dossier.submitLead')}</p>
              <div className="button-group">
                <button type="button" className="button" disabled={busy} onClick={() => setConfirming('SUBMIT')}>
                  {busy ? t('dossier.submitting') : t('dossier.submit')}
                </button>
              </div>
            </section>
          ) : null}

          {offered.has('RESUBMIT') ? (
            <section aria-labelledby="resubmit-heading" className="no-print">
              <h2 id="resubmit-heading">{t('supplement.resubmitHeading')}</h2>
              <p>{t('supplement.resubmitLead')}</p>
              <div className="button-group">
                <button type="button" className="button" disabled={busy} onClick={() => setConfirming('RESUBMIT')}>
                  {t('supplement.resubmit')}
                </button>
              </div>
            </section>
          ) : null}

          <OfficerActions view={{ dossier, processing: current.processing }} onDone={officerDone} onProblemCount={setActionProblems} />

          {current.history.length > 0 ? (
            <section aria-labelledby="history-heading">
              <h2 id="history-heading">{t('history.heading')}</h2>
              <Timeline history={current.history} labelledBy="history-heading" />
            </section>
          ) : null}

          {offered.has('WITHDRAW') ? (
            <section aria-labelledby="withdraw-heading" className="no-print">
              <h2 id="withdraw-heading">{t('withdraw.heading')}</h2>
              <p>{t('withdraw.lead')}</p>
              <button type="button" className="button button--warning" disabled={busy} onClick={() => setConfirming('WITHDRAW')}>
                {t('withdraw.button')}
              </button>
            </section>
          ) : null}

          <ConfirmDialog
            open={confirming !== null}
            title={confirming ? t(confirmTexts[confirming][0]) : ''}
            text={confirming ? t(confirmTexts[confirming][1]) : ''}
            confirmLabel={confirming ? t(confirmTexts[confirming][2]) : ''}
            cancelLabel={t('dossier.confirmNo')}
            onConfirm={() => confirming && void fire(confirming)}
            onCancel={() => setConfirming(null)}
          />

          <p className="no-print">
            <Link to={isEnterprise ? '/ho-so' : '/can-bo'}>{isEnterprise ? t('dossier.backToList') : t('queue.back')}</Link>
          </p>
        </>
      )}
    </>
  );
}
