import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { describeError } from '../../api/describeError';
import { acceptFor, formatLabels, RESUMABLE_THRESHOLD, type Checklist, type ChecklistItem, type StoredDocument } from '../../api/documents';
import { uploadInParts } from '../../api/resumableUpload';
import { checklistInputId } from './checklistInput';
import './DocumentChecklist.css';

interface Props {
  dossierId: string;
  /** Whether the enterprise may still add documents (a draft, or a supplement was requested). */
  editable: boolean;
  /** Types uploaded by another control of the page: listed here, not offered a second upload. */
  uploadedElsewhere?: string[];
  /** Changes when the page uploaded something itself, so the checklist reads itself again. */
  version?: unknown;
  onUploaded?: (document: StoredDocument) => void;
  /** Told when an upload's error appears or clears, so the page can count it in its title. */
  onErrorChange?: (documentType: string, message: string | null) => void;
}

/**
 * The documents the dossier's content requires, from the catalogue, each marked present or missing, then the
 * optional extras; with an upload for each while the dossier can still change.
 */
export function DocumentChecklist({ dossierId, editable, uploadedElsewhere = [], version, onUploaded, onErrorChange }: Props) {
  const { t } = useTranslation();
  const [checklist, setChecklist] = useState<Checklist | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api.checklist(dossierId).then(
      (loaded) => {
        setChecklist(loaded);
        setError(null);
      },
      (failure: unknown) => setError(describeError(t, failure).message),
    );
  }, [dossierId, t]);

  useEffect(load, [load, version]);

  if (error) return <p className="document-checklist__error">{t('documents.checklistUnavailable', { reason: error })}</p>;
  if (!checklist) return <p>{t('documents.loading')}</p>;

  const requiredCount = checklist.items.filter((item) => item.required).length;
  return (
    <div className="document-checklist">
      <p className="document-checklist__summary" role="status">
        {checklist.complete
          ? t('documents.complete', { count: requiredCount })
          : t('documents.missingCount', { count: checklist.missing.length })}
      </p>
      <ul className="document-checklist__items" aria-label={t('documents.checklistLabel')}>
        {checklist.items.map((item) => (
          <li key={item.documentType} className="document-checklist__item">
            <ItemRow
              item={item}
              dossierId={dossierId}
              canUpload={editable && !uploadedElsewhere.includes(item.documentType)}
              onUploaded={(document) => {
                load();
                onUploaded?.(document);
              }}
              onErrorChange={onErrorChange}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

function ItemRow({
  item,
  dossierId,
  canUpload,
  onUploaded,
  onErrorChange,
}: {
  item: ChecklistItem;
  dossierId: string;
  canUpload: boolean;
  onUploaded: (document: StoredDocument) => void;
  onErrorChange?: (documentType: string, message: string | null) => void;
}) {
  const { t } = useTranslation();
  const state = item.present ? 'present' : item.required ? 'missing' : 'optional';
  const infected = item.documents.some((d) => d.scanStatus === 'INFECTED');
  const scanPending = item.documents.some((d) => d.scanStatus === 'PENDING');
  return (
    <>
      <div className="document-checklist__head">
        <span className="document-checklist__name">{item.name}</span>
        <span className={`document-checklist__tag document-checklist__tag--${item.required ? 'required' : 'optional'}`}>
          {item.required ? t('documents.required') : t('documents.optional')}
        </span>
        <span className={`document-checklist__state document-checklist__state--${state}`}>
          {t(`documents.state.${state}`, { count: item.documents.length })}
        </span>
      </div>
      {infected ? <p className="document-checklist__error">{t('documents.infected')}</p> : null}
      {scanPending ? <p className="document-checklist__note">{t('documents.scanPending')}</p> : null}
      {canUpload ? (
        <ChecklistUpload dossierId={dossierId} item={item} onUploaded={onUploaded} onErrorChange={onErrorChange} />
      ) : null}
    </>
  );
}

/** One file for one type: a progress bar, large files in parts that resume, the server's reasons in words. */
export function ChecklistUpload({
  dossierId,
  item,
  onUploaded,
  onErrorChange,
}: {
  dossierId: string;
  item: Pick<ChecklistItem, 'documentType' | 'name' | 'formats'>;
  onUploaded: (document: StoredDocument) => void;
  onErrorChange?: (documentType: string, message: string | null) => void;
}) {
  const { t } = useTranslation();
  const inputId = checklistInputId(item.documentType);
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => () => abortRef.current?.abort(), []);
  useEffect(() => {
    onErrorChange?.(item.documentType, error);
    return () => onErrorChange?.(item.documentType, null);
  }, [error, item.documentType, onErrorChange]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    if (!file) {
      setError(t('documents.fileRequired'));
      inputRef.current?.focus();
      return;
    }
    if (file.size === 0) {
      setError(t('documents.emptyFile', { fileName: file.name }));
      return;
    }
    setError(null);
    setPercent(0);
    const controller = new AbortController();
    abortRef.current = controller;
    const options = { signal: controller.signal, onProgress: (fraction: number) => setPercent(Math.floor(fraction * 100)) };
    try {
      const document =
        file.size >= RESUMABLE_THRESHOLD
          ? await uploadInParts(api, dossierId, item.documentType, file, options)
          : await api.uploadAnyDocument(dossierId, item.documentType, file, options);
      setDone(t('documents.uploaded', { fileName: document.fileName }));
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
      onUploaded(document);
    } catch (failure) {
      if (failure instanceof DOMException && failure.name === 'AbortError') {
        setDone(t('documents.cancelled', { fileName: file.name }));
      } else {
        const reason = describeError(t, failure).message;
        setError(
          file.size >= RESUMABLE_THRESHOLD
            ? t('documents.failedResumable', { fileName: file.name, reason })
            : t('documents.failed', { fileName: file.name, reason }),
        );
      }
    } finally {
      abortRef.current = null;
      setPercent(null);
    }
  }

  const uploading = percent !== null;
  const errorId = `${inputId}-error`;
  return (
    <form className="document-checklist__upload" noValidate onSubmit={submit}>
      <label htmlFor={inputId} className="document-checklist__label">
        {t('documents.fileFor', { name: item.name, formats: formatLabels(item.formats) })}
      </label>
      {error ? (
        <p id={errorId} className="document-checklist__error">
          {error}
        </p>
      ) : null}
      <input
        id={inputId}
        ref={inputRef}
        type="file"
        accept={acceptFor(item.formats)}
        disabled={uploading}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          setError(null);
          setDone(null);
        }}
      />
      {uploading ? (
        <div className="document-checklist__progress">
          <label htmlFor={`${inputId}-progress`}>{t('documents.progressLabel', { name: item.name })}</label>
          <progress id={`${inputId}-progress`} max={100} value={percent}>
            {t('documents.progressText', { percent })}
          </progress>
          <span aria-hidden="true">{t('documents.progressText', { percent })}</span>
          <button type="button" className="button button--secondary" onClick={() => abortRef.current?.abort()}>
            {t('documents.cancel', { name: item.name })}
          </button>
        </div>
      ) : (
        <button type="submit" className="button button--secondary">
          {t('documents.upload', { name: item.name })}
        </button>
      )}
      <p className="document-checklist__done" role="status">
        {done}
      </p>
    </form>
  );
}
