import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { describeError } from '../../api/describeError';
import { RESUMABLE_THRESHOLD } from '../../api/documents';
import { uploadInParts } from '../../api/resumableUpload';
import type { DocumentType, DossierDocument } from '../../api/types';
import { Field } from '../Field/Field';
import './DocumentUpload.css';

interface Props {
  dossierId: string;
  documentType: DocumentType;
  /** The id of the file input, so an error summary elsewhere on the page can link to it. */
  inputId: string;
  onUploaded: (document: DossierDocument) => void;
  /** Lets the page count this control's error in its title. */
  onErrorChange?: (message: string | null) => void;
}

function looksLikePdf(file: File): boolean {
  return file.type === 'application/pdf' || file.name.toLowerCase().endsWith('.pdf');
}

/**
 * Uploads one PDF with a real progress bar fed by XMLHttpRequest's upload events, so people on
 * slow connections see that something is happening, and can cancel. Large files go in parts that resume.
 */
export function DocumentUpload({ dossierId, documentType, inputId, onUploaded, onErrorChange }: Props) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => onErrorChange?.(error), [error, onErrorChange]);
  useEffect(() => () => abortRef.current?.abort(), []);

  function fail(message: string) {
    setError(message);
    inputRef.current?.focus();
  }

  async function upload(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    if (!file) return fail(t('upload.fileRequired'));
    if (!looksLikePdf(file)) return fail(t('upload.notPdf', { fileName: file.name }));
    if (file.size === 0) return fail(t('upload.emptyFile', { fileName: file.name }));

    setError(null);
    setPercent(0);
    const controller = new AbortController();
    abortRef.current = controller;
    try {
      const options = { signal: controller.signal, onProgress: (fraction: number) => setPercent(Math.floor(fraction * 100)) };
      // a large file goes in parts: after a dropped connection, uploading it again carries on where it stopped
      const document =
        file.size >= RESUMABLE_THRESHOLD
          ? await uploadInParts(api, dossierId, documentType, file, options)
          : await api.uploadDocument(dossierId, documentType, file, options);
      setDone(t('upload.done', { fileName: document.fileName }));
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
      onUploaded(document);
    } catch (failure) {
      if (failure instanceof DOMException && failure.name === 'AbortError') {
        setDone(t('upload.cancelled', { fileName: file.name }));
      } else {
        fail(t('upload.failed', { fileName: file.name, reason: describeError(t, failure).message }));
      }
    } finally {
      abortRef.current = null;
      setPercent(null);
    }
  }

  const uploading = percent !== null;
  return (
    <form className="document-upload" noValidate onSubmit={upload}>
      <Field id={inputId} label={t('upload.fileLabel')} hint={t('upload.fileHint')} error={error ?? undefined}>
        {(control) => (
          <input
            {...control}
            ref={inputRef}
            className="field__input"
            type="file"
            name="file"
            accept="application/pdf,.pdf"
            disabled={uploading}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setError(null);
              setDone(null);
            }}
          />
        )}
      </Field>

      {uploading ? (
        <div className="document-upload__progress">
          <label htmlFor={`${inputId}-progress`}>{t('upload.progressLabel')}</label>
          <progress id={`${inputId}-progress`} max={100} value={percent}>
            {t('upload.progressText', { percent })}
          </progress>
          <span aria-hidden="true">{t('upload.progressText', { percent })}</span>
        </div>
      ) : null}

      <p className="document-upload__status" role="status">
        {done}
      </p>

      <div className="button-group">
        {uploading ? (
          <button type="button" className="button button--secondary" onClick={() => abortRef.current?.abort()}>
            {t('upload.cancel')}
          </button>
        ) : (
          <button type="submit" className="button button--secondary">
            {t('upload.submit')}
          </button>
        )}
      </div>
    </form>
  );
}
