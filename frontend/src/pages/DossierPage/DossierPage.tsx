import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, catalogueContents, isApiError, type CatalogueContent, type Dossier, type DossierDocument } from '../../api';
import { describeError, SERVER_LANGUAGE } from '../../api/describeError';
import { ConfirmDialog } from '../../components/ConfirmDialog/ConfirmDialog';
import { DocumentList } from '../../components/DocumentList/DocumentList';
import { DocumentUpload } from '../../components/DocumentUpload/DocumentUpload';
import { ErrorSummary } from '../../components/ErrorSummary/ErrorSummary';
import { ErrorText } from '../../components/ErrorText/ErrorText';
import { Loading } from '../../components/Loading/Loading';
import { PageHeading } from '../../components/PageHeading/PageHeading';
import { StatusTag } from '../../components/StatusTag/StatusTag';
import { SubmissionReceipt } from '../../components/SubmissionReceipt/SubmissionReceipt';
import { formatCalendarDate, formatInstant } from '../../lib/format';
import { formatVnd } from '../../lib/money';
import { usePageTitle } from '../../lib/usePageTitle';
import { useResource } from '../../lib/useResource';
import type { FieldProblem } from '../../lib/validation';

const REQUEST_LETTER_INPUT = 'request-letter';

interface DossierView {
  dossier: Dossier;
  documents: DossierDocument[];
  contents: CatalogueContent[];
}

async function loadDossier(id: string): Promise<DossierView> {
  const [dossier, documents, contents] = await Promise.all([
    api.dossier(id),
    api.documents(id),
    // The content's name is a nicety: the page works with its code if the catalogue is down.
    catalogueContents().catch(() => [] as CatalogueContent[]),
  ]);
  return { dossier, documents, contents };
}

function Details({ view }: { view: DossierView }) {
  const { t, i18n } = useTranslation();
  const { dossier } = view;
  const content = view.contents.find((c) => c.code === dossier.contentCode);
  const rows: [string, ReactNode][] = [
    [t('status.label'), <StatusTag status={dossier.status} serverName={dossier.statusName} />],
    [t('dossier.code'), dossier.code ?? t('common.noCode')],
    [t('dossier.dossierTitle'), dossier.title],
    [t('dossier.content'), <span lang={SERVER_LANGUAGE}>{content?.name ?? dossier.contentCode}</span>],
    [t('dossier.programme'), t(`programme.${dossier.programme}`, { defaultValue: dossier.programme })],
    [t('dossier.requestedSupport'), formatVnd(dossier.requestedSupport, i18n.language)],
    [t('dossier.createdAt'), <time dateTime={dossier.createdAt}>{formatInstant(dossier.createdAt, i18n.language)}</time>],
  ];
  if (dossier.submittedAt) {
    rows.push([
      t('dossier.submittedAt'),
      <time dateTime={dossier.submittedAt}>{formatInstant(dossier.submittedAt, i18n.language)}</time>,
    ]);
  }
  if (dossier.appointmentDate) {
    rows.push([
      t('dossier.appointmentDate'),
      <time dateTime={dossier.appointmentDate}>{formatCalendarDate(dossier.appointmentDate, i18n.language)}</time>,
    ]);
  }
  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">{t('dossier.details')}</h2>
      <dl className="summary-list">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** One dossier: its details and documents; while a draft, the upload and the submission. */
export function DossierPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [view, reload, replace] = useResource(() => loadDossier(id), [id]);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [justSubmitted, setJustSubmitted] = useState(false);
  const receiptHeading = useRef<HTMLHeadingElement>(null);

  const current = view.state === 'ready' ? view.data : null;
  const dossier = current?.dossier ?? null;
  usePageTitle(
    dossier ? t('dossier.title', { name: dossier.title }) : t('dossier.details'),
    problems.length + (uploadError ? 1 : 0),
  );

  useEffect(() => {
    if (justSubmitted && dossier?.code) receiptHeading.current?.focus();
  }, [justSubmitted, dossier?.code]);

  const uploaded = useCallback(
    (document: DossierDocument) => {
      if (!current) return;
      replace({ ...current, documents: [...current.documents.filter((d) => d.id !== document.id), document] });
      setProblems([]);
    },
    [current, replace],
  );

  async function submit() {
    if (!current) return;
    setConfirming(false);
    setSubmitting(true);
    try {
      const submitted = await api.fire(current.dossier.id, 'SUBMIT');
      setProblems([]);
      setJustSubmitted(true);
      replace({ ...current, dossier: submitted });
      if (!submitted.code) reload();
    } catch (error) {
      // A refusal usually means a required document is missing: point at the upload.
      const linkTo = current.documents.length === 0 ? REQUEST_LETTER_INPUT : undefined;
      const messages =
        isApiError(error) && error.problem.errors.length > 0
          ? error.problem.errors.map((e) => ({ message: e.message, lang: SERVER_LANGUAGE }))
          : [describeError(t, error)];
      setProblems(messages.map((message) => (linkTo ? { fieldId: linkTo, ...message } : message)));
      setAttempt((n) => n + 1);
    } finally {
      setSubmitting(false);
    }
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
          <Link to="/ho-so">{t('dossier.backToList')}</Link>
        </p>
      </>
    );
  }

  const isDraft = dossier?.status === 'DRAFT';
  return (
    <>
      <PageHeading caption={dossier ? <StatusTag status={dossier.status} serverName={dossier.statusName} /> : undefined}>
        {dossier ? dossier.title : t('dossier.details')}
      </PageHeading>
      <ErrorSummary problems={problems} attempt={attempt} />

      {!current ? (
        <Loading />
      ) : (
        <>
          {dossier?.code ? <SubmissionReceipt dossier={current.dossier} headingRef={receiptHeading} /> : null}

          <Details view={current} />

          <section aria-labelledby="documents-heading">
            <h2 id="documents-heading">{t('dossier.documentsHeading')}</h2>
            <DocumentList documents={current.documents} />
            {isDraft ? (
              <div className="no-print">
                <h3>{t('upload.heading')}</h3>
                <DocumentUpload
                  dossierId={current.dossier.id}
                  documentType="REQUEST_LETTER"
                  inputId={REQUEST_LETTER_INPUT}
                  onUploaded={uploaded}
                  onErrorChange={setUploadError}
                />
              </div>
            ) : null}
          </section>

          {isDraft ? (
            <section aria-labelledby="submit-heading" className="no-print">
              <h2 id="submit-heading">{t('dossier.submitHeading')}</h2>
              <p>{t('dossier.submitLead')}</p>
              <div className="button-group">
                <button type="button" className="button" disabled={submitting} onClick={() => setConfirming(true)}>
                  {submitting ? t('dossier.submitting') : t('dossier.submit')}
                </button>
              </div>
              <ConfirmDialog
                open={confirming}
                title={t('dossier.confirmTitle')}
                text={t('dossier.confirmText')}
                confirmLabel={t('dossier.confirmYes')}
                cancelLabel={t('dossier.confirmNo')}
                onConfirm={() => void submit()}
                onCancel={() => setConfirming(false)}
              />
            </section>
          ) : null}

          <p className="no-print">
            <Link to="/ho-so">{t('dossier.backToList')}</Link>
          </p>
        </>
      )}
    </>
  );
}
