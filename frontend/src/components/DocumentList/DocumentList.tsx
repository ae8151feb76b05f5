import { useTranslation } from 'react-i18next';
import type { StoredDocument } from '../../api/documents';
import type { DossierDocument } from '../../api/types';
import { formatFileSize, formatInstant } from '../../lib/format';
import './DocumentList.css';

/** Uploaded documents as cards: a 64-character hash does not fit a table row on a phone. */
export function DocumentList({ documents }: { documents: (DossierDocument | StoredDocument)[] }) {
  const { t, i18n } = useTranslation();
  if (documents.length === 0) return <p>{t('dossier.noDocuments')}</p>;
  return (
    <ul className="document-list" aria-label={t('dossier.documentsCaption')}>
      {documents.map((document) => (
        <li key={document.id} className="document-list__item">
          <h3 className="document-list__type">
            {t(`documentType.${document.documentType}`, { defaultValue: document.documentType })}
          </h3>
          <dl className="summary-list document-list__details">
            <div>
              <dt>{t('dossier.fileName')}</dt>
              <dd>{document.fileName}</dd>
            </div>
            <div>
              <dt>{t('dossier.size')}</dt>
              <dd>{formatFileSize(document.sizeBytes, i18n.language)}</dd>
            </div>
            <div>
              <dt>{t('dossier.sha256')}</dt>
              <dd className="mono" data-testid="document-sha256">
                {document.sha256}
              </dd>
            </div>
            <Checks document={document} />
            <div>
              <dt>{t('dossier.uploadedAt')}</dt>
              <dd>
                <time dateTime={document.uploadedAt}>{formatInstant(document.uploadedAt, i18n.language)}</time>
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}

/** What the scanner, the integrity check and the versions say about a document, when they say something. */
function Checks({ document }: { document: DossierDocument | StoredDocument }) {
  const { t } = useTranslation();
  const stored = document as StoredDocument;
  return (
    <>
      {stored.scanStatus && stored.scanStatus !== 'NOT_SCANNED' ? (
        <div>
          <dt>{t('documents.scanLabel')}</dt>
          <dd className={stored.scanStatus === 'INFECTED' ? 'document-list__alert' : undefined}>
            {t(`documents.scan.${stored.scanStatus}`)}
          </dd>
        </div>
      ) : null}
      {stored.integrityFailedAt ? (
        <div>
          <dt>{t('documents.integrityLabel')}</dt>
          <dd className="document-list__alert">{t('documents.integrityFailed')}</dd>
        </div>
      ) : null}
      {stored.replacesId ? (
        <div>
          <dt>{t('documents.versionLabel')}</dt>
          <dd>{t('documents.replacesEarlier')}</dd>
        </div>
      ) : null}
    </>
  );
}
