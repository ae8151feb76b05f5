import { useEffect, useRef } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, catalogueContents, type CatalogueContent, type DossierDocument } from '../../api';
import { SERVER_LANGUAGE } from '../../api/describeError';
import { useAuth } from '../../auth/AuthContext';
import { ErrorText } from '../../components/ErrorText/ErrorText';
import { Loading } from '../../components/Loading/Loading';
import { PageHeading } from '../../components/PageHeading/PageHeading';
import { SubmissionReceipt } from '../../components/SubmissionReceipt/SubmissionReceipt';
import { formatVnd } from '../../lib/money';
import { usePageTitle } from '../../lib/usePageTitle';
import { useResource } from '../../lib/useResource';
import './ReceiptPage.css';

async function loadReceipt(id: string) {
  const dossier = await api.dossier(id);
  const [documents, contents] = await Promise.all([
    api.documents(id).catch(() => [] as DossierDocument[]),
    catalogueContents().catch(() => [] as CatalogueContent[]),
  ]);
  return { dossier, documents, content: contents.find((c) => c.code === dossier.contentCode) ?? null };
}

/**
 * "Giấy tiếp nhận hồ sơ và hẹn trả kết quả": what the enterprise keeps once it has submitted —
 * the dossier code, the appointment date and the documents received — laid out to print on A4.
 */
export function ReceiptPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const { state: auth } = useAuth();
  const justSubmitted = Boolean((location.state as { submitted?: boolean } | null)?.submitted);
  const [view] = useResource(() => loadReceipt(id), [id]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  usePageTitle(t('receipt.heading'));

  useEffect(() => {
    if (justSubmitted && view.state === 'ready') headingRef.current?.focus();
  }, [justSubmitted, view.state]);

  const organisation = auth.status === 'signedIn' ? auth.user.organisationName : null;
  return (
    <>
      <PageHeading>{t('wizard.receiptHeading')}</PageHeading>
      {view.state === 'loading' ? (
        <Loading />
      ) : view.state === 'failed' ? (
        <div className="notice notice--error" role="alert">
          <ErrorText error={view.error} />
        </div>
      ) : !view.data.dossier.code ? (
        <div className="notice">
          <p>{t('wizard.notSubmittedYet')}</p>
          <p>
            <Link to={`/ho-so/${encodeURIComponent(id)}/sua`}>{t('wizard.resume')}</Link>
          </p>
        </div>
      ) : (
        <div className="receipt-page">
          {justSubmitted ? (
            <div className="notice notice--success no-print" role="status">
              <p>{t('wizard.submittedNotice')}</p>
            </div>
          ) : null}
          <SubmissionReceipt dossier={view.data.dossier} headingRef={headingRef} />
          <section aria-labelledby="receipt-details-heading" className="receipt-page__details">
            <h2 id="receipt-details-heading">{t('wizard.receiptDetails')}</h2>
            <dl className="summary-list">
              <div>
                <dt>{t('wizard.procedure')}</dt>
                <dd>{t('wizard.procedureName')}</dd>
              </div>
              {organisation ? (
                <div>
                  <dt>{t('wizard.applicant')}</dt>
                  <dd>{organisation}</dd>
                </div>
              ) : null}
              {view.data.content ? (
                <div>
                  <dt>{t('newDossier.contentLabel')}</dt>
                  <dd lang={SERVER_LANGUAGE}>{view.data.content.name}</dd>
                </div>
              ) : null}
              {view.data.dossier.requestedSupport ? (
                <div>
                  <dt>{t('form.requestedSupportLabel')}</dt>
                  <dd>{formatVnd(view.data.dossier.requestedSupport, i18n.language)}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t('wizard.documentsReceived')}</dt>
                <dd>
                  {view.data.documents.length === 0 ? (
                    t('common.none')
                  ) : (
                    <ul className="receipt-page__files">
                      {view.data.documents.map((d) => (
                        <li key={d.id}>
                          {t(`documentType.${d.documentType}`, { defaultValue: d.documentType })}: {d.fileName}
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
            </dl>
            <p>{t('wizard.receiptResult')}</p>
          </section>
          <p className="no-print">
            <Link to={`/ho-so/${encodeURIComponent(id)}`}>{t('wizard.toDossier')}</Link>
            {' · '}
            <Link to="/ho-so">{t('dossier.backToList')}</Link>
          </p>
        </div>
      )}
    </>
  );
}
