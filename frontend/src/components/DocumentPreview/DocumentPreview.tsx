import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { describeError, type Described } from '../../api/describeError';
import type { DossierDocument } from '../../api/types';
import './DocumentPreview.css';

/** The types a browser shows by itself; the others (DOCX, XLSX, ODT, ODS) are only offered for download. */
const PREVIEWABLE = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** The media type without its parameters, in lower case. */
function previewType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';', 1).join('').trim().toLowerCase();
}

export function canPreview(contentType: string | null | undefined): boolean {
  return (PREVIEWABLE as readonly string[]).includes(previewType(contentType));
}

type State = { kind: 'loading' } | { kind: 'ready'; url: string } | { kind: 'failed'; reason: Described };

interface Props {
  dossierId: string;
  /** The document on show; null keeps the dialog closed. */
  document: Pick<DossierDocument, 'id' | 'fileName' | 'contentType' | 'documentType'> | null;
  onClose: () => void;
}

/**
 * A stored PDF or image shown in a modal <dialog>, without saving it: the content is read with the
 * token as a Blob and shown through an object URL, given back when the dialog closes. The close
 * button has the focus first; Escape closes; the focus returns to the button that opened it.
 */
export function DocumentPreview({ dossierId, document, onClose }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<Element | null>(null);
  const titleId = useId();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const documentId = document?.id;
  const type = document ? previewType(document.contentType) : '';

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (documentId && !dialog.open) {
      openerRef.current = globalThis.document.activeElement;
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      closeRef.current?.focus();
    } else if (!documentId && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      const opener = openerRef.current;
      openerRef.current = null;
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    }
  }, [documentId]);

  useEffect(() => {
    if (!documentId) return;
    const controller = new AbortController();
    let url: string | null = null;
    setState({ kind: 'loading' });
    api.documentContent(dossierId, documentId, controller.signal).then(
      (blob) => {
        if (controller.signal.aborted) return;
        // The type comes from the allowed list, never from the bytes, so nothing else is ever rendered.
        url = URL.createObjectURL(new Blob([blob], { type }));
        setState({ kind: 'ready', url });
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setState({ kind: 'failed', reason: describeError(t, failure) });
      },
    );
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [dossierId, documentId, type, t]);

  const fileName = document?.fileName ?? '';
  return (
    <dialog
      ref={ref}
      className="document-preview"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="document-preview__bar">
        <h2 id={titleId} className="document-preview__title">
          {t('preview.title', { fileName })}
        </h2>
        <button type="button" className="button button--secondary" ref={closeRef} onClick={onClose}>
          {t('preview.close')}
        </button>
      </div>
      {document ? <Body state={state} fileName={fileName} type={type} /> : null}
    </dialog>
  );
}

function Body({ state, fileName, type }: { state: State; fileName: string; type: string }) {
  const { t } = useTranslation();
  if (state.kind === 'loading') {
    return (
      <p className="document-preview__status" role="status">
        {t('preview.loading', { fileName })}
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <p className="document-preview__error" role="alert">
        {t('preview.failed', { fileName })} <span lang={state.reason.lang}>{state.reason.message}</span>
      </p>
    );
  }
  return type === 'application/pdf' ? (
    <iframe className="document-preview__frame" src={state.url} title={t('preview.pdfTitle', { fileName })} />
  ) : (
    <img className="document-preview__image" src={state.url} alt={t('preview.imageAlt', { fileName })} />
  );
}

/** Saves a stored document as a file: a plain link cannot carry the token. */
export async function saveDocument(dossierId: string, document: Pick<DossierDocument, 'id' | 'fileName'>): Promise<void> {
  const blob = await api.documentContent(dossierId, document.id);
  const url = URL.createObjectURL(blob);
  try {
    const link = globalThis.document.createElement('a');
    link.href = url;
    link.download = document.fileName;
    link.hidden = true;
    globalThis.document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Let the browser start the download before the URL is given back.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
