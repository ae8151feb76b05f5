import { useTranslation } from 'react-i18next';
import type { DossierDocument } from '../../api/types';
import { formatFileSize, formatInstant } from '../../lib/format';
import './DocumentList.css';

/** Uploaded documents as cards: a 64-character hash does not fit a table row on a phone. */
export function DocumentList({ documents }: { documents: DossierDocument[] }) {
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
