import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, type Described } from '../../api/describeError';
import type { StoredDocument } from '../../api/documents';
import type { DossierDocument } from '../../api/types';
import { formatFileSize, formatInstant } from '../../lib/format';
import { canPreview, DocumentPreview, saveDocument } from '../DocumentPreview/DocumentPreview';
import './DocumentList.css';

type Listed = DossierDocument | StoredDocument;

/**
 * Uploaded documents as cards: a 64-character hash does not fit a table row on a phone. With the dossier's id,
 * each card offers the file for download, and PDFs and images for a preview in the page.
 */
export function DocumentList({ documents, dossierId }: { documents: Listed[]; dossierId?: string }) {
  const { t, i18n } = useTranslation();
  const [previewed, setPreviewed] = useState<Listed | null>(null);
  if (documents.length === 0) return <p>{t('dossier.noDocuments')}</p>;
  return (
    <>
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
          {dossierId ? <FileActions dossierId={dossierId} document={document} onPreview={() => setPreviewed(document)} /> : null}
        </li>
      ))}
    </ul>
    {dossierId ? <DocumentPreview dossierId={dossierId} document={previewed} onClose={() => setPreviewed(null)} /> : null}
    </>
  );
}

/**
 * Preview for what a browser shows by itself, download for every type; nothing while the virus scan is pending or
 * after it found a virus (the server refuses the download then).
 */
function FileActions({ dossierId, document, onPreview }: { dossierId: string; document: Listed; onPreview: () => void }) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Described | null>(null);
  const scanStatus = (document as StoredDocument).scanStatus;
  if (scanStatus === 'INFECTED' || scanStatus === 'PENDING') return null;

  async function save() {
    setSaving(true);
    setFailure(null);
    try {
      await saveDocument(dossierId, document);
    } catch (error) {
      setFailure(describeError(t, error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="document-list__actions no-print">
      <div className="button-group">
        {canPreview(document.contentType) ? (
          <button
            type="button"
            className="button button--secondary"
            aria-label={t('preview.openFile', { fileName: document.fileName })}
            onClick={onPreview}
          >
            {t('preview.open')}
          </button>
        ) : null}
        <button
          type="button"
          className="button button--secondary"
          aria-label={t(saving ? 'preview.downloadingFile' : 'preview.downloadFile', { fileName: document.fileName })}
          disabled={saving}
          onClick={save}
        >
          {saving ? t('preview.downloading') : t('preview.download')}
        </button>
      </div>
      {failure ? (
        <p className="document-list__alert" role="alert">
          {t('preview.downloadFailed', { fileName: document.fileName })} <span lang={failure.lang}>{failure.message}</span>
        </p>
      ) : null}
    </div>
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
