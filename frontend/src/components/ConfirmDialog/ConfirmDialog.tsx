import { useEffect, useId, useRef, type ReactNode } from 'react';
import './ConfirmDialog.css';

interface Props {
  open: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** More content under the text (a countdown, details). */
  children?: ReactNode;
  /** An urgent message that needs an answer now (role=alertdialog), rather than a question the person asked for. */
  urgent?: boolean;
  /** The safe answer: it has the focus first and Escape gives it. The cancel button unless said otherwise. */
  safe?: 'cancel' | 'confirm';
}

/**
 * A modal question built on <dialog>: the browser keeps the focus inside it, makes the rest of
 * the page inert, closes it with Escape and gives the focus back to the button that opened it.
 * The safe answer has the focus first.
 */
export function ConfirmDialog({
  open,
  title,
  text,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  children,
  urgent = false,
  safe = 'cancel',
}: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      (safe === 'confirm' ? confirmRef : cancelRef).current?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open, safe]);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      role={urgent ? 'alertdialog' : undefined}
      aria-modal={urgent ? true : undefined}
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault();
        if (safe === 'confirm') onConfirm();
        else onCancel();
      }}
    >
      <h2 id={titleId} className="confirm-dialog__title">
        {title}
      </h2>
      <p id={textId}>{text}</p>
      {children}
      <div className="button-group">
        <button type="button" className="button" ref={confirmRef} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button button--secondary" ref={cancelRef} onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
